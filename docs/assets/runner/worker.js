// Module Web Worker: loads Pyodide once and runs the programs client.js sends, one at a time.
// In:  {type: "run", id, code, filename}
// Out: {type: "ready", versions} | {type: "failed", error}
//      {type: "output", id, stream: "stdout" | "stderr", text}
//      {type: "done", id, ok, error, hint, dropped}
import { loadPyodide } from "../vendor/pyodide/pyodide.mjs";

const PYODIDE = new URL("../vendor/pyodide/", import.meta.url);
const RUNNER = new URL("./pyrun.py", import.meta.url);
const FLUSH_MS = 40; // send output at least this often, even while Python computes without pause
const MAX_CHARS_PER_RUN = 2_000_000; // past this, output is counted, not sent

// `?jspi=off` simulates a browser without WebAssembly stack switching (Safari, older Firefox).
if (new URL(self.location.href).searchParams.get("jspi") === "off") {
  delete WebAssembly.Suspending;
  delete WebAssembly.promising;
}

let runId = null;
let sent = 0;
let dropped = 0;
let pending = { stream: null, text: "" };
let lastFlush = 0;
let timer = null;

function flush() {
  clearTimeout(timer);
  timer = null;
  if (!pending.text) return;
  lastFlush = performance.now();
  postMessage({ type: "output", id: runId, stream: pending.stream, text: pending.text });
  pending = { stream: null, text: "" };
}

function emit(stream, text) {
  if (sent + text.length > MAX_CHARS_PER_RUN) {
    const room = Math.max(0, MAX_CHARS_PER_RUN - sent);
    dropped += text.length - room;
    text = text.slice(0, room);
    if (!text) return;
  }
  sent += text.length;
  if (pending.text && pending.stream !== stream) flush();
  pending.stream = stream;
  pending.text += text;
  // Flush at once when output has been quiet (first line shows immediately), else batch it.
  if (performance.now() - lastFlush > FLUSH_MS) flush();
  else timer ??= setTimeout(flush, FLUSH_MS);
}

function writer(stream) {
  const decoder = new TextDecoder();
  return {
    isatty: true, // line-buffered, as in a terminal: a line shows as soon as it is printed
    write(bytes) {
      emit(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    },
  };
}

async function start() {
  const pyodide = await loadPyodide({ indexURL: PYODIDE.href });
  const source = await (await fetch(RUNNER)).text();
  pyodide.FS.writeFile("/home/pyodide/_asyncio_notes_runner.py", source);
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  const globals = pyodide.toPy({});
  pyodide.runPython("import _asyncio_notes_runner", { globals });
  return { pyodide, globals };
}

const ready = start().then(
  (runtime) => {
    const python = runtime.pyodide.runPython("import sys; sys.version.split()[0]");
    postMessage({ type: "ready", versions: { pyodide: runtime.pyodide.version, python } });
    return runtime;
  },
  (error) => {
    postMessage({ type: "failed", error: String(error?.message ?? error) });
    throw error;
  },
);

async function run({ id, code, filename }) {
  const { pyodide, globals } = await ready;
  runId = id;
  sent = 0;
  dropped = 0;
  globals.set("_code", code);
  globals.set("_filename", filename);
  let result;
  try {
    // runPythonAsync calls in with stack switching where the browser has it, so code that
    // blocks on the event loop (loop.run_until_complete) works there too.
    const proxy = await pyodide.runPythonAsync(
      "await _asyncio_notes_runner.run(_code, _filename)", { globals });
    result = proxy.toJs({ dict_converter: Object.fromEntries });
    proxy.destroy();
  } catch (error) {
    emit("stderr", String(error?.message ?? error));
    result = { ok: false, error: "InternalError", hint: null };
  }
  flush();
  postMessage({ type: "done", id, ...result, dropped });
}

// Runs arrive one at a time (client.js queues them), so no two programs share stdout.
self.onmessage = ({ data }) => {
  if (data.type === "run") run(data);
};
