// Module Web Worker: loads Pyodide once and runs the programs client.js sends, one at a time.
// The messages both ways are described in protocol.js.
import { OutputStream } from "./output-stream.js";
import { RUNNER_MODULE } from "./protocol.js";
import { CheckUnavailable, fetchTimelineFile, Runtime } from "./runtime.js";
import { onIOS } from "./start-plan.js";
import { PythonStart } from "./start.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").ToWorker} ToWorker */

const began = performance.now();
/** @param {FromWorker} message */
const post = (message) => postMessage(message);

const PARAMS = new URL(self.location.href).searchParams;

// `?jspi=off` simulates a browser without WebAssembly stack switching (Safari, older Firefox).
// On iOS, Pyodide calls functions in a way that stack switching cannot suspend (asyncio.run
// inside a function ends Python with a fatal error): there it is hidden too, so that such a
// program ends with the explanation instead, and the iOS snapshot is made the same way.
if (PARAMS.get("jspi") === "off" || onIOS(self.navigator)) {
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

// While Pyodide loads: the first run does not wait for them.
const timelineLabels = fetchTimelineFile("labels.json");
timelineLabels.catch(() => {}); // the runtime fetches them again when a run wants them

async function start() {
  const loaded = await pythonStart.load();
  const runtime = new Runtime({ ...loaded, labels: timelineLabels });
  const { pyodide } = runtime;
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
  runtime.attach(runner);
  return runtime;
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

function sendTimeline(html) {
  output.flush(); // the lines printed so far arrive before the drawing that ticks them
  post({ type: "timeline", id: runId, html });
}

async function run({ id, code, filename, timeline, check = null }) {
  const runtime = await ready;
  try {
    await runtime.stdlibFor(code, filename);
  } catch (error) {
    // Offline, say: the program needs a module Python has not fetched yet. Python is fine.
    post({ type: "done", id, ok: false, error: "stdlib", hint: "stdlib",
           detail: String(error?.message ?? error), dropped: 0, elapsed: 0 });
    return;
  }
  runId = id;
  output.begin(id);
  let result;
  const began = performance.now();
  try {
    const proxy = await runtime.run({ code, filename, timeline, check, sendTimeline });
    result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
  } catch (error) {
    if (error instanceof CheckUnavailable) {
      runtime.ran();
      output.discard();
      post({ type: "done", id, ok: false, error: "judge", hint: "judge", dropped: 0, elapsed: 0 });
      return;
    }
    // pyrun catches every Python exception, so an error here comes from below Python.
    crash(error);
    return;
  }
  if (crashed) return;
  output.release();
  output.flush();
  post({ type: "done", id, ...result, dropped: output.dropped, elapsed: performance.now() - began });
  runtime.ran();
  setTimeout(() => prepareAhead(runtime), 0);
}

// The page's examples, parsed and compiled while idle (pyrun.prepare caches the code), so that a
// Run after instant navigation does not: that was 20-40 ms of the first line's wait. One per
// task, and never while a program runs (a Run waits for one at most).
let ahead = [];

function prepareAhead(runtime) {
  if (runtime.busy || !ahead.length) return;
  const { code, filename } = ahead.shift();
  try {
    runtime.prepare(code, filename);
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
