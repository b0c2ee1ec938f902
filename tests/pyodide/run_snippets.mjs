// Runs Python programs under the pinned Pyodide (Node has no JSPI, so this is the browser path
// without stack switching) through the site's own runner module, docs/assets/runner/pyrun.py.
// Usage: node tests/pyodide/run_snippets.mjs FILE.py...  → one JSON line per file on stdout:
// {"file", "stdout", "stderr", "ok", "error", "hint"}
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadPyodide } from "pyodide";

import { RUNNER_MODULE } from "../../docs/assets/runner/protocol.js";

const RUNNER = new URL("../../docs/assets/runner/pyrun.py", import.meta.url);

const pyodide = await loadPyodide();
pyodide.FS.writeFile(`/home/pyodide/${RUNNER_MODULE}.py`, await readFile(RUNNER, "utf8"));
const runner = pyodide.pyimport(RUNNER_MODULE);

let out = "";
let err = "";
const decoder = new TextDecoder();
pyodide.setStdout({ write: (bytes) => { out += decoder.decode(bytes); return bytes.length; } });
pyodide.setStderr({ write: (bytes) => { err += decoder.decode(bytes); return bytes.length; } });

for (const file of process.argv.slice(2)) {
  out = "";
  err = "";
  const source = await readFile(file, "utf8");
  const result = (await runner.run(source, basename(file))).toJs({ dict_converter: Object.fromEntries });
  process.stdout.write(JSON.stringify({ file, stdout: out, stderr: err, ...result }) + "\n");
}
