// The step-through under a task timeline: "Step through" opens Previous/Next buttons and a
// slider over the turns of the event loop (replay.js). At each step the timeline marks the
// moment and the task that ran, the example's code marks the line each task stands at, a
// status line says what happened, and a small await tree shows who waits on whom.
import { strings } from "../runner/strings.js";
import { currentLine, describeStep, replaySteps } from "./replay.js";

const SVG = "http://www.w3.org/2000/svg";
let made = 0; // for ids unique on the page

/**
 * The lines of an example's code the steps are marked on: a code block's line spans (the
 * build's `__span-*`), or the editor's lines (its `markLines`).
 */
export class CodeLines {
  /** @param {() => ({markLines: (marks: object[]) => void} | null)} editor the open editor */
  constructor(/** @type {HTMLElement | null} */ codeBlock, editor) {
    this.codeBlock = codeBlock;
    this.editor = editor;
    /** @type {HTMLElement[]} */
    this.marked = [];
  }

  /** Mark `marks` ([{line, kind: "run" | "wait", tasks}]); [] takes every mark away. */
  mark(marks) {
    for (const span of this.marked) {
      span.classList.remove("replay-line", "replay-line--run", "replay-line--wait");
      span.removeAttribute("aria-current");
      span.removeAttribute("data-replay-tasks");
    }
    this.marked = [];
    const attributes = marks.map(({ line, kind, tasks }) => ({
      line,
      attributes: {
        class: `replay-line replay-line--${kind}`,
        "data-replay-tasks": tasks.join(", "),
        ...(kind === "run" ? { "aria-current": "step" } : {}),
      },
    }));
    const editor = this.editor();
    if (editor) {
      editor.markLines(attributes);
      return;
    }
    const spans = this.codeBlock?.querySelectorAll(":scope code > span[id]") ?? [];
    for (const { line, attributes: a } of attributes) {
      const span = /** @type {HTMLElement | undefined} */ (spans[line - 1]);
      if (!span) continue;
      span.classList.add(...a.class.split(" "));
      span.dataset.replayTasks = a["data-replay-tasks"];
      if (a["aria-current"]) span.setAttribute("aria-current", "step");
      this.marked.push(span);
    }
  }
}

/** The marks for a step: the running task's line, then the lines the others wait on. */
export function lineMarks(step) {
  const marks = new Map();
  const add = (line, kind, task) => {
    const mark = marks.get(line) ?? { line, kind, tasks: [] };
    if (kind === "run") mark.kind = "run";
    if (!mark.tasks.includes(task)) mark.tasks.push(task);
    marks.set(line, mark);
  };
  const running = currentLine(step.frames);
  if (running !== null) add(running, "run", step.name);
  for (const waiting of step.waiting) {
    for (const [, line] of waiting.frames) add(line, "wait", waiting.name);
  }
  for (const [, line] of step.frames.slice(0, -1)) add(line, "wait", step.name);
  return [...marks.values()];
}

export class Stepper {
  /**
   * @param {HTMLElement} figure a `figure.timeline` with `data-replay` (render.py)
   * @param {CodeLines | null} lines where the code's lines get marked
   */
  constructor(figure, lines) {
    this.figure = figure;
    this.lines = lines;
    this.t = strings();
    const replay = JSON.parse(figure.dataset.replay ?? "null");
    this.replay = replay;
    this.steps = replay ? replaySteps(replay) : [];
    this.index = 0;
    if (!this.steps.length) return;
    this.element = this.build();
    figure.after(this.element);
  }

  build() {
    const t = this.t;
    const id = `stepper-${++made}`;
    const root = document.createElement("div");
    root.className = "stepper";
    this.toggle = document.createElement("button");
    this.toggle.type = "button";
    this.toggle.className = "md-button runner-button stepper__toggle";
    this.toggle.textContent = t("stepThrough");
    this.toggle.setAttribute("aria-expanded", "false");
    this.toggle.setAttribute("aria-controls", id);
    this.toggle.addEventListener("click", () => this.setOpen(this.body.hidden));

    this.body = document.createElement("div");
    this.body.id = id;
    this.body.className = "stepper__body";
    this.body.hidden = true;
    this.body.setAttribute("role", "group");
    this.body.setAttribute("aria-label", t("stepControls"));

    const controls = document.createElement("div");
    controls.className = "stepper__controls";
    this.previous = this.button(t("stepPrevious"), "stepper__previous", -1);
    this.next = this.button(t("stepNext"), "stepper__next", 1);
    this.slider = document.createElement("input");
    this.slider.type = "range"; // role "slider": Home, End and the arrow keys come with it
    this.slider.className = "stepper__slider";
    this.slider.min = "1";
    this.slider.max = String(this.steps.length);
    this.slider.step = "1";
    this.slider.setAttribute("aria-label", t("stepSlider"));
    this.slider.addEventListener("input", () => this.show(Number(this.slider.value) - 1));
    this.position = document.createElement("span");
    this.position.className = "stepper__position";
    this.position.setAttribute("aria-hidden", "true"); // the slider's value text says it
    controls.append(this.previous, this.slider, this.next, this.position);

    this.status = document.createElement("p");
    this.status.className = "stepper__status";
    this.status.setAttribute("role", "status");

    this.tree = document.createElement("div");
    this.tree.className = "stepper__tree";
    const heading = document.createElement("p");
    heading.className = "stepper__tree-title";
    heading.id = `${id}-tree`;
    heading.textContent = t("stepTree");
    this.treeList = document.createElement("ul");
    this.treeList.setAttribute("aria-labelledby", heading.id);
    this.tree.append(heading, this.treeList);

    this.body.append(controls, this.status, this.tree);
    if (this.replay.hidden_turns) {
      const note = document.createElement("p");
      note.className = "stepper__note";
      note.textContent = t("stepCapped", { n: this.steps.length, more: this.replay.hidden_turns });
      this.body.append(note);
    }
    root.append(this.toggle, this.body);
    return root;
  }

  button(label, className, delta) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `md-button runner-button stepper__button ${className}`;
    button.textContent = label;
    // aria-disabled, not disabled: a button that is disabled under the focus drops it.
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-disabled") !== "true") this.show(this.index + delta);
    });
    return button;
  }

  setOpen(open) {
    this.body.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    if (open) this.show(this.index);
    else this.clear();
  }

  /** Show step `index` (from 0), clamped to the steps there are. */
  show(index) {
    const t = this.t;
    this.index = Math.max(0, Math.min(index, this.steps.length - 1));
    const step = this.steps[this.index];
    const position = t("stepOf", {
      n: this.index + 1, total: this.steps.length, time: step.time.toFixed(2),
    });
    this.slider.value = String(this.index + 1);
    this.slider.setAttribute("aria-valuetext", position);
    this.position.textContent = position;
    this.previous.setAttribute("aria-disabled", String(this.index === 0));
    this.next.setAttribute("aria-disabled", String(this.index === this.steps.length - 1));
    this.status.textContent = describeStep(step, t);
    this.treeList.replaceChildren(...step.tree.map((node) => this.treeItem(node)));
    this.markFigure(step);
    this.lines?.mark(lineMarks(step));
  }

  treeItem(node) {
    const t = this.t;
    const item = document.createElement("li");
    if (node.running) item.className = "stepper__running";
    const name = document.createElement("code");
    name.textContent = node.name;
    item.append(name);
    const [, ...inner] = node.frames;
    const line = node.frames[0]?.[1];
    if (line !== undefined) item.append(` · ${t("stepTreeLine", { line })}`);
    for (const [call, at] of inner) {
      const code = document.createElement("code");
      code.textContent = call;
      item.append(" → ", code, ` · ${t("stepTreeLine", { line: at })}`);
    }
    if (node.running) item.append(` · ${t("stepTreeRunning")}`);
    else if (node.waitsOn) item.append(` · ${t("stepTreeWaits", { what: node.waitsOn })}`);
    if (node.children.length) {
      const list = document.createElement("ul");
      list.append(...node.children.map((child) => this.treeItem(child)));
      item.append(list);
    }
    return item;
  }

  /** The moment on the time axis, and the lane of the task that ran. */
  markFigure(step) {
    const svg = this.figure.querySelector(":scope > svg");
    if (!svg) return;
    const { x0, scale, bottom, lanes, lane } = this.replay;
    let now = svg.querySelector(":scope > .timeline__now");
    if (!now) {
      now = document.createElementNS(SVG, "line");
      now.setAttribute("class", "timeline__now");
      svg.append(now);
    }
    // A figure drawn by turns (render.py's by_turns) has turn k between k and k + 1.
    const at = this.replay.by_turn ? step.index + 0.5 : step.time;
    const x = (x0 + at * scale).toFixed(1);
    for (const [name, value] of [["x1", x], ["x2", x], ["y1", "0"], ["y2", String(bottom)]]) {
      now.setAttribute(name, value);
    }
    let band = svg.querySelector(":scope > .timeline__now-lane");
    const top = lanes?.[step.task];
    if (top === null || top === undefined) {
      band?.remove();
    } else {
      if (!band) {
        band = document.createElementNS(SVG, "rect");
        band.setAttribute("class", "timeline__now-lane");
        svg.querySelector(":scope > title")?.after(band); // under the lanes' bars
      }
      band.setAttribute("x", "0");
      band.setAttribute("y", String(top));
      band.setAttribute("width", "100%");
      band.setAttribute("height", String(lane));
    }
  }

  clear() {
    this.figure.querySelector("svg > .timeline__now")?.remove();
    this.figure.querySelector("svg > .timeline__now-lane")?.remove();
    this.lines?.mark([]);
  }

  /** The figure goes (a new run, Reset): take the marks and the controls away. */
  destroy() {
    if (!this.element) return;
    this.clear();
    this.element.remove();
  }
}
