// When to start Python ahead of a click: as soon as the reader shows they mean to run something,
// never on a page load alone (a reader who only reads downloads none of Python's 7 MB).
// Intent is the pointer over Run, focus on Run, a touch on it, or an example that has stayed in
// view for DWELL_MS, which a reader on a metered or slow link (Save-Data, 2g/3g) is spared.
// A returning reader, who ran a program here in the last RETURNING_DAYS, has Python started
// once each page is idle: from the browser's cache, it costs a second of a background thread
// and no download, and their next Run need not wait for it (docs: contributing, "Speed").
import { warmUp } from "./client.js";
import { load, save } from "./storage.js";

const DWELL_MS = 5000;
const VISIBLE = 0.75; // share of the example that must be on screen
const RAN = "python-ran"; // storage key: when the reader last ran a program
const RETURNING_DAYS = 30;
const MIN_MEMORY_GB = 4; // Python takes about 100 MB: not on small devices without asking

function cheapToFetch() {
  const connection = navigator.connection;
  if (!connection) return true;
  return !connection.saveData && !/(^|-)(2g|3g)$/.test(connection.effectiveType ?? "");
}

/** Note that the reader ran a program (they are a returning reader on their next visits). */
export function noteRun() {
  save(RAN, Date.now());
}

function returningReader() {
  const at = load(RAN);
  return typeof at === "number" && Date.now() - at < RETURNING_DAYS * 86_400_000;
}

let prestartChecked = false;

/** Once per page load: start Python for a returning reader when the page is idle and shown.
 * `?prestart=off` turns this off (the benchmark measures the return visit without it too). */
function prestartForReturningReader() {
  if (prestartChecked) return;
  prestartChecked = true;
  if (new URLSearchParams(location.search).get("prestart") === "off") return;
  if (!returningReader() || !cheapToFetch() || (navigator.deviceMemory ?? 8) < MIN_MEMORY_GB) {
    return;
  }
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
  const whenShown = () => {
    if (document.visibilityState === "visible") warmUp();
    else document.addEventListener("visibilitychange", whenShown, { once: true });
  };
  // After the page has drawn itself: Python's start must not slow the page down.
  const start = () => idle(whenShown, { timeout: 2000 });
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}

/** Start Python when the reader shows intent to press `button` (its example in view: the
 * button in view). */
export function watchIntent(button, example = button) {
  prestartForReturningReader();
  for (const event of ["pointerenter", "focus", "touchstart"]) {
    button.addEventListener(event, () => warmUp(), { once: true, passive: true });
  }
  if (!example || !("IntersectionObserver" in window) || !cheapToFetch()) return;
  let timer = null;
  const observer = new IntersectionObserver(([entry]) => {
    clearTimeout(timer);
    if (!entry.isIntersecting || !example.isConnected) return;
    timer = setTimeout(() => {
      observer.disconnect();
      if (example.isConnected && document.visibilityState === "visible") warmUp();
    }, DWELL_MS);
  }, { threshold: VISIBLE });
  observer.observe(example);
}
