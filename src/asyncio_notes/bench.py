"""The reader's waits, measured: `make bench` (`python -m asyncio_notes.bench`).

Builds the site, serves it on 127.0.0.1 with gzip (as a production host should), and drives
Debian's Chromium through Playwright. Every figure is the median of several runs, printed with
its budget and, where it applies, the ratio to a baseline page that does what most sites do:
`loadPyodide()` on the main thread when Run is clicked, from the same self-hosted files.

Budgets live here and only here; tests do not time anything.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from asyncio_notes.catalogue import ROOT
from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS, free_port, serve

BASELINE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Baseline: loadPyodide on the main thread</title>
<button id="run">Run</button><pre id="out" role="log"></pre>
<script type="module">
import { loadPyodide } from "./assets/vendor/pyodide/pyodide.mjs";
const out = document.getElementById("out");
document.getElementById("run").addEventListener("click", async () => {
  const pyodide = await loadPyodide({ indexURL: "./assets/vendor/pyodide/" });
  pyodide.setStdout({ batched: (line) => out.append(line + "\\n") });
  await pyodide.runPythonAsync(CODE);
});
const CODE = %s;
</script>
</html>
"""

# Injected before a click: notes when Run is clicked and when the first output text appears.
WATCH = """(selector) => {
  window.__bench = {};
  const log = document.querySelector(selector);
  document.addEventListener("click", (event) => {
    if (event.target.closest(".runner-run, #run")) window.__bench = { click: performance.now() };
  }, true);
  new MutationObserver(() => {
    if (window.__bench.click && !window.__bench.first && log.textContent.trim())
      window.__bench.first = performance.now();
  }).observe(log, { childList: true, subtree: true, characterData: true });
}"""


@dataclass
class Figure:
    """One measured figure: its samples, budget and unit."""

    name: str
    unit: str
    budget: float | None = None
    samples: list[float] = field(default_factory=list)
    baseline: Figure | None = None
    ratio_budget: float | None = None

    @property
    def median(self) -> float:
        """The median of the samples (NaN before the first one)."""
        return statistics.median(self.samples) if self.samples else float("nan")

    def row(self) -> str:
        """The figure as a Markdown table row: median, runs, ratio to baseline, budget, verdict."""
        value = self.median
        ratio = ""
        verdict = "" if self.budget is None else ("ok" if value <= self.budget else "OVER")
        if self.baseline is not None and self.baseline.samples:
            r = value / self.baseline.median
            ratio = f"{r:.2f}x"
            if self.ratio_budget is not None and r > self.ratio_budget:
                verdict = "OVER"
        budget = "" if self.budget is None else f"<= {self.budget:g} {self.unit}"
        if self.ratio_budget is not None:
            budget += f", <= {self.ratio_budget:g}x baseline"
        return (f"| {self.name} | {value:,.3f} {self.unit} | {len(self.samples)} | {ratio} | "
                f"{budget} | {verdict} |")


def first_line_seconds(page, selector: str, click) -> float:
    """Seconds from a click on Run to the first printed text in `selector`."""
    page.evaluate(WATCH, selector)
    click()
    page.wait_for_function("() => window.__bench.first", timeout=120_000)
    timing = page.evaluate("window.__bench")
    return (timing["first"] - timing["click"]) / 1000


def build(site: Path, url: str) -> float:
    """Build the site into `site` for `url` with `--strict`; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, check=True,
                   env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Command line: build, serve and measure the site; print each figure against its budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--page", default="", help="example page to measure (default: home)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    cold = Figure("Cold Run: click to first line", "s", budget=1.0, ratio_budget=0.35)
    baseline = Figure("Baseline: loadPyodide() on click, main thread", "s")
    cold.baseline = baseline
    again = Figure("Return visit (HTTP cache warm)", "s", budget=0.6)
    warm = Figure("Warm Run: second Run on the page", "s", budget=0.05)
    weight = Figure("Page weight the runner adds (gzip)", "KB", budget=25)
    transfer = Figure("First-run transfer, click to first line (gzip)", "MB", budget=8)
    build_time = Figure("mkdocs build, both languages", "s")

    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        for _ in range(2):
            build_time.samples.append(build(site, base_url))
        transfers: list[tuple[str, int]] = []
        with serve(site, port, compress=True, transfers=transfers) as url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page_url = url + args.page
            code = None
            for _ in range(args.runs):
                context = browser.new_context()
                page = context.new_page()
                loaded = len(transfers)
                page.goto(page_url)
                page.wait_for_load_state("networkidle")
                weight.samples.append(sum(size for path, size in transfers[loaded:]
                                          if "/assets/runner/" in path) / 1000)
                assert not any("/vendor/pyodide/" in path for path, _ in transfers[loaded:]), (
                    "Pyodide was fetched before the reader showed intent")
                code = page.locator(".example .highlight code").first.text_content()
                example = page.locator(".example").first
                run = example.locator(".runner-run")
                before = len(transfers)
                cold.samples.append(first_line_seconds(page, ".example .run-output__log", run.click))
                transfer.samples.append(sum(size for _, size in transfers[before:]) / 1e6)
                page.wait_for_function(
                    "() => !document.querySelector('.example .runner-run').disabled")
                warm.samples.append(first_line_seconds(page, ".example .run-output__log", run.click))
                page.wait_for_function(
                    "() => !document.querySelector('.example .runner-run').disabled")
                page.reload()
                again.samples.append(first_line_seconds(
                    page, ".example .run-output__log", page.locator(".example .runner-run").first.click))
                context.close()

                if not (site / "bench-baseline.html").exists():
                    (site / "bench-baseline.html").write_text(BASELINE_PAGE % repr_js(code))
                context = browser.new_context()
                page = context.new_page()
                page.goto(url + "bench-baseline.html")
                baseline.samples.append(first_line_seconds(page, "#out", page.locator("#run").click))
                context.close()
            browser.close()

    print(f"asyncio notes benchmark: medians of {args.runs} runs, Chromium "
          f"{CHROMIUM}, site served with gzip on 127.0.0.1\n")
    print("| figure | median | runs | vs baseline | budget | |")
    print("| --- | --- | --- | --- | --- | --- |")
    for figure in (cold, baseline, again, warm, weight, transfer, build_time):
        print(figure.row())
    from asyncio_notes.bench_timeline import report  # the task timeline's own figures

    print("\n" + report(args.runs))
    return 0


def repr_js(code: str) -> str:
    """A JavaScript string literal for `code`."""
    import json

    return json.dumps(code)


if __name__ == "__main__":
    sys.exit(main())
