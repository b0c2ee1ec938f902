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

/** Ask the service worker to keep `group` for offline use (it fetches what it lacks). */
export async function keepOffline(group) {
  if (!(await registration)) return;
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: "keep", group });
}

document$.subscribe(() => {
  if (document.querySelector("pre.diagram")) keepOffline("mermaid");
});
