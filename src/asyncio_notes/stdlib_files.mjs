// Which files of Pyodide's standard library a start needs: imports the modules named on the
// command line (a JSON list) under the pinned Pyodide in Node, and prints the zip's files that
// Python read, as a JSON list (asyncio_notes.stdlib_core).
import { loadPyodide } from "pyodide";

const modules = JSON.parse(process.argv[2]);
const pyodide = await loadPyodide();
pyodide.globals.set("wanted", pyodide.toPy(modules));
console.log(pyodide.runPython(`
import importlib
import json
import sys

for name in wanted:
    try:
        importlib.import_module(name)
    except ImportError:
        pass  # not in the standard library: the snapshot's list names what the examples import
stdlib = next(path for path in sys.path if path.endswith(".zip")) + "/"
files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
json.dumps(sorted(name.removeprefix(stdlib) for name in files if name.startswith(stdlib)))
`));
