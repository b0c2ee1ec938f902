// When to start Python ahead of a click: as soon as the reader shows they mean to run something,
// never on a page load alone (a reader who only reads downloads none of Python's 7 MB).
// Intent is the pointer over Run, focus on Run, a touch on it, or an example that has stayed in
// view for DWELL_MS, which a reader on a metered or slow link (Save-Data, 2g/3g) is spared.
import { warmUp } from "./client.js";

const DWELL_MS = 5000;
const VISIBLE = 0.75; // share of the example that must be on screen

function cheapToFetch() {
  const connection = navigator.connection;
  if (!connection) return true;
  return !connection.saveData && !/(^|-)(2g|3g)$/.test(connection.effectiveType ?? "");
}

/** Start Python when the reader shows intent to press `button` (its example in view: the
 * button in view). */
export function watchIntent(button, example = button) {
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
