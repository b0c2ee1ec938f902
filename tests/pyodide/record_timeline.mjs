// Records a task timeline under the pinned Pyodide (in Node, without JSPI), with the recorder
// module the browser uses, installed on Pyodide's own event loop (WebLoop).
// Usage: node tests/pyodide/record_timeline.mjs [--no-patch] FILE.py → the recording as JSON,
// or {"error": "..."} when the program fails.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const RECORDER = new URL("../../docs/assets/timeline/recorder.py", import.meta.url);
const args = process.argv.slice(2);
const patch = !args.includes("--no-patch");
const file = args.filter((arg) => arg !== "--no-patch")[0];

const pyodide = await loadPyodide();
pyodide.setStdout({ batched: () => {} });
pyodide.FS.writeFile("/home/pyodide/timeline_recorder.py", await readFile(RECORDER, "utf8"));
const globals = pyodide.toPy({ source: await readFile(file, "utf8"), patch });
const result = await pyodide.runPythonAsync(`
import asyncio, json, traceback
import timeline_recorder as tr
if patch:
    tr.patch_pyodide_task_name()
recorder = tr.Recorder()
recorder.install(asyncio.get_running_loop())
try:
    namespace = {"__name__": "not_main"}
    exec(source, namespace)
    await namespace["main"]()
    out = recorder.to_json()
except Exception as exc:
    out = json.dumps({"error": "".join(traceback.format_exception(exc)),
                      "needs_patch": tr.needs_task_name_patch()})
finally:
    recorder.uninstall()
out
`, { globals });
process.stdout.write(result + "\n");
