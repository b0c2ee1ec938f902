// Run and Stop buttons and the live output panel they drive. Used by every example and by the
// Playground. Output is only ever inserted as text, so a program cannot inject markup.
import { run, warmUp } from "./client.js";
import { seconds } from "./strings.js";

const MAX_KEPT = 200_000; // characters the panel keeps; the rest is counted and reported

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
   */
  constructor({ t, getCode, filename, onState = () => {} }) {
    this.t = t;
    this.getCode = getCode;
    this.filename = filename;
    this.onState = onState;
    this.job = null;

    this.runButton = makeButton(t("run"), "runner-run");
    this.stopButton = makeButton(t("stop"), "runner-stop");
    this.stopButton.hidden = true;
    this.runButton.addEventListener("click", () => this.start());
    this.stopButton.addEventListener("click", () => this.stop());
    // Intent to run: start Python while the reader's pointer or focus is on Run.
    for (const event of ["pointerenter", "focus", "touchstart"]) {
      this.runButton.addEventListener(event, () => warmUp(), { once: true, passive: true });
    }

    this.element = document.createElement("div");
    this.element.className = "run-output";
    this.element.hidden = true;
    const header = document.createElement("div");
    header.className = "run-output__header";
    this.label = document.createElement("span");
    this.label.className = "run-output__label";
    this.label.textContent = t("live");
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
    this.hint = document.createElement("p");
    this.hint.className = "run-output__hint";
    this.hint.hidden = true;
    this.element.append(header, this.log, this.hint);
  }

  get running() {
    return this.job !== null;
  }

  start() {
    if (this.job) return this.job.done;
    this.clear();
    this.element.hidden = false;
    this.runButton.disabled = true;
    this.stopButton.hidden = false;
    this.onState("running");
    const startedAt = performance.now();
    this.tick = setInterval(() => {
      this.clock.textContent = seconds(performance.now() - startedAt);
    }, 100);
    this.job = run(this.getCode(), {
      filename: this.filename,
      onStatus: (state) => {
        this.element.dataset.state = state;
        this.status.textContent = this.t(state, { t: "" }).replace(/\s+$/, "");
      },
      onOutput: (stream, text) => this.append(stream, text),
    });
    const done = this.job.done.then((result) => this.finish(result));
    this.job.done = done;
    return done;
  }

  stop() {
    this.job?.stop();
  }

  clear() {
    this.log.replaceChildren();
    this.kept = 0;
    this.cut = 0;
    this.hint.hidden = true;
    this.clock.textContent = "";
    this.status.textContent = "";
  }

  hide() {
    this.stop();
    this.clear();
    this.element.hidden = true;
  }

  append(stream, text) {
    if (this.kept + text.length > MAX_KEPT) {
      const room = Math.max(0, MAX_KEPT - this.kept);
      this.cut += text.length - room;
      text = text.slice(0, room);
      if (!text) return;
    }
    this.kept += text.length;
    const last = this.log.lastElementChild;
    if (last?.dataset.stream === stream) {
      last.append(text);
    } else {
      const span = document.createElement("span");
      span.dataset.stream = stream;
      span.className = `run-output__${stream}`;
      span.textContent = text;
      this.log.append(span);
    }
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
    if (nearBottom) this.log.scrollTop = this.log.scrollHeight;
  }

  finish(result) {
    clearInterval(this.tick);
    this.job = null;
    this.runButton.disabled = false;
    this.stopButton.hidden = true;
    const t = seconds(result.elapsed);
    this.clock.textContent = "";
    const cut = this.cut + (result.dropped ?? 0);
    if (cut) {
      const note = document.createElement("span");
      note.className = "run-output__cut";
      note.textContent = `\n${this.t("cut", { n: cut.toLocaleString() })}\n`;
      this.log.append(note);
    }
    if (!this.log.textContent) this.log.textContent = this.t("noOutput");
    let state;
    if (result.ok) state = this.t("finished", { t });
    else if (result.error === "stopped") state = this.t("stopped", { t });
    else if (result.error === "crashed") state = this.t("crashed", { t });
    else if (result.error === "start") state = this.t("startFailed", { error: result.detail });
    else state = this.t("failed", { t, error: result.error });
    this.status.textContent = state;
    this.element.dataset.state = result.ok ? "ok" : result.error === "stopped" ? "stopped" : "error";
    if (result.hint) {
      this.hint.textContent = this.t(result.hint === "threads" ? "hintThreads" : "hintJspi");
      this.hint.hidden = false;
    }
    this.onState("idle");
    return result;
  }
}
