// Judges programs under the pinned Pyodide (Node has no JSPI: the browser path without stack
// switching) as the worker does on Check: the site's runner (pyrun.py) under the live timeline
// (docs/assets/timeline/live.py), then the exercise's checks (docs/assets/runner/judge.py).
// Usage: node tests/pyodide/judge_exercises.mjs LABELS.json CHECK.py PROGRAM.py [CHECK.py PROGRAM.py]...
//   → one JSON line per program on stdout: {"program", "verdict": {passed, reason, message}}
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadPyodide } from "pyodide";

import { JUDGE_MODULE, RUNNER_MODULE, TIMELINE_MODULES } from "../../docs/assets/runner/protocol.js";

const ASSETS = new URL("../../docs/assets/", import.meta.url);
const [labelsFile, ...pairs] = process.argv.slice(2);

const pyodide = await loadPyodide();
const home = "/home/pyodide";
const write = async (module, path) =>
  pyodide.FS.writeFile(`${home}/${module}.py`, await readFile(new URL(path, ASSETS), "utf8"));
await write(RUNNER_MODULE, "runner/pyrun.py");
await write(JUDGE_MODULE, "runner/judge.py");
for (const name of TIMELINE_MODULES) await write(`timeline_${name}`, `timeline/${name}.py`);
pyodide.setStdout({ write: (bytes) => bytes.length }); // the judge keeps its own copy
pyodide.setStderr({ write: (bytes) => bytes.length });

const runner = pyodide.pyimport(RUNNER_MODULE);
const runChecked = pyodide.pyimport(JUDGE_MODULE).run_checked;
const runRecorded = pyodide.pyimport("timeline_live").run_recorded;
const labels = pyodide.toPy(JSON.parse(await readFile(labelsFile, "utf8")).en);

for (let i = 0; i < pairs.length; i += 2) {
  const [check, program] = [pairs[i], pairs[i + 1]];
  const result = await runChecked(runRecorded, runner.run, await readFile(program, "utf8"),
    basename(program), () => {}, labels, "timeline-test", await readFile(check, "utf8"), "en");
  const { verdict } = result.toJs({ dict_converter: Object.fromEntries });
  process.stdout.write(JSON.stringify({ program, verdict }) + "\n");
}
