// Runs examples under the pinned Pyodide in Node (no JSPI), through the site's runner
// (docs/assets/runner/pyrun.py) as the browser does, with the timeline recorder on its loop:
// `node pyodide_record.mjs FILE.py [TIMELINE.json] [FILE.py TIMELINE.json ...]`. Prints what
// each program prints, its errors on stderr, exits 1 when a program failed; writes each
// recording ("" without tasks). Several programs run one after another in one Python, as Runs
// do in a reader's tab, so that Pyodide starts once.
// `asyncio_notes.interpreters` uses it for examples that need a newer Python than any CPython here.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadPyodide } from "pyodide";

import { RUNNER_MODULE } from "../../docs/assets/runner/protocol.js";

const ASSETS = new URL("../../docs/assets/", import.meta.url);
const args = process.argv.slice(2);
const programs = args.length <= 2 ? [args] : pairs(args);

function pairs(items) {
  if (items.length % 2) throw new Error("several programs: FILE.py TIMELINE.json each");
  return items.flatMap((item, i) => (i % 2 ? [] : [[item, items[i + 1]]]));
}

const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
const home = "/home/pyodide";
pyodide.FS.writeFile(`${home}/${RUNNER_MODULE}.py`,
  await readFile(new URL("runner/pyrun.py", ASSETS), "utf8"));
pyodide.FS.writeFile(`${home}/timeline_recorder.py`,
  await readFile(new URL("timeline/recorder.py", ASSETS), "utf8"));
const runner = pyodide.pyimport(RUNNER_MODULE);

for (const [file, timelineOut] of programs) {
  const globals = pyodide.toPy({ source: await readFile(file, "utf8"), filename: basename(file) });
  globals.set("runner", runner);
  const [ok, timeline] = (await pyodide.runPythonAsync(`
import asyncio
import timeline_recorder

timeline_recorder.patch_pyodide_task_name()
recorder = timeline_recorder.Recorder(program=filename)
recorder.install(asyncio.get_running_loop())
try:
    result = await runner.run(source, filename)
finally:
    recorder.uninstall()
(result["ok"], recorder.to_json() if recorder.tasks else "")
`, { globals })).toJs();
  if (timelineOut) await writeFile(timelineOut, timeline);
  if (!ok) process.exitCode = 1;
}
