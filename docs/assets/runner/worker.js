// Module Web Worker: loads Pyodide once and runs the programs client.js sends, one at a time.
// The messages both ways are described in protocol.js.
import { OutputStream } from "./output-stream.js";
import { RUNNER_MODULE, TIMELINE_MODULES } from "./protocol.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").ToWorker} ToWorker */

const began = performance.now();
/** @param {FromWorker} message */
const post = (message) => postMessage(message);

// The loader's address is the same for every version; the rest of the runtime lives in a folder
// named by the version it exports, which hosts may cache for good (docs: contributing, "Speed").
const VENDOR = new URL("../vendor/pyodide/", import.meta.url);
const MANIFEST = new URL("runtime.json", VENDOR); // the build's snapshot, if it made one
const RUNNER = new URL("./pyrun.py", import.meta.url);
const TIMELINE = new URL("../timeline/", import.meta.url);
const PARAMS = new URL(self.location.href).searchParams;
const PROGRESS_MS = 250; // how often the page hears how much of Python has arrived

// `?jspi=off` simulates a browser without WebAssembly stack switching (Safari, older Firefox).
if (PARAMS.get("jspi") === "off") {
  delete WebAssembly.Suspending;
  delete WebAssembly.promising;
}

// Both at once, before anything else: the runtime's downloads wait only for runtime.json, not
// for Pyodide's loader as well (a static import would come first).
// @ts-ignore: the build copies Pyodide from npm's pyodide package (asyncio_notes.vendor)
const loader = import("../vendor/pyodide/pyodide.mjs");
const plan = startPlan();
let PYODIDE = null; // the runtime's folder, named by the loader's version

// A lock held for this worker's whole life. The page asks for it too and is given it only when
// the worker is gone, however it went (a program that closed it, the browser ending it), which
// no event tells the page.
if (self.navigator.locks) {
  const lock = `asyncio-notes-python-${crypto.randomUUID()}`;
  navigator.locks.request(lock, () => {
    post({ type: "alive", lock }); // only once held, or the page could get it first
    return new Promise(() => {});
  }).catch(() => {}); // locks refused (storage blocked): no watch, the rest works
}

let runId = null;
const output = new OutputStream({ post });
let answer = null; // resolves the line the program waits for in input()
let crashed = false;

function writer(stream) {
  const decoder = new TextDecoder();
  return {
    isatty: true, // line-buffered, as in a terminal: a line shows as soon as it is printed
    write(bytes) {
      output.write(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    },
  };
}

/** The program asks for a line (input(), sys.stdin): the page shows a field and answers. */
function askPage() {
  output.flush();
  post({ type: "input", id: runId });
  return new Promise((resolve) => (answer = resolve));
}

/** Python broke below the program (a fatal Pyodide error, os._exit, the wasm stack overflowed):
 * nothing more can run in this worker, so say why and let the page start a new one. */
function crash(error) {
  if (crashed) return;
  crashed = true;
  output.discard();
  output.flush();
  post({ type: "crashed", id: runId, error: String(error?.message ?? error) });
}

// Pyodide reports a fatal error by throwing from an event-loop callback, outside any run's
// promise; without these the run would wait forever.
// While Python starts, an error is the start's (a snapshot that fails to restore, say).
let starting = true;
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!starting) crash(event.reason);
});
self.addEventListener("error", (event) => {
  event.preventDefault();
  if (!starting) crash(event.error ?? event.message);
});

/** What this worker fetches to start Python, begun at once: runtime.json, then the wasm and
 * either the build's memory snapshot (asyncio_notes.snapshot) or the standard library's core
 * (asyncio_notes.stdlib_core), each compressed whatever the host does (download.js). Which of
 * the two is chosen from what the browser tells: the connection measured on the first bytes of
 * these downloads, Save-Data, Safari's engine (start-plan.js). Without stack switching (JSPI)
 * the restored runtime behaves as a plain one does (can_run_sync() is False, asyncio.run and
 * input() give the same results and explanations: tests/test_snapshot.py, ?jspi=off). */
/**
 * What startPlan began: the start chosen, and the downloads for it.
 * @typedef {object} StartPlan
 * @property {string} how "snapshot" or "plain"
 * @property {string | null} why why a plain start (protocol.StartWhy)
 * @property {string} [reason] what failed, when something did
 * @property {import("./protocol.js").RuntimeManifest} [manifest]
 * @property {import("./download.js").Download} [wasm]
 * @property {Promise<Function>} [glueModule] Pyodide's glue, imported
 * @property {import("./download.js").Download} [lock] the package list
 * @property {import("./download.js").Download} [stdlib] a plain start's standard library
 * @property {import("./download.js").DownloadElsewhere} [snapshot]
 * @property {Uint8Array} [heap] where the snapshot is decoded
 * @property {() => {wasm: import("./download.js").Download,
 *   stdlib: import("./download.js").Download}} [plainInstead] a plain start's downloads, after
 *   a snapshot that failed
 * @returns {Promise<StartPlan>}
 */
async function startPlan() {
  const modules = Promise.all([import("./download.js"), import("./start-plan.js")]);
  let manifest = null;
  try {
    const response = await fetch(MANIFEST);
    if (response.ok) manifest = await response.json();
  } catch {
    // Pyodide fetches its files itself, as they are.
  }
  if (!manifest?.wasm) return { how: "plain", why: "failed", reason: "no runtime.json" };
  const [{ Download, DownloadElsewhere }, { chooseStart, plainFromTheStart, RATE_SAMPLE_BYTES }] =
    await modules;
  const progress = new StartProgress();
  const fetchFile = (entry, options = {}) => new Download(
    new URL(entry.url, VENDOR), entry, { ...options, onBytes: (bytes) => progress.add(bytes) });
  // Pyodide's JavaScript glue and package list, needed by either start, and first: Pyodide
  // compiles its wasm and restores the snapshot only once the glue runs, and the import of the
  // glue waits while the worker decodes (a run of promise callbacks holds off every task).
  const glue = fetchFile(manifest.glue, { into: new Uint8Array(manifest.glue.size) });
  const lock = fetchFile(manifest.lock, { into: new Uint8Array(manifest.lock.size) });
  const glueModule = importGlue(glue);
  glueModule.catch(() => {}); // reported by the start, which needs it
  const first = Promise.all([glueModule, lock.done]);
  const wasm = fetchFile(manifest.wasm, { after: first });
  const early = plainFromTheStart(PARAMS, self.navigator)
    ?? (manifest.snapshot ? null : { why: "failed", reason: "the build made no snapshot" });
  const common = manifest.wasm.bytes + manifest.glue.bytes + manifest.lock.bytes;
  // Measured once enough has arrived, or when the wasm has (or has failed: its error is then
  // reported by the start that needs it).
  const measured = () => Promise.race([
    progress.rate(RATE_SAMPLE_BYTES), wasm.done.then(() => {}, () => {})
      .then(() => progress.bitsPerSecond())]);
  const choice = early ? { how: "plain", ...early } : chooseStart(manifest, await measured());
  // A plain start's standard library: its core (what the snapshot holds imported), else all.
  const library = manifest.core ?? { ...manifest.stdlib, size: manifest.stdlib.bytes, head: null };
  if (choice.how === "plain") {
    progress.expect(choice, common + library.bytes);
    const stdlib = fetchFile(library, { after: first });
    return { ...choice, manifest, wasm, glueModule, lock, stdlib };
  }
  const heap = new Uint8Array(manifest.snapshot.size);
  const snapshot = new DownloadElsewhere(new URL(manifest.snapshot.url, VENDOR), manifest.snapshot,
    { into: heap, onBytes: (bytes) => progress.add(bytes) });
  progress.expect(choice, common + manifest.snapshot.bytes);
  // If the snapshot fails, a plain start needs the wasm again (Pyodide consumed the first).
  const plainInstead = () => ({ wasm: fetchFile(manifest.wasm), stdlib: fetchFile(library) });
  return { ...choice, manifest, wasm, glueModule, lock, snapshot, heap, plainInstead };
}

/** Counts the bytes of Python's downloads as they arrive: tells the page how much has arrived
 * ({type: "progress"}, at most every PROGRESS_MS: the Run's status shows it, and which start
 * was chosen), and measures the reader's connection on them. */
class StartProgress {
  received = 0;
  total = 0;
  plan = null;
  timer = null;
  firstAt = 0; // when the first byte came
  rates = []; // [bytes, resolve] of rate() calls still waiting

  add(bytes) {
    this.firstAt ||= performance.now();
    this.received += bytes;
    this.timer ??= setTimeout(() => this.send(), PROGRESS_MS);
    this.rates = this.rates.filter(([wanted, resolve]) => {
      if (this.received < wanted) return true;
      resolve(this.bitsPerSecond());
      return false;
    });
  }

  /** Bits per second once `bytes` have arrived, all downloads together (they share the link):
   * what this reader's connection carries now. */
  rate(bytes) {
    if (this.received >= bytes) return Promise.resolve(this.bitsPerSecond());
    return new Promise((resolve) => this.rates.push([bytes, resolve]));
  }

  bitsPerSecond() {
    return (this.received * 8) / (Math.max(performance.now() - this.firstAt, 1) / 1000);
  }

  expect(plan, total) {
    this.plan = plan;
    this.total = total;
    this.send();
  }

  send() {
    this.timer = null;
    if (!this.plan || !starting) return;
    const { how, why } = this.plan;
    post({ type: "progress", how, why, received: this.received, total: this.total });
  }
}

// Pyodide fetches its wasm and its standard library itself: it is handed the downloads begun
// already, decoded, once each (a second attempt, after a failed one, goes to the network).
const handOver = new Map(); // address -> [Download, Content-Type]
const networkFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const address = String(input instanceof Request ? input.url : input);
  const given = handOver.get(address);
  if (!given) return networkFetch(input, init);
  handOver.delete(address);
  const [download, type] = given;
  return Promise.resolve(new Response(download.stream(), { headers: { "Content-Type": type } }));
};

/** `loadPyodide(options)` with `downloads` handed over to it, failing as soon as one of them
 * does (Pyodide itself would wait forever for a wasm that does not compile). */
function loadWith(loadPyodide, options, downloads) {
  handOver.clear();
  const failed = [];
  for (const [name, download, type] of downloads) {
    if (!download) continue;
    if (type) handOver.set(new URL(name, PYODIDE).href, [download, type]);
    failed.push(download.done.then(() => new Promise(() => {})));
  }
  return Promise.race([loadPyodide(options), ...failed]);
}

/** Pyodide's JavaScript glue, imported from the bytes decoded here (instead of Pyodide
 * importing pyodide.asm.mjs, 1.25 MB from a host that compresses nothing): its factory. */
async function importGlue(glue) {
  await glue.done;
  const source = URL.createObjectURL(new Blob([glue.into], { type: "text/javascript" }));
  try {
    return (await import(source)).default;
  } finally {
    URL.revokeObjectURL(source);
  }
}

/** loadPyodide's options for the glue and the package list fetched here; packages are looked
 * for beside the runtime. */
async function decodedGlueAndLock(/** @type {StartPlan} */ { glueModule, lock }) {
  if (!glueModule) return {};
  const createPyodideModule = await glueModule;
  await lock.done;
  const lockFileContents = JSON.parse(new TextDecoder().decode(lock.into));
  return { createPyodideModule, lockFileContents, packageBaseUrl: PYODIDE.href };
}

/** Pyodide from the snapshot, with an empty standard library that loadFullStdlib() replaces
 * after the first run (what the examples import is in the snapshot), else a plain load; if a
 * download fails, a plain start from the core, else from the files as they are, with the
 * first failure as the reason. */
async function loadRuntime() {
  const { loadPyodide, version } = await loader;
  PYODIDE = new URL(`${version}/`, VENDOR);
  const chosen = await plan;
  const { manifest, snapshot, heap } = chosen;
  let { wasm, stdlib } = chosen;
  let failure = null; // the first thing that went wrong, which the start's reason names
  const failed = (what, error) => {
    failure ??= `${what} failed: ${error?.message ?? error}`;
    console.warn(`Python starts plainly: ${failure}`);
  };
  const how = (name, why) => ({
    how: name, why: failure ? "failed" : why, reason: failure ?? chosen.reason,
    ms: performance.now() - began,
  });
  let decoded = {}; // loadPyodide's options for the glue and package list fetched here
  try {
    decoded = await decodedGlueAndLock(chosen);
  } catch (error) {
    failed("download", error);
  }
  if (snapshot && decoded.createPyodideModule) {
    try {
      // Pyodide needs only the heap's size to compile and instantiate its wasm, and waits for
      // fsInit before it restores the heap: the download overlaps all that.
      const pyodide = await loadWith(loadPyodide, {
        ...decoded,
        indexURL: PYODIDE.href,
        _loadSnapshot: heap,
        stdLibURL: new URL(manifest.emptyStdlib, VENDOR).href,
        fsInit: () => snapshot.done.catch(() => new Promise(() => {})),
      }, [["pyodide.asm.wasm", wasm, "application/wasm"], ["snapshot", snapshot]]);
      // The snapshot must hold the runner (this fails, and Python starts plainly, if not).
      // Until the real standard library arrives, tracebacks show none of its lines.
      pyodide.pyimport(RUNNER_MODULE).forget_stdlib_index();
      return { pyodide, fullStdlib: false, start: how("snapshot", null) };
    } catch (error) {
      failed("snapshot", error);
      ({ wasm, stdlib } = chosen.plainInstead());
    }
  }
  let pyodide = null;
  const core = manifest?.core;
  if (stdlib && decoded.createPyodideModule) {
    try {
      const stdLibURL = new URL((core ?? manifest.stdlib).url, VENDOR).href;
      pyodide = await loadWith(loadPyodide, { ...decoded, indexURL: PYODIDE.href, stdLibURL }, [
        ["pyodide.asm.wasm", wasm, "application/wasm"],
        [stdLibURL, stdlib, "application/zip"],
      ]);
    } catch (error) {
      failed("download", error);
      pyodide = null;
    }
  }
  const fromCore = Boolean(pyodide && core);
  pyodide ??= await loadWith(loadPyodide, { indexURL: PYODIDE.href }, []);
  const source = await (await fetch(RUNNER)).text();
  pyodide.FS.writeFile(`/home/pyodide/${RUNNER_MODULE}.py`, source);
  // From the core, Python imports what the snapshot holds imported, so that a program needing
  // more of the standard library waits for it, as on a snapshot start (pyrun.needs_stdlib).
  if (fromCore) pyodide.pyimport(RUNNER_MODULE).preload(pyodide.toPy(core.modules));
  return { pyodide, fullStdlib: !fromCore, start: how("plain", chosen.why) };
}

let stdlib = null; // the full standard library arriving (a snapshot start begins without it)
let stdlibBytes = null; // fetched while a run was going: installed when it ends
let busy = false; // a program is running
let stdlibTimer = null;
const STDLIB_AFTER_MS = 5000; // idle time after a run before the standard library is fetched

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function fetchStdlib() {
  stdlib ??= fetchBytes(new URL("python_stdlib.zip", PYODIDE)).then((bytes) => (stdlibBytes = bytes));
  stdlib.catch(() => (stdlib = null)); // a later run tries again
  return stdlib;
}

/** Put the fetched python_stdlib.zip where Python's import system reads the standard library.
 * Only between runs: never under a program that is waiting (with stack switching, suspended). */
function installStdlib(runtime) {
  if (runtime.fullStdlib || !stdlibBytes || busy) return;
  const { pyodide, runner } = runtime;
  pyodide.FS.writeFile(runner.stdlib_zip(), stdlibBytes);
  runner.forget_stdlib_index.callKwargs({ invalidate: true });
  runtime.fullStdlib = true;
  stdlibBytes = null;
}

async function loadFullStdlib(runtime) {
  if (runtime.fullStdlib) return;
  await fetchStdlib();
  installStdlib(runtime); // if a run started meanwhile, it installs when it ends
}

/** Before a run on a snapshot start: wait for the full standard library if the program imports
 * a module the snapshot does not hold. */
async function stdlibFor(runtime, code, filename) {
  if (!snapshotHolds(runtime, code, filename)) await loadFullStdlib(runtime);
}

/** Whether `code` can run on what the runtime has now (the snapshot's modules, or all). The
 * check compiles it, so the run does not (pyrun.prepare keeps it). */
function snapshotHolds(runtime, code, filename) {
  if (runtime.fullStdlib || snapshotEnough.has(code)) return true;
  if (runtime.needsStdlib(code, filename)) return false;
  snapshotEnough.add(code); // modules stay imported: the answer holds for the next Run
  return true;
}

const snapshotEnough = new Set(); // programs that need no module beyond the snapshot's

async function start() {
  const { pyodide, fullStdlib, start: how } = await loadRuntime();
  starting = false;
  // Pyodide's (private) fatal-error hook runs right after it dumps Python's stack, before the
  // error is thrown on: the held dump is dropped in time. The listeners below catch the rest.
  if (pyodide._api) pyodide._api.on_fatal = (error) => crash(error);
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  // Reads of the raw stdin (fd 0) fail with an I/O error instead of calling prompt(), which a
  // worker does not have; sys.stdin and input() go through the page (pyrun.use_page_input).
  pyodide.setStdin({ error: true });
  // The runner's functions are called directly, not through runPython, which compiles its
  // source on every call (on a cold start, 60-100 ms of the first Run's wait in all).
  const runner = pyodide.pyimport(RUNNER_MODULE);
  runner.install_guards();
  runner.use_page_input(askPage);
  const { needs_stdlib: needsStdlib, prepare } = runner;
  return { pyodide, runner, fullStdlib, needsStdlib, prepare, start: how };
}

const ready = start().then(
  (runtime) => {
    const python = runtime.pyodide.pyimport("sys").version.split(" ")[0];
    post({
      type: "ready", versions: { pyodide: runtime.pyodide.version, python }, start: runtime.start,
    });
    return runtime;
  },
  (error) => {
    post({ type: "failed", error: String(error?.message ?? error) });
    throw error;
  },
);
ready.catch(() => {}); // reported to the page above, not an unhandled rejection

async function fetchTimelineFile(name) {
  const response = await fetch(new URL(name, TIMELINE));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

// While Pyodide loads: the first run does not wait for them.
let timelineLabels = fetchTimelineFile("labels.json");
timelineLabels.catch(() => {}); // fetched again when a run wants them
let timelineLoaded = null;

/** The live timeline's labels of every language. A plain start also writes the timeline's
 * modules where Python imports them; the snapshot holds them imported already, so a worker
 * started from it fetches none of them (three requests less while a cold Run waits). */
function loadTimeline(runtime) {
  timelineLoaded ??= (async () => {
    const labels = await timelineLabels
      .catch(() => (timelineLabels = fetchTimelineFile("labels.json")));
    if (runtime.start.how !== "snapshot") {
      const sources = await Promise.all(
        TIMELINE_MODULES.map((name) => fetchTimelineFile(`${name}.py`)));
      TIMELINE_MODULES.forEach((name, index) => {
        runtime.pyodide.FS.writeFile(`/home/pyodide/timeline_${name}.py`, sources[index]);
      });
    }
    return JSON.parse(labels);
  })();
  timelineLoaded.catch(() => (timelineLoaded = null)); // offline: try again on the next run
  return timelineLoaded;
}

function sendTimeline(html) {
  output.flush(); // the lines printed so far arrive before the drawing that ticks them
  post({ type: "timeline", id: runId, html });
}

const labelsByLanguage = new Map(); // language -> its timeline labels, as a Python dict

/** The run of `code` (a promise of pyrun's result): through the live timeline when the page
 * wants one. Async Python functions called from here run as tasks on Pyodide's event loop, with
 * stack switching where the browser has it (as runPythonAsync does, without compiling a source
 * first), so code that blocks on the event loop (loop.run_until_complete) works there too. */
async function runProgram(runtime, code, filename, timeline) {
  const { pyodide, runner } = runtime;
  if (timeline) {
    try {
      const labels = await loadTimeline(runtime);
      runtime.runRecorded ??= pyodide.pyimport("timeline_live").run_recorded;
      if (!labelsByLanguage.has(timeline.lang)) {
        labelsByLanguage.set(timeline.lang, pyodide.toPy(labels[timeline.lang] ?? labels.en));
      }
      return runtime.runRecorded(runner.run, code, filename, sendTimeline,
                                 labelsByLanguage.get(timeline.lang), timeline.id);
    } catch {
      // No timeline beats no run.
    }
  }
  return runner.run(code, filename);
}

async function run({ id, code, filename, timeline }) {
  clearTimeout(stdlibTimer);
  const runtime = await ready;
  try {
    await stdlibFor(runtime, code, filename);
  } catch (error) {
    // Offline, say: the program needs a module Python has not fetched yet. Python is fine.
    post({ type: "done", id, ok: false, error: "stdlib", hint: "stdlib",
           detail: String(error?.message ?? error), dropped: 0, elapsed: 0 });
    return;
  }
  busy = true;
  runId = id;
  output.begin(id);
  let result;
  const began = performance.now();
  try {
    const proxy = await runProgram(runtime, code, filename, timeline);
    result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
  } catch (error) {
    // pyrun catches every Python exception, so an error here comes from below Python.
    crash(error);
    return;
  }
  if (crashed) return;
  output.release();
  output.flush();
  post({ type: "done", id, ...result, dropped: output.dropped, elapsed: performance.now() - began });
  busy = false;
  installStdlib(runtime);
  setTimeout(() => prepareAhead(runtime), 0);
  // Once the reader has read the output for a while: fetching and installing the standard
  // library right away slowed an immediate second Run by a few hundred ms.
  clearTimeout(stdlibTimer);
  stdlibTimer = setTimeout(() => loadFullStdlib(runtime).catch(() => {}), STDLIB_AFTER_MS);
}

// The page's examples, parsed and compiled while idle (pyrun.prepare caches the code), so that a
// Run after instant navigation does not: that was 20-40 ms of the first line's wait. One per
// task, and never while a program runs (a Run waits for one at most).
let ahead = [];

function prepareAhead(runtime) {
  if (busy || !ahead.length) return;
  const { code, filename } = ahead.shift();
  try {
    snapshotHolds(runtime, code, filename);
    runtime.prepare(code, filename).destroy();
  } catch {
    // A syntax error: the Run reports it.
  }
  setTimeout(() => prepareAhead(runtime), 0);
}

// Runs arrive one at a time (client.js queues them), so no two programs share stdout.
self.onmessage = ({ data }) => {
  if (data.type === "run") run(data);
  else if (data.type === "prepare") {
    ahead = data.programs;
    ready.then(prepareAhead, () => {});
  } else if (data.type === "input" && data.id === runId && answer) {
    const resolve = answer;
    answer = null;
    resolve(data.text ?? undefined); // undefined is None in Python: the end of input
  }
};
