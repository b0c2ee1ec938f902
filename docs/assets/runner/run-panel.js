// Run and Stop buttons and the live output panel they drive. Used by every example and by the
// Playground. Output is only ever inserted as text, so a program cannot inject markup.
import { run } from "./client.js";
import { endOfRun } from "./run-status.js";
import { noteRun, watchIntent } from "./intent.js";
import { seconds, startingText } from "./strings.js";

// A flood of output must not stall the page. Output is drawn at most FRAME_CHARS characters per
// screen refresh, into blocks of about BLOCK_CHARS characters that end at a line end (a longer
// line is cut at twice that): adding to the last block lays out that block only.
const FRAME_CHARS = 8_000;
const BLOCK_CHARS = 4_000;

const running = new Set(); // panels whose run has not ended

/** Stop the runs of panels no longer on the page (the reader moved on by instant navigation):
 * an endless program left behind would otherwise keep every later Run waiting. A run left
 * behind goes on until then, so moving between pages alone never restarts Python. */
function stopDetachedRuns() {
  for (const panel of running) {
    if (!panel.element.isConnected) panel.stop();
  }
}

export function makeButton(label, className) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `md-button runner-button ${className}`;
  button.textContent = label;
  return button;
}

export class RunPanel {
  /**
   * @param {object} options
   * @param {(key: string, values?: object) => string} options.t translated strings
   * @param {() => string} options.getCode the program to run
   * @param {string} options.filename shown in tracebacks
   * @param {(state: string) => void} [options.onState] "running" | "idle"
   * @param {{lang: string, id: string}} [options.timeline] ask for the run's task timeline
   * @param {(html: string) => void} [options.onTimeline] gets it as it grows
   */
  constructor({ t, getCode, filename, onState = () => {}, timeline = null, onTimeline = () => {} }) {
    this.t = t;
    this.getCode = getCode;
    this.filename = filename;
    this.onState = onState;
    this.timeline = timeline;
    this.onTimeline = onTimeline;
    this.job = null;
    this.returnFocus = null; // the button the run started from, which gets the focus back
    this.startedBy = null; // a button other than Run that started the run (Check)
    this.pending = []; // [stream, text] pairs taken but not drawn yet
    this.frame = null;
    this.waiting = []; // resolved once everything taken is drawn

    this.runButton = makeButton(t("run"), "runner-run");
    this.stopButton = makeButton(t("stop"), "runner-stop");
    this.stopButton.hidden = true;
    this.runButton.addEventListener("click", () => this.start());
    this.stopButton.addEventListener("click", () => this.stop());
    // Intent to run (pointer or focus on Run, Run in view for a while): start Python.
    watchIntent(this.runButton);

    this.element = document.createElement("div");
    this.element.className = "run-output";
    this.element.hidden = true;
    const header = document.createElement("div");
    header.className = "run-output__header";
    this.label = document.createElement("span");
    this.label.className = "run-output__label";
    // "Your run, in the browser: Pyodide (Python 3.14.2)": the build names the version, so the
    // label never changes (and moves nothing) during a run.
    const python = document.querySelector('meta[name="asyncio-notes:python"]')
      ?.getAttribute("content");
    this.label.textContent = python ? t("liveWith", { python }) : t("live");
    this.status = document.createElement("span");
    this.status.className = "run-output__status";
    this.status.setAttribute("role", "status");
    this.clock = document.createElement("span");
    this.clock.className = "run-output__clock";
    this.clock.setAttribute("aria-hidden", "true");
    header.append(this.label, this.status, this.clock);
    this.log = document.createElement("pre");
    this.log.className = "run-output__log";
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-label", t("output"));
    this.log.tabIndex = 0;
    this.input = null; // made when a program first asks for a line (see askForLine)
    this.hint = document.createElement("p");
    this.hint.className = "run-output__hint";
    this.hint.hidden = true;
    this.element.append(header, this.log, this.hint);
  }

  /** The field a program's input() reads from: shown while the program waits for a line.
   * Made on first use, not with the panel: a text field put into an example the browser has
   * not laid out yet (`content-visibility: auto`) makes it lay that example out at once, which
   * cost 13 ms per example on every page load. */
  makeInput() {
    const element = document.createElement("label");
    element.className = "run-output__input";
    element.hidden = true;
    const text = document.createElement("span");
    text.textContent = this.t("inputLabel");
    const field = document.createElement("input");
    field.type = "text";
    field.autocomplete = "off";
    field.spellcheck = false;
    element.append(text, field);
    field.addEventListener("keydown", (event) => {
      if (element.hidden || !this.job) return;
      if (event.key === "Enter") {
        event.preventDefault();
        this.answer(field.value);
      } else if (event.key === "d" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.answer(null);
      }
    });
    return { element, field };
  }

  askForLine() {
    this.render(); // the prompt, at once
    if (!this.input) {
      this.input = this.makeInput();
      this.hint.before(this.input.element);
    }
    this.input.element.hidden = false;
    this.input.field.focus({ preventScroll: true });
  }

  answer(text) {
    this.input.element.hidden = true;
    this.input.field.value = "";
    this.append("stdin", text === null ? "^D\n" : `${text}\n`);
    this.job.reply(text);
  }

  get running() {
    return this.job !== null;
  }

  /** Run the program; with `check` (an exercise's), the result carries the verdict. `button`
   * is the one that started it, if not Run (Check): it is disabled meanwhile, like Run. */
  start({ check = null, button = null } = {}) {
    if (this.job) return this.job.done;
    stopDetachedRuns();
    this.onState("running"); // first: the example measures itself before anything changes
    this.clear();
    this.element.hidden = false;
    // A disabled button cannot keep the focus: a keyboard reader goes on from Stop instead.
    const from = button ?? this.runButton;
    const fromRun = document.activeElement === from;
    this.returnFocus = fromRun ? from : null;
    this.runButton.disabled = true;
    if (button) button.disabled = true;
    this.startedBy = button;
    this.stopButton.hidden = false;
    if (fromRun) this.stopButton.focus({ preventScroll: true });
    const startedAt = performance.now();
    this.tick = setInterval(() => {
      this.clock.textContent = seconds(performance.now() - startedAt);
    }, 100);
    running.add(this);
    this.job = run(this.getCode(), {
      filename: this.filename,
      timeline: this.timeline,
      onTimeline: (html) => this.onTimeline(html),
      onStatus: (state, progress) => {
        this.element.dataset.state = state;
        this.status.textContent = progress ? startingText(this.t, progress)
          : this.t(state, { t: "" }).replace(/\s+$/, "");
      },
      onOutput: (stream, text) => this.append(stream, text),
      onInput: () => this.askForLine(),
      check,
    });
    const done = this.job.done.then((result) => this.finish(result));
    this.job.done = done;
    return done;
  }

  stop() {
    this.job?.stop();
  }

  /** Keep room in the log for `text` (what the recorded run printed), so that the lines as
   * they arrive fill it instead of pushing the page down; "" gives the room back. */
  reserve(text) {
    this.log.style.minHeight = "";
    if (!text) return;
    this.log.textContent = text; // laid out as the run's will be: same width, wrapping, cap
    const height = this.log.getBoundingClientRect().height;
    this.log.replaceChildren();
    this.log.style.minHeight = `${height}px`;
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.frame = null;
    this.pending = [];
    for (const resolve of this.waiting.splice(0)) resolve();
    this.log.replaceChildren();
    this.block = null;
    if (this.input) this.input.element.hidden = true;
    this.hint.hidden = true;
    this.clock.textContent = "";
    this.status.textContent = "";
  }

  hide() {
    this.stop();
    this.clear();
    this.element.hidden = true;
  }

  /** Take output (the worker has capped it: protocol.MAX_OUTPUT_CHARS); it is drawn from the
   * next screen refresh on. */
  append(stream, text) {
    this.pending.push([stream, text]);
    this.schedule();
  }

  schedule() {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.render(FRAME_CHARS);
    });
  }

  /** Draw up to `budget` characters of the output taken so far. */
  render(budget = Infinity) {
    const log = this.log;
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    while (budget > 0 && this.pending.length) {
      const next = this.pending[0];
      const part = next[1].slice(0, budget);
      this.write(next[0], part);
      budget -= part.length;
      if (part.length < next[1].length) next[1] = next[1].slice(part.length);
      else this.pending.shift();
    }
    if (nearBottom) log.scrollTop = log.scrollHeight;
    if (this.pending.length) this.schedule();
    else for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Resolves when all output taken is drawn (at once in a hidden tab, which has no frames). */
  drained() {
    if (document.hidden) this.render();
    if (!this.pending.length) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  write(stream, text) {
    while (text) {
      const full = this.block && this.block.chars >= BLOCK_CHARS;
      if (!this.block || (full && this.block.endsLine) || this.block.chars >= 2 * BLOCK_CHARS) {
        const element = document.createElement("span");
        element.className = "run-output__block";
        this.log.append(element);
        this.block = { element, chars: 0, endsLine: false };
      }
      const soft = BLOCK_CHARS - this.block.chars;
      const hard = 2 * BLOCK_CHARS - this.block.chars;
      let take = Math.min(text.length, hard);
      if (text.length > soft) {
        const lineEnd = text.indexOf("\n", Math.max(0, soft));
        if (lineEnd >= 0 && lineEnd < hard) take = lineEnd + 1;
      }
      const part = text.slice(0, take);
      text = text.slice(take);
      const last = /** @type {HTMLElement | null} */ (this.block.element.lastElementChild);
      if (last?.dataset.stream === stream) {
        /** @type {Text} */ (last.firstChild).appendData(part);
      } else {
        const span = document.createElement("span");
        span.dataset.stream = stream;
        span.className = `run-output__${stream}`;
        span.textContent = part;
        this.block.element.append(span);
      }
      this.block.chars += part.length;
      this.block.endsLine = part.endsWith("\n");
    }
  }

  async finish(result) {
    clearInterval(this.tick);
    // The end of a run shows once its output is all drawn; after Stop or a crash, at once.
    if (result.error === "stopped" || result.error === "crashed") this.render();
    await this.drained();
    running.delete(this);
    this.job = null;
    if (this.input) this.input.element.hidden = true;
    this.runButton.disabled = false;
    if (this.startedBy) this.startedBy.disabled = false;
    this.startedBy = null;
    // Back to Run (or Check), where the reader started, if the focus is still on Stop (or was
    // lost).
    const focused = document.activeElement;
    const onStop = focused === this.stopButton || focused === document.body;
    this.stopButton.hidden = true;
    if (this.returnFocus && onStop && this.element.isConnected) {
      this.returnFocus.focus({ preventScroll: true });
    }
    if (result.elapsed) noteRun(); // Python ran it (not a run stopped or failed before)
    this.clock.textContent = "";
    const cut = result.dropped ?? 0;
    if (cut) {
      const log = this.log;
      const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      const note = document.createElement("span");
      note.className = "run-output__cut";
      note.textContent = this.t("cut", { n: cut.toLocaleString() });
      log.append(note);
      if (nearBottom) log.scrollTop = log.scrollHeight;
    }
    if (!this.log.textContent) this.log.textContent = this.t("noOutput");
    const { status, state, hint } = endOfRun(this.t, result, { online: navigator.onLine });
    this.status.textContent = status;
    this.element.dataset.state = state;
    if (hint) {
      this.hint.textContent = hint;
      this.hint.hidden = false;
    }
    this.onState("idle");
    return result;
  }
}
