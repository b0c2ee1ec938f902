// The started Python of one worker and what it fetches after starting: the rest of the
// standard library (a snapshot start begins without it), the live timeline's modules and
// labels, and the exercises' judge. worker.js makes one, once Python is up (start.js).
import { JUDGE_MODULE, TIMELINE_MODULES } from "./protocol.js";

const HOME = "/home/pyodide";
const TIMELINE = new URL("../timeline/", import.meta.url);
const STDLIB_AFTER_MS = 5000; // idle time after a run before the standard library is fetched

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

/** A file of the live timeline (docs/assets/timeline/), as text. */
export const fetchTimelineFile = async (name) =>
  (await fetchOk(new URL(name, TIMELINE))).text();

/** What a Check needs (the judge, the timeline's files) could not be fetched: offline. */
export class CheckUnavailable extends Error {}

export class Runtime {
  /**
   * @param {object} started what PythonStart.load() gave, and the worker's pieces
   * @param {any} started.pyodide
   * @param {URL} started.folder the runtime's folder (python_stdlib.zip is there)
   * @param {boolean} started.fullStdlib whether the whole standard library is in place
   * @param {import("./protocol.js").StartInfo} started.start how Python started
   * @param {Promise<string>} started.labels labels.json, fetched while Python started
   */
  constructor({ pyodide, folder, fullStdlib, start, labels }) {
    this.pyodide = pyodide;
    this.folder = folder;
    this.fullStdlib = fullStdlib;
    this.start = start;
    this.runner = null; // pyrun, once `attach` has set it up
    this.busy = false; // a program is running
    this.stdlib = null; // the full standard library arriving
    this.stdlibBytes = null; // fetched while a run was going: installed when it ends
    this.stdlibTimer = null;
    this.snapshotEnough = new Set(); // programs that need no module beyond the snapshot's
    this.labelsText = labels;
    this.labelsText.catch(() => {}); // fetched again when a run wants them
    this.timelineLoaded = null;
    this.labelsByLanguage = new Map(); // language -> its timeline labels, as a Python dict
    this.runRecorded = null;
    this.judgeLoaded = null;
  }

  /** Take the runner module (pyrun), already imported and set up by the worker. */
  attach(runner) {
    this.runner = runner;
  }

  // ── The standard library ───────────────────────────────────────────────────────────────

  fetchStdlib() {
    this.stdlib ??= fetchOk(new URL("python_stdlib.zip", this.folder))
      .then(async (response) => (this.stdlibBytes = new Uint8Array(await response.arrayBuffer())));
    this.stdlib.catch(() => (this.stdlib = null)); // a later run tries again
    return this.stdlib;
  }

  /** Put the fetched python_stdlib.zip where Python's import system reads the standard
   * library. Only between runs: never under a program that is waiting (with stack
   * switching, suspended). */
  installStdlib() {
    if (this.fullStdlib || !this.stdlibBytes || this.busy) return;
    this.pyodide.FS.writeFile(this.runner.stdlib_zip(), this.stdlibBytes);
    this.runner.forget_stdlib_index.callKwargs({ invalidate: true });
    this.fullStdlib = true;
    this.stdlibBytes = null;
  }

  async loadFullStdlib() {
    if (this.fullStdlib) return;
    await this.fetchStdlib();
    this.installStdlib(); // if a run started meanwhile, it installs when it ends
  }

  /** Whether `code` can run on what Python has now (the snapshot's modules, or all). The
   * check compiles it, so the run does not (pyrun.prepare keeps it). */
  holds(code, filename) {
    if (this.fullStdlib || this.snapshotEnough.has(code)) return true;
    if (this.runner.needs_stdlib(code, filename)) return false;
    this.snapshotEnough.add(code); // modules stay imported: the answer holds for the next Run
    return true;
  }

  /** Before a run: wait for the full standard library if the program imports a module the
   * snapshot does not hold. */
  async stdlibFor(code, filename) {
    clearTimeout(this.stdlibTimer);
    if (!this.holds(code, filename)) await this.loadFullStdlib();
  }

  /** After a run: install what arrived meanwhile, and fetch the rest once the reader has read
   * the output for a while (fetching and installing at once slowed an immediate second Run by
   * a few hundred ms). */
  ran() {
    this.busy = false;
    this.installStdlib();
    clearTimeout(this.stdlibTimer);
    this.stdlibTimer = setTimeout(() => this.loadFullStdlib().catch(() => {}), STDLIB_AFTER_MS);
  }

  /** Compile `code` ahead of its Run (pyrun.prepare caches it). */
  prepare(code, filename) {
    this.holds(code, filename);
    this.runner.prepare(code, filename).destroy();
  }

  // ── The live timeline and the judge ────────────────────────────────────────────────────

  /** The live timeline's labels of every language. A plain start also writes the timeline's
   * modules where Python imports them; the snapshot holds them imported already, so a worker
   * started from it fetches none of them (three requests less while a cold Run waits). */
  loadTimeline() {
    this.timelineLoaded ??= (async () => {
      const labels = await this.labelsText
        .catch(() => (this.labelsText = fetchTimelineFile("labels.json")));
      if (this.start.how !== "snapshot") {
        const sources = await Promise.all(
          TIMELINE_MODULES.map((name) => fetchTimelineFile(`${name}.py`)));
        TIMELINE_MODULES.forEach((name, index) => {
          this.pyodide.FS.writeFile(`${HOME}/timeline_${name}.py`, sources[index]);
        });
      }
      this.runRecorded ??= this.pyodide.pyimport("timeline_live").run_recorded;
      return JSON.parse(labels);
    })();
    this.timelineLoaded.catch(() => (this.timelineLoaded = null)); // offline: try again
    return this.timelineLoaded;
  }

  async labelsFor(lang) {
    const labels = await this.loadTimeline();
    if (!this.labelsByLanguage.has(lang)) {
      this.labelsByLanguage.set(lang, this.pyodide.toPy(labels[lang] ?? labels.en));
    }
    return this.labelsByLanguage.get(lang);
  }

  /** The exercises' judge, fetched on the first Check (most readers never check one). */
  loadJudge() {
    this.judgeLoaded ??= fetchOk(new URL("judge.py", import.meta.url)).then(async (response) => {
      this.pyodide.FS.writeFile(`${HOME}/${JUDGE_MODULE}.py`, await response.text());
      return this.pyodide.pyimport(JUDGE_MODULE).run_checked;
    });
    this.judgeLoaded.catch(() => (this.judgeLoaded = null)); // offline: try again
    return this.judgeLoaded;
  }

  // ── A run ──────────────────────────────────────────────────────────────────────────────

  /**
   * The run of `code` (a promise of pyrun's result, a Python dict): through the live timeline
   * when the page wants one, and judged when it is an exercise's Check. Async Python functions
   * called from here run as tasks on Pyodide's event loop, with stack switching where the
   * browser has it (as runPythonAsync does, without compiling a source first), so code that
   * blocks on the event loop (loop.run_until_complete) works there too.
   * @param {{code: string, filename: string,
   *   timeline: import("./protocol.js").TimelineRequest | null,
   *   check: import("./protocol.js").CheckRequest | null,
   *   sendTimeline: (html: string) => void}} request
   */
  async run({ code, filename, timeline, check, sendTimeline }) {
    this.busy = true;
    const run = this.runner.run;
    if (!timeline) return run(code, filename);
    let labels;
    try {
      labels = await this.labelsFor(timeline.lang);
    } catch {
      if (check) throw new CheckUnavailable(); // a verdict needs the recording
      return run(code, filename); // no timeline beats no run
    }
    const recorded = [run, code, filename, sendTimeline, labels, timeline.id];
    if (!check) return this.runRecorded(...recorded);
    let runChecked;
    try {
      runChecked = await this.loadJudge();
    } catch {
      throw new CheckUnavailable();
    }
    return runChecked(this.runRecorded, ...recorded, check.source, check.lang);
  }
}
