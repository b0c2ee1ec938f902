"""What the task timeline costs a run: `python -m asyncio_notes.bench_timeline` (and `make bench`).

Runs a program of 1,000 tasks and one of 10,000 steps with and without the live timeline (the
recorder, plus a drawing every 0.25 s and at the end, as in the reader's browser), and prints
the medians and the difference against the budget: recording and drawing may add at most a
second. Then the recorded files: what each spends on the step-through, against its budget. Measured in CPython, in Pyodide under Node (the browser's Python, without a page) when
Node and the pinned `pyodide` package are there, and in the Playground of the built site in
Chromium (from the click on Run to the end of the run, the page's drawing included).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

from asyncio_notes.catalogue import ROOT
from asyncio_notes.timeline import TIMELINE_ASSETS, load_live

BUDGET_SECONDS = 1.0
"""How much longer a run may take with its timeline recorded and drawn."""

STEP_DATA_BUDGET = 20_000
"""Bytes a recording may spend on the step-through (turns and print turns), per example."""

PROGRAMS = {
    "1,000 tasks": """
import asyncio

async def job(n):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return n

async def main():
    await asyncio.gather(*(job(n) for n in range(1000)))
""",
    "10,000 steps": """
import asyncio

async def step():
    await asyncio.sleep(0)

async def worker():
    for _ in range(1000):
        await step()

async def main():
    await asyncio.gather(*(worker() for _ in range(10)))
""",
}
"""The measured programs: many tasks, and many steps each through an awaited call."""

HARNESS = """
import asyncio, time

async def timed(source, record):
    namespace = {"__name__": "bench"}
    exec(source, namespace)
    live = None
    started = time.perf_counter()
    if record:
        import timeline_live
        live = timeline_live.LiveTimeline(lambda html: None, {})
        live.start()
    try:
        await asyncio.ensure_future(namespace["main"]())  # a task, as asyncio.run makes one
    finally:
        if live is not None:
            live.stop()
    return time.perf_counter() - started
"""
"""Times one run of a program, in CPython and in Pyodide alike."""

NODE_SCRIPT = """
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";
const { assets, harness, programs, runs } = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide();
for (const name of ["recorder", "render", "live"]) {
  pyodide.FS.writeFile(`/home/pyodide/timeline_${name}.py`,
                       await readFile(`${assets}/${name}.py`, "utf8"));
}
const globals = pyodide.toPy({});
pyodide.runPython(harness, { globals });
const results = {};
for (const [name, source] of Object.entries(programs)) {
  results[name] = { plain: [], recorded: [] };
  for (let i = 0; i < runs; i++) {
    for (const kind of ["plain", "recorded"]) {
      globals.set("_source", source);
      globals.set("_record", kind === "recorded");
      results[name][kind].push(await pyodide.runPythonAsync(
        "await timed(_source, _record)", { globals }));
    }
  }
}
process.stdout.write(JSON.stringify(results));
"""
"""Runs HARNESS under the pinned Pyodide in Node; reads its settings as JSON on stdin."""


def measure_cpython(runs: int) -> dict[str, dict[str, list[float]]]:
    """`{program: {"plain": [seconds], "recorded": [seconds]}}`, measured in this Python."""
    sys.modules.setdefault("timeline_live", load_live())
    namespace: dict = {}
    exec(HARNESS, namespace)
    results = {}
    for name, source in PROGRAMS.items():
        results[name] = {"plain": [], "recorded": []}
        for _ in range(runs):
            for kind in ("plain", "recorded"):
                timed = namespace["timed"](source, kind == "recorded")
                results[name][kind].append(asyncio.run(timed))
    return results


def measure_pyodide(runs: int) -> dict[str, dict[str, list[float]]] | None:
    """The same, in Pyodide under Node; `None` if Node or the `pyodide` package is missing."""
    if shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").exists():
        return None
    settings = {
        "assets": str(TIMELINE_ASSETS),
        "harness": HARNESS,
        "programs": PROGRAMS,
        "runs": runs,
    }
    done = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_SCRIPT],
        cwd=ROOT,
        input=json.dumps(settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Pyodide in Node failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


BROWSER_PROGRAM = (
    PROGRAMS["10,000 steps"]
    .lstrip()
    .replace(
        "async def main():\n",
        "async def main():\n"
        "    if not RECORD:  # the recorder leaves every task made from here on alone\n"
        "        asyncio.get_running_loop().set_task_factory(None)\n",
    )
    + '    print("done")\n\nasyncio.run(main())\n'
)
"""10,000 steps in the Playground; `RECORD = False` makes the baseline on the same page."""


def measure_browser(runs: int) -> dict[str, dict[str, list[float]]] | None:
    """Click on Run to the end of the run, drawing included, in the Playground of the built
    site in Chromium; `None` without Chromium."""
    import tempfile
    from pathlib import Path

    from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS, serve

    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {"plain": [], "recorded": []}
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + "playground/")
            block = page.locator("[data-playground] .example")
            block.locator(".cm-content").wait_for()
            for i in range(runs + 1):  # the first run starts Python: not counted
                for kind in ("plain", "recorded"):
                    block.locator(".cm-content").click()
                    page.keyboard.press("ControlOrMeta+a")
                    page.keyboard.press("Delete")
                    page.keyboard.insert_text(f"RECORD = {kind == 'recorded'}\n" + BROWSER_PROGRAM)
                    started = time.perf_counter()
                    block.locator(".runner-run").click()
                    page.wait_for_function(
                        "() => document.querySelector('[data-playground] .run-output')"
                        ".dataset.state === 'ok'",
                        timeout=120_000,
                        polling=20,
                    )
                    if i:
                        samples[kind].append(time.perf_counter() - started)
            browser.close()
    return {"10,000 steps, Run to the end": samples}


def rows(runtime: str, results: dict[str, dict[str, list[float]]]) -> list[str]:
    """Markdown table rows: medians without and with the timeline, the difference, a verdict."""
    lines = []
    for name, samples in results.items():
        plain = statistics.median(samples["plain"])
        recorded = statistics.median(samples["recorded"])
        extra = recorded - plain
        verdict = "ok" if extra <= BUDGET_SECONDS else "OVER"
        lines.append(
            f"| {runtime}: {name} | {plain:.3f} s | {recorded:.3f} s | {extra:+.3f} s | "
            f"{len(samples['plain'])} | <= +{BUDGET_SECONDS:g} s | {verdict} |"
        )
    return lines


def step_data_sizes(root=ROOT / "snippets") -> list[tuple[str, int, int, int]]:
    """Each recorded timeline: its name, its size, what its step-through data takes (the
    "turns" and "print_turns" as written) and how many turns it left out, largest first."""
    sizes = []
    for path in sorted(root.glob("*/*.timeline.json")):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        steps = len(json.dumps(data.get("turns", []), ensure_ascii=False)) + len(
            json.dumps(data.get("print_turns", []))
        )
        name = str(path.relative_to(root)).removesuffix(".timeline.json")
        sizes.append((name, len(text.encode()), steps, data.get("hidden_turns", 0)))
    return sorted(sizes, key=lambda row: -row[2])


def files_report(largest: int = 5) -> str:
    """The recorded timelines against STEP_DATA_BUDGET: the largest, and any over it."""
    sizes = step_data_sizes()
    over = [row for row in sizes if row[2] > STEP_DATA_BUDGET]
    lines = [
        f"Recorded timelines: {len(sizes)} files, {sum(r[1] for r in sizes) / 1000:.0f} kB in all; "
        f"step-through data per example at most {STEP_DATA_BUDGET / 1000:g} kB "
        f"({'OVER: ' + ', '.join(r[0] for r in over) if over else 'ok'})\n",
        "| example | file | step data | turns left out |",
        "| --- | --- | --- | --- |",
    ]
    for name, size, steps, hidden in sizes[:largest]:
        lines.append(f"| {name} | {size / 1000:.1f} kB | {steps / 1000:.1f} kB | {hidden} |")
    return "\n".join(lines)


def report(runs: int = 5, with_browser: bool = True) -> str:
    """The whole measurement as a Markdown table (what `make bench` prints)."""
    lines = [
        f"Task timeline overhead: medians of {runs} runs, recorded and drawn live vs plain\n",
        "| program | plain | with timeline | difference | runs | budget | |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    started = time.perf_counter()
    lines += rows("CPython", measure_cpython(runs))
    pyodide = measure_pyodide(runs)
    if pyodide is None:
        lines.append("| Pyodide (Node) | skipped: node or node_modules/pyodide missing | | | | | |")
    else:
        lines += rows("Pyodide in Node", pyodide)
    browser = measure_browser(runs) if with_browser else None
    if browser is not None:
        lines += rows("Chromium", browser)
    lines.append(f"\n(measured in {time.perf_counter() - started:.0f} s)")
    lines.append("\n" + files_report())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the timeline's overhead against its budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="CPython and Node only")
    args = parser.parse_args(argv)
    print(report(args.runs, with_browser=not args.no_browser))
    return 0


if __name__ == "__main__":
    sys.exit(main())
