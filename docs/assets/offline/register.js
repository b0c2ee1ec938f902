// Registers the site's service worker (/sw.js, written by the build), which keeps the site for
// reading and running offline. `keepOffline(group)` asks it to keep a group of large files once
// the reader has used them: "python" after Python started, "mermaid" on a page with a diagram.
const ROOT = new URL("../../", import.meta.url);
const supported = "serviceWorker" in navigator && window.isSecureContext;

// After the page has loaded, so that keeping the whole site never competes with the page.
const loaded = new Promise((resolve) => {
  if (document.readyState === "complete") resolve();
  else window.addEventListener("load", resolve, { once: true });
});

function register() {
  return navigator.serviceWorker.register(new URL("sw.js", ROOT), {
    scope: ROOT.pathname,
    updateViaCache: "none", // a new build's service worker code, never an old cached copy
  });
}

const registration = supported
  ? loaded.then(register).catch(() => null) // no /sw.js, or storage refused: online only
  : Promise.resolve(null);

const unkept = new Set(); // groups asked for and not reported kept whole yet

async function tell(message) {
  if (!(await registration)) return;
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage(message);
}

if (supported) {
  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data?.type === "kept" && data.whole) unkept.delete(data.group);
  });
}

/** Ask the service worker to keep `group` for offline use (it fetches what it lacks); with
 * `andHeld`, also every group a run held back (only once idle: a diagram page must not restart
 * Python's copy while the reader may press Run). */
export function keepOffline(group, { andHeld = false } = {}) {
  unkept.add(group);
  for (const name of andHeld ? unkept : [group]) tell({ type: "keep", group: name });
}

/** A program is about to run: the service worker stops copying (what it copied stays) until
 * `keepOffline` is asked again. Returns whether there was anything to hold. */
export function holdKeeping() {
  if (!unkept.size) return false;
  tell({ type: "hold" });
  return true;
}

document$.subscribe(() => {
  if (document.querySelector("pre.diagram")) keepOffline("mermaid");
});
