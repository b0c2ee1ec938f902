// An example's task timeline: the recorded figure the build put under the output, and the live
// one of the reader's run. While the code is the original, the recorded figure stays under the
// live one, folded, to compare with; Reset brings it back alone.
//
// The live figure is drawn by Python in the worker (docs/assets/timeline/render.py), which
// escapes everything. The reader's program runs in that same Python, though, and a shared
// Playground link runs a stranger's program: so the page keeps only the elements and
// attributes a timeline is made of, and never a link, a script or an event handler.
import { strings } from "./strings.js";
import { Stepper } from "../timeline/stepper.js";

const ELEMENTS = new Set([
  "figure", "figcaption", "details", "summary", "table", "thead", "tbody", "tr", "th", "td",
  "code", "svg", "title", "g", "rect", "line", "circle", "path", "text",
]);
const ATTRIBUTES = new Set([
  "class", "id", "role", "tabindex", "colspan", "aria-label", "aria-labelledby", "viewBox",
  "preserveAspectRatio", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "width",
  "height", "text-anchor", "data-state", "data-depth", "data-line", "data-task", "data-replay", "data-label",
]);

/** `html` (a drawing from render.py) as DOM nodes, with anything else left out. */
export function timelineNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html; // inert: nothing in a template loads or runs
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ELEMENT);
  const unwanted = [];
  for (let node = /** @type {Element | null} */ (walker.nextNode()); node;
       node = /** @type {Element | null} */ (walker.nextNode())) {
    if (!ELEMENTS.has(node.localName)) {
      unwanted.push(node);
      continue;
    }
    for (const { name } of [...node.attributes]) {
      if (!ATTRIBUTES.has(name)) node.removeAttribute(name);
    }
  }
  for (const node of unwanted) node.remove();
  return template.content;
}

/** The height from the top of the first of `elements` to the bottom of the last, in px. */
function span(elements) {
  const shown = elements.filter((element) => !element.hidden);
  if (!shown.length) return 0;
  return shown.at(-1).getBoundingClientRect().bottom - shown[0].getBoundingClientRect().top;
}

export class TimelineView {
  /**
   * @param {HTMLElement} root the `.example` block
   * @param {string} name the example's name, for a figure id unique on the page
   * @param {import("../timeline/stepper.js").CodeLines | null} [lines] the code's lines, which
   *   the step-through marks
   */
  constructor(root, name, lines = null) {
    this.lines = lines;
    this.recorded = /** @type {HTMLElement | null} */ (root.querySelector(":scope > .timeline"));
    this.recordedSteps = this.recorded?.dataset.replay ? new Stepper(this.recorded, lines) : null;
    /** @type {Stepper | null} */
    this.liveSteps = null;
    this.live = document.createElement("div");
    this.live.className = "timeline-live";
    this.live.hidden = true;
    this.live.setAttribute("aria-live", "off");
    (this.recordedSteps?.element ?? this.recorded ?? root.querySelector(":scope > .example-output"))
      .after(this.live);
    /** @type {HTMLDetailsElement | null} the recorded figure, folded under the live one */
    this.folded = null;
    this.keepRecorded = false; // the recorded figure stays, folded under the live one
    this.request = {
      lang: document.documentElement.lang || "en",
      id: `timeline-live-${name.replace(/[^\w-]/g, "-")}`,
    };
  }

  /** A run starts: its own timeline (if any) takes the recorded one's place. With
   * `keepRecorded` (the code is the original), the recorded one stays, folded under it, and the
   * live one gets the recorded one's room: during the run, nothing below the example moves. */
  runStarted({ keepRecorded = false } = {}) {
    this.recordedSteps?.setOpen(false);
    this.keepRecorded = keepRecorded && Boolean(this.recorded);
    // The run of the original draws a figure like the recorded one (or the last run's): it gets
    // that one's room, and its top margin, which the figure's own will collapse into.
    const room = this.keepRecorded ? Math.max(span(this.recordedParts()), span([this.live])) : 0;
    const margin = this.keepRecorded ? getComputedStyle(this.recorded).marginTop : "";
    if (this.keepRecorded) this.fold();
    else this.unfold({ hidden: true });
    this.liveSteps?.destroy();
    this.liveSteps = null;
    this.live.replaceChildren();
    this.live.style.minHeight = room ? `${room}px` : "";
    this.live.style.marginTop = room ? margin : "";
    this.live.hidden = !room;
  }

  /** The run's timeline so far ("" when the run made no tasks). */
  show(html) {
    const open = this.live.querySelector("details")?.open; // keep the table open if it was
    this.liveSteps?.destroy();
    this.live.replaceChildren(timelineNodes(html));
    if (open) this.live.querySelector("details")?.setAttribute("open", "");
    this.live.hidden = !html && !this.live.style.minHeight;
    const figure = /** @type {HTMLElement | null} */ (
      this.live.querySelector(":scope > figure[data-replay]"));
    this.liveSteps = figure ? new Stepper(figure, this.lines) : null;
  }

  /** The run has ended: its timeline keeps the room it takes. */
  runEnded() {
    this.giveBackRoom();
    this.live.hidden = !this.live.childElementCount;
  }

  /** Reset: the recorded timeline again. */
  reset() {
    this.keepRecorded = false;
    this.liveSteps?.destroy();
    this.liveSteps = null;
    this.live.replaceChildren();
    this.giveBackRoom();
    this.live.hidden = true;
    this.unfold({ hidden: false });
  }

  giveBackRoom() {
    this.live.style.minHeight = "";
    this.live.style.marginTop = "";
  }

  /** The recorded figure and its step-through, in a closed `<details>` after the live figure. */
  fold() {
    if (!this.folded) {
      this.folded = document.createElement("details");
      this.folded.className = "timeline-recorded";
      const summary = document.createElement("summary");
      summary.textContent = strings()("recordedTimeline");
      this.folded.append(summary);
    }
    this.folded.append(...this.recordedParts());
    for (const part of this.recordedParts()) part.hidden = false;
    this.live.after(this.folded);
  }

  /** The recorded figure and its step-through back in their place, `hidden` or not. */
  unfold({ hidden }) {
    const parts = this.recordedParts();
    if (this.folded?.isConnected) {
      this.live.before(...parts);
      this.folded.remove();
    }
    for (const part of parts) part.hidden = hidden;
  }

  recordedParts() {
    return [this.recorded, this.recordedSteps?.element].filter(Boolean);
  }
}
