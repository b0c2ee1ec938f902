// Registers the site's service worker (/sw.js, written by the build), which keeps the site for
// reading and running offline. `keepOffline(group)` asks it to keep a group of files once the
// reader reads on (a second page, or a Run): "site" (every page, 3 MB) and "mermaid" (on a page
// with a diagram), and "python" once Python started. A reader who came for one page fetches that
// page only.
const ROOT = new URL("../../", import.meta.url);
const supported = "serviceWorker" in navigator && window.isSecureContext;
const CHOICE = "asyncio-notes:offline"; // "off" or "on", as the reader chose; else the default
const PAGES_SEEN = "asyncio-notes:pages-seen"; // paths this browser has shown, up to READING_ON
const READING_ON = 2;

function choice() {
  try {
    return localStorage.getItem(CHOICE);
  } catch {
    return null;
  }
}

/** Whether the site keeps nothing offline: the reader said so (on the Browser Python page), or,
 * until they ask for it, their browser asks to save data. */
export function offlineRefused() {
  const chosen = choice();
  if (chosen) return chosen === "off";
  return Boolean(/** @type {any} */ (navigator).connection?.saveData);
}

/** Whether the site keeps nothing offline only because the browser asks to save data. */
export function offlineSavesData() {
  return !choice() && offlineRefused();
}

// After the page has loaded, so that keeping the whole site never competes with the page.
const loaded = new Promise((resolve) => {
  if (document.readyState === "complete") resolve();
  else window.addEventListener("load", resolve, { once: true });
});

// Whether a service worker is registered: before it is, nothing is being copied to hold.
const copier = { registered: false };

function register() {
  return navigator.serviceWorker.register(new URL("sw.js", ROOT), {
    scope: ROOT.pathname,
    updateViaCache: "none", // a new build's service worker code, never an old cached copy
  });
}

let registration = supported && !offlineRefused()
  ? loaded.then(register).catch(() => null) // no /sw.js, or storage refused: online only
  : Promise.resolve(null);
registration.then((done) => { copier.registered = Boolean(done); });

/** How much this site keeps in the browser, in bytes (null when the browser does not say):
 * the origin's whole usage, which the offline copy is nearly all of. */
export async function keptBytes() {
  const usage = (await navigator.storage?.estimate?.())?.usage;
  return typeof usage === "number" ? usage : null;
}

/** The reader's choice on the Browser Python page: stop keeping the site offline and delete
 * what was kept (`false`), or keep it again (`true`). */
export async function setKeepOffline(keep) {
  try {
    localStorage.setItem(CHOICE, keep ? "on" : "off");
  } catch {
    // The choice lasts for this page only; what follows still happens.
  }
  if (!supported) return;
  if (keep) {
    registration = register().catch(() => null);
    copier.registered = Boolean(await registration);
    readingOn.reached = true;
    keepSite();
    return;
  }
  registration = Promise.resolve(null);
  copier.registered = false;
  unkept.clear();
  for (const each of await navigator.serviceWorker.getRegistrations()) await each.unregister();
  for (const name of await caches.keys()) {
    if (name.startsWith("asyncio-notes-")) await caches.delete(name);
  }
}

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
  if (offlineRefused()) return;
  unkept.add(group);
  for (const name of andHeld ? unkept : [group]) tell({ type: "keep", group: name });
}

/** A program is about to run: the service worker stops copying (what it copied stays) until
 * `keepOffline` is asked again. Returns whether there was anything to hold. */
export function holdKeeping() {
  if (!unkept.size) return false;
  // Before the service worker is registered nothing is being copied; a hold sent then would
  // reach it after the first "keep" and stop that copy.
  if (copier.registered) tell({ type: "hold" });
  return true;
}

/** Whether the reader reads on: this browser has shown a second page of the site (a reload
 * of the same page does not count), or ran a program. Remembered across visits, so a
 * returning reader's copy is brought up to date. */
/** @type {{reached: boolean, pages: Set<string> | null}} pages: when storage is blocked */
const readingOn = { reached: false, pages: null };

function countPage() {
  if (choice() === "on") readingOn.reached = true; // the reader asked for the copy
  const here = location.pathname;
  try {
    const seen = JSON.parse(localStorage.getItem(PAGES_SEEN) ?? "[]");
    const pages = Array.isArray(seen) ? seen : [];
    if (!pages.includes(here) && pages.length < READING_ON) pages.push(here);
    localStorage.setItem(PAGES_SEEN, JSON.stringify(pages));
    if (pages.length >= READING_ON) readingOn.reached = true;
  } catch {
    // Storage blocked or a damaged entry: this visit's pages only.
    readingOn.pages ??= new Set();
    readingOn.pages.add(here);
    if (readingOn.pages.size >= READING_ON) readingOn.reached = true;
  }
}

/** Whether the site is kept offline, or being kept: else it will be once the reader reads on.
 * (Pages fetched through the service worker are kept as they come, so a cache alone says
 * nothing.) */
export function offlineStarted() {
  return readingOn.reached;
}

/** The site's pages, and the diagrams' code where the page has a diagram. */
function keepSite() {
  keepOffline("site");
  if (document.querySelector("pre.diagram")) keepOffline("mermaid");
}

/** A program ran: the reader reads on, and the site is kept with Python and this browser's
 * snapshot of it (iOS has one of its own). */
export async function keepForRunning({ andHeld = false } = {}) {
  readingOn.reached = true;
  keepSite();
  const { onIOS } = await import("../runner/start-plan.js"); // the worker has fetched it
  // As the worker sees its browser: a worker has no maxTouchPoints, so an iPad asking for the
  // desktop site starts from the usual snapshot there, and keeps that one.
  const seenByWorker = { userAgent: navigator.userAgent, platform: navigator.platform };
  keepOffline(onIOS(seenByWorker) ? "snapshot-ios" : "snapshot");
  keepOffline("python", { andHeld });
}

document$.subscribe(() => {
  countPage();
  if (readingOn.reached) keepSite();
  const control = /** @type {HTMLElement | null} */ (
    document.querySelector("[data-offline-control]:not([data-mounted])"));
  // Loaded on the one page that has it, after this module has finished loading.
  if (control) import("./control.js").then(({ mountOfflineControl }) => mountOfflineControl(control));
});
