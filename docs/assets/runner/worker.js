// Module Web Worker: loads Pyodide once and runs the programs client.js sends, one at a time.
// The messages both ways are described in protocol.js.
import { OutputStream } from "./output-stream.js";
import { RUNNER_MODULE, TIMELINE_MODULES } from "./protocol.js";
import { PythonStart } from "./start.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").ToWorker} ToWorker */

const began = performance.now();
/** @param {FromWorker} message */
const post = (message) => postMessage(message);

const TIMELINE = new URL("../timeline/", import.meta.url);
const PARAMS = new URL(self.location.href).searchParams;

// `?jspi=off` simulates a browser without WebAssembly stack switching (Safari, older Firefox).
if (PARAMS.get("jspi") === "off") {
  delete WebAssembly.Suspending;
  delete WebAssembly.promising;
}

// Both at once, before anything else: the runtime's downloads wait only for runtime.json, not
// for Pyodide's loader as well (a static import would come first).
// @ts-ignore: the build copies Pyodide from npm's pyodide package (asyncio_notes.vendor)
const loader = import("../vendor/pyodide/pyodide.mjs");
// While Python starts, an error is the start's (a snapshot that fails to restore, say).
let starting = true;
const pythonStart = new PythonStart({
  loader, post, params: PARAMS, began, isStarting: () => starting,
});

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
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!starting) crash(event.reason);
});
self.addEventListener("error", (event) => {
  event.preventDefault();
  if (!starting) crash(event.error ?? event.message);
});

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
  stdlib ??= fetchBytes(new URL("python_stdlib.zip", folder)).then((bytes) => (stdlibBytes = bytes));
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

let folder = null; // the runtime's folder, named by the loader's version

async function start() {
  const loaded = await pythonStart.load();
  const { pyodide, fullStdlib, start: how } = loaded;
  folder = loaded.folder;
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
