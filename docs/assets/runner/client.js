// The page's side of the Web Worker: one Python runtime shared by every example on every page
// (this module outlives instant navigation), runs queued one at a time, Stop by restarting.
// Whatever ends the worker (Stop, a crash, the program closing it) ends the run that was in it
// with a result, and the next run starts a fresh worker.
import { holdKeeping, keepForRunning } from "../offline/register.js";

/** @typedef {import("./protocol.js").ProgressMessage} ProgressMessage */

const WORKER = new URL("./worker.js", import.meta.url);

let worker = null;
let ready = null;
let current = null; // the run the worker is busy with
const queue = [];
let nextId = 1;
let keepPython = false; // Python started: ask the service worker to keep it, once idle
let keepTimer = null;
const KEEP_AFTER_MS = 5000;
let startInfo = null; // how the last worker started Python: {how: "snapshot" | "plain", reason, ms}
let upWorker = null; // the worker whose Python is up
let progress = null; // while the worker starts Python: {how, why, received, total} (bytes)

/** How Python last started (tests and the benchmark read it), or null before it has. */
export function pythonStart() {
  return startInfo;
}

function startWorker() {
  const url = new URL(WORKER);
  // Test switches, passed on from the page's address: ?jspi=off, ?snapshot=off|on.
  const params = new URLSearchParams(location.search);
  for (const name of ["jspi", "snapshot"]) {
    if (params.get(name)) url.searchParams.set(name, params.get(name));
  }
  const created = new Worker(url, { type: "module" });
  worker = created;
  progress = null;
  let started = false;
  ready = new Promise((resolve, reject) => {
    // The worker is gone or broken: before Python started, the start failed (and the next
    // warm-up tries again); after, the run in it crashed.
    const fail = (message) => {
      if (created !== worker) return;
      if (started) {
        crash(message);
      } else {
        restart();
        reject(new Error(message));
      }
    };
    created.addEventListener("message", ({ data }) => {
      if (created !== worker) return;
      if (data.type === "alive") watch(data.lock, () => fail("the worker was closed"));
      else if (data.type === "progress") {
        progress = data;
        current?.progress();
      } else if (data.type === "ready") {
        started = true;
        upWorker = created;
        pythonStarted(data.start);
        resolve(data.versions);
      } else if (data.type === "failed" || data.type === "crashed") fail(data.error);
      else if (data.id === current?.id) current.handle(data);
    });
    created.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || "the worker could not be loaded");
    });
  });
  ready.catch(() => {}); // reported to the run that waits for it
  ready.then(() => {
    keepPython = true;
    whenIdle();
    sendAhead();
  }, () => {});
  return ready;
}

let ahead = []; // the page's programs, for a running Python to compile ahead of a Run

/** The programs on the page ({code, filename}): once Python runs and the page is idle, the
 * worker compiles them ahead of a Run. Never starts Python. */
export function prepareAhead(programs) {
  ahead = programs;
  if (worker) ready.then(sendAhead, () => {});
}

function sendAhead() {
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
  // After the page has drawn itself: on two cores the compiling would compete with it.
  idle(() => worker?.postMessage({ type: "prepare", programs: ahead }), { timeout: 2000 });
}

function pythonStarted(how) {
  startInfo = how ?? null;
}

/** The worker holds the lock `name` while it lives: being granted it means the worker is gone. */
function watch(name, gone) {
  navigator.locks?.request(name, gone)
    .catch(() => {}); // locks refused (storage blocked): a closed worker goes unnoticed
}

/** Start Python ahead of the first Run (the reader showed intent), if it is not running yet. */
export function warmUp() {
  if (!worker) startWorker();
  return ready;
}

function restart() {
  worker?.terminate();
  worker = null;
  ready = null;
}

function crash(message) {
  const run = current;
  restart();
  if (run) run.finish({ ok: false, error: "crashed", detail: message });
  else next();
}

/** Once no run has gone for KEEP_AFTER_MS, let the service worker copy Python (11 MB), and the
 * site if it has not yet, for offline use: during a run, or the one a reader starts right after (an edit, the next page),
 * the copying would compete with it (a second Run took 0.03 s longer). */
function whenIdle() {
  clearTimeout(keepTimer);
  if (current || queue.length || !keepPython) return;
  keepTimer = setTimeout(() => {
    if (current || queue.length || !keepPython) return;
    keepPython = false;
    keepForRunning({ andHeld: true });
  }, KEEP_AFTER_MS);
}

function next() {
  if (current || !queue.length) {
    whenIdle();
    return;
  }
  current = queue.shift();
  // Copying Python for offline use waits while a program runs, and goes on once idle again.
  if (holdKeeping() && startInfo) keepPython = true;
  current.begin();
}

/**
 * Queue `code` to run. Callbacks: onStatus("queued" | "starting" | "running", progress) (while
 * starting, how much of Python has arrived and how it starts: {how, why, received, total}),
 * onOutput(stream,
 * text), onInput() when the program waits for a line of input (answer with `reply`),
 * onTimeline(html) with the task timeline so far when `timeline` is {lang, id}. Returns
 * {done: Promise<result>, stop(), reply(text | null)}; result is {ok, error, hint, dropped,
 * elapsed, detail} with error "stopped", "crashed" or "start" for what happened outside Python.
 * @param {string} code
 * @param {object} [options]
 * @param {string} [options.filename]
 * @param {(state: string, progress?: ProgressMessage | null) => void} [options.onStatus]
 * @param {(stream: string, text: string) => void} [options.onOutput]
 * @param {() => void} [options.onInput]
 * @param {import("./protocol.js").TimelineRequest | null} [options.timeline]
 * @param {(html: string) => void} [options.onTimeline]
 * @param {import("./protocol.js").CheckRequest | null} [options.check] judge the run with an
 *   exercise's checks (needs `timeline`): the result's `verdict`
 */
export function run(code, {
  filename = "main.py", onStatus = () => {}, onOutput = () => {}, onInput = () => {},
  timeline = null, onTimeline = () => {}, check = null,
} = {}) {
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  let started = 0;
  const job = {
    id: nextId++,
    begin() {
      const starting = warmUp();
      if (upWorker === worker) onStatus("running");
      else job.progress();
      // Sent at once: the worker runs it as soon as Python is up, without waiting for a round
      // trip through this page.
      worker.postMessage({ type: "run", id: job.id, code, filename, timeline, check });
      starting.then(
        () => {
          if (current !== job) return;
          onStatus("running");
          started = performance.now();
        },
        (error) => {
          if (current !== job) return;
          restart();
          job.finish({ ok: false, error: "start", detail: String(error.message ?? error) });
        },
      );
    },
    /** Python is still starting (its download, maybe begun before Run): say how far. */
    progress() {
      if (current === job && upWorker !== worker) onStatus("starting", progress);
    },
    handle(message) {
      if (message.type === "output") onOutput(message.stream, message.text);
      else if (message.type === "input") onInput();
      else if (message.type === "timeline") onTimeline(message.html);
      else if (message.type === "done") {
        // A run that needed stack switching the browser lacks can leave Pyodide's event loop
        // holding a finished task as current, which would hang every later run: start afresh.
        if (message.hint === "jspi") restart();
        job.finish(message);
      }
    },
    finish(result) {
      // The program's own time, from the worker; else (stopped, crashed) since Python was up.
      const elapsed = result.elapsed ?? (started ? performance.now() - started : 0);
      if (current === job) current = null;
      resolveDone({ ...result, elapsed });
      next();
    },
  };
  queue.push(job);
  onStatus("queued");
  next();
  return {
    done,
    stop() {
      const index = queue.indexOf(job);
      if (index >= 0) {
        queue.splice(index, 1);
        job.finish({ ok: false, error: "stopped" });
      } else if (current === job) {
        // Python cannot be interrupted without cross-origin isolation, which static hosts
        // cannot give: end the worker, and the next run starts a fresh one.
        restart();
        job.finish({ ok: false, error: "stopped" });
      }
    },
    reply(text) {
      if (current === job) worker?.postMessage({ type: "input", id: job.id, text });
    },
  };
}
