// The started Python of one worker and what it fetches after starting: the rest of the
// standard library (a snapshot start begins without it) and the live timeline's labels. Its own
// modules (runner, judge, timeline) came with Python: imported in the snapshot, or installed
// from their wheel on a plain start. worker.js makes one, once Python is up (start.js).
import { JUDGE_MODULE } from "./protocol.js";

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

/** What a Check needs (the timeline's labels) could not be fetched: offline. */
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
    this.judge = null;
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

  /** The live timeline's labels of every language. */
  loadTimeline() {
    this.timelineLoaded ??= (async () => {
      const labels = await this.labelsText
        .catch(() => (this.labelsText = fetchTimelineFile("labels.json")));
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

  /** The exercises' judge (imported in the snapshot, or on the first Check). */
  loadJudge() {
    this.judge ??= this.pyodide.pyimport(JUDGE_MODULE).run_checked;
    return this.judge;
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
    return this.loadJudge()(this.runRecorded, ...recorded, check.source, check.lang);
  }
}
