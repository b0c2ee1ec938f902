// Under a task timeline, says what the bar or mark under the pointer or the keyboard focus
// stands for (an SVG <title> shows on hover only, and never on focus), and links each print
// mark to its line of output, marked with the CSS Custom Highlight API (no change to the
// output's markup). The listeners sit on the document, so figures that come later (instant
// navigation, live timelines redrawn during a run) need nothing more.

const HIGHLIGHT = "timeline-line";
const FIGURE = "figure.timeline";

/** The element under `target` that says something (an aria-label or a <title> of its own). */
function speaking(target) {
  for (let node = target; node instanceof Element; node = node.parentElement) {
    if (node.localName === "svg" || node.localName === "figure") return null;
    if (node.hasAttribute("aria-label") || node.querySelector(":scope > title")) return node;
  }
  return null;
}

function readout(figure) {
  let line = figure.querySelector(":scope > .timeline__readout");
  if (!line) {
    line = document.createElement("p");
    line.className = "timeline__readout";
    line.setAttribute("aria-hidden", "true"); // screen readers have the aria-label already
    figure.querySelector(":scope > svg")?.after(line);
  }
  return line;
}

/** The output the figure's print marks count lines of: the run's for a live figure, the
 * recorded one for the recorded figure. */
function outputOf(figure) {
  const example = figure.closest(".example");
  if (!example) return null;
  if (figure.closest(".timeline-live")) return example.querySelector(".run-output__log");
  return example.querySelector(".example-output code");
}

/** A Range over line `n` (from 1) of the text in `container`, without its line end. */
function lineRange(container, n) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let line = 1;
  let range = null;
  for (let node = /** @type {Text | null} */ (walker.nextNode()); node;
       node = /** @type {Text | null} */ (walker.nextNode())) {
    let from = 0;
    while (true) {
      if (line === n && !range) {
        range = document.createRange();
        range.setStart(node, from);
      }
      const end = node.data.indexOf("\n", from);
      if (end < 0) break;
      if (line === n) {
        range.setEnd(node, end);
        return range;
      }
      line += 1;
      from = end + 1;
    }
  }
  if (range) range.setEnd(container, container.childNodes.length);
  return range;
}

/** Scroll a scrolling output panel (never the page) so that `range` shows. */
function reveal(container, range) {
  const panel = container.closest(".run-output__log") ?? container.closest("pre");
  if (!panel || panel.scrollHeight <= panel.clientHeight) return;
  const box = range.getBoundingClientRect();
  const view = panel.getBoundingClientRect();
  if (box.top < view.top || box.bottom > view.bottom) {
    panel.scrollTop += box.top - view.top - view.height / 2;
  }
}

let shown = null; // the figure whose readout is showing
let shownBy = null; // "pointer" or "focus": only the same one takes it away

function clear() {
  if (shown) readout(shown).textContent = "";
  shown = null;
  shownBy = null;
  globalThis.CSS?.highlights?.delete(HIGHLIGHT);
}

function show(event) {
  const by = event.type === "focusin" ? "focus" : "pointer";
  const target = event.target instanceof Element ? event.target : null;
  const figure = target?.closest(FIGURE);
  const element = figure && speaking(target);
  if (!element) {
    // The pointer moved off (or the page moved under a still pointer): a readout the
    // keyboard asked for stays.
    if (shown && shownBy === by && (by === "focus" || !shown.contains(target))) clear();
    return;
  }
  if (shown && shown !== figure) clear();
  shown = figure;
  shownBy = by;
  const title = element.querySelector(":scope > title");
  readout(figure).textContent = element.getAttribute("aria-label") ?? title?.textContent ?? "";
  globalThis.CSS?.highlights?.delete(HIGHLIGHT);
  const n = Number(/** @type {HTMLElement} */ (element).dataset?.line);
  const output = n ? outputOf(figure) : null;
  const range = output && lineRange(output, n);
  if (range && globalThis.CSS?.highlights && globalThis.Highlight) {
    CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    reveal(output, range);
  }
}

document.addEventListener("pointerover", show);
document.addEventListener("focusin", show);
document.addEventListener("focusout", (event) => {
  if (shown && shownBy === "focus" && !shown.contains(event.relatedTarget)) clear();
});

// One tab stop per figure (render.py gives tabindex="0" to its first bar only): the arrow keys
// move from bar to mark, Home and End to the first and the last; the one left focused is where
// Tab comes back to.
const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

document.addEventListener("keydown", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const svg = target?.closest("figure.timeline > svg");
  if (!svg || !target?.hasAttribute("tabindex")) return;
  const stops = [...svg.querySelectorAll("[tabindex]")];
  const at = stops.indexOf(target);
  let next = at;
  if (event.key in MOVES) next = Math.max(0, Math.min(stops.length - 1, at + MOVES[event.key]));
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = stops.length - 1;
  else return;
  event.preventDefault(); // the page does not scroll
  if (next === at) return;
  target.setAttribute("tabindex", "-1");
  stops[next].setAttribute("tabindex", "0");
  /** @type {SVGElement} */ (stops[next]).focus();
});
