"""The reader's waits, measured: `make bench` (`python -m asyncio_notes.bench`).

Builds the site, serves it on 127.0.0.1 with gzip (as a production host should), and drives
Debian's Chromium through Playwright. Every figure is the median of several runs, printed with
its budget and, where it applies, the ratio to a baseline page that does what most sites do:
`loadPyodide()` on the main thread when Run is clicked, from the same self-hosted files.

Budgets live here and only here; tests do not time anything. The tables are also written to
`docs/includes/bench.md` (`--write`), which the contributor guide's "Speed" section includes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asyncio_notes.catalogue import ROOT
from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS, free_port, serve

BASELINE_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Baseline: loadPyodide on the main thread</title>
<button id="run">Run</button><pre id="out" role="log"></pre>
<script type="module">
import { loadPyodide, version } from "./assets/vendor/pyodide/pyodide.mjs";
const out = document.getElementById("out");
document.getElementById("run").addEventListener("click", async () => {
  const pyodide = await loadPyodide({ indexURL: `./assets/vendor/pyodide/${version}/` });
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
        met = [] if self.budget is None else [value <= self.budget]
        budgets = [] if self.budget is None else [f"<= {self.budget:g} {self.unit}"]
        if self.baseline is not None and self.baseline.samples:
            r = value / self.baseline.median
            ratio = f"{r:.2f}x"
            if self.ratio_budget is not None:
                met.append(r <= self.ratio_budget)
        if self.ratio_budget is not None:
            budgets.append(f"<= {self.ratio_budget:g}x baseline")
        verdict = "" if not met else ("ok" if all(met) else "OVER")
        budget = ", ".join(budgets)
        return (
            f"| {self.name} | {value:,.3f} {self.unit} | {len(self.samples)} | {ratio} | "
            f"{budget} | {verdict} |"
        )


def first_line_seconds(page, selector: str, click) -> float:
    """Seconds from a click on Run to the first printed text in `selector`."""
    page.locator(selector).first.wait_for(state="attached")  # the runner has mounted
    page.evaluate(WATCH, selector)
    click()
    # Polled on a timer, not every animation frame (Playwright's default): drawing frames
    # throughout would take CPU from what is measured. The times come from the observer.
    page.wait_for_function("() => window.__bench.first", timeout=120_000, polling=POLL_MS)
    timing = page.evaluate("window.__bench")
    return (timing["first"] - timing["click"]) / 1000


def build(site: Path, url: str) -> float:
    """Build the site into `site` for `url` with `--strict`; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


EXAMPLE_PAGE = "coroutines/"
"""The example page measured: its first example is short and prints at once."""
NAVIGATE_TO = "event-loop/"
"""The page reached by instant navigation for the warm figure after navigation (its first
example, like the measured page's, prints before it first waits)."""
LIGHTHOUSE_PAGES = ("", EXAMPLE_PAGE, "ko/", "ko/" + EXAMPLE_PAGE)
LIGHTHOUSE_BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}
LIGHTHOUSE_FLOOR = "404.html"
"""Material's page chrome and the site-wide scripts with no article of ours: what the theme
alone scores, so the table shows which part of a shortfall is the theme's."""
FIELD_HOSTS = ("github-pages", "none")
"""Hosts the field figures are measured on (`asyncio_notes.serve.HOSTS`): as GitHub Pages
serves an MkDocs site, and with no compression at all."""
FIELD_LINKS = (("10 Mbps / 40 ms", 10.0, 40), ("1.6 Mbps / 150 ms", 1.6, 150))
"""Links the field figures are measured on: (label, Mbit/s down and up, round-trip ms)."""
FIELD_RATIO_BUDGET = 1.0
"""On every host and link, the cold Run is no slower than the plain page's."""
FIELD_BYTES_BUDGET = 7.5
"""Megabytes a first Run fetches, on every host."""
FIRST_VISIT_BUDGET = 1.5
"""Megabytes a first visit to one page fetches with no Run, service worker included, on every
host: a reader who came for one page is not made to download the site (measured: 0.31 MB on
the GitHub Pages-like host, 1.3 MB with no compression at all, 0.57 MB of it the search index)."""
QUIET_SECONDS = 3.0
"""A first visit has ended when the host has sent nothing for this long."""
TEST_TIMES = ROOT / "build" / "test-times.json"
"""Written by the test session (tests/conftest.py): how long the last `make test` took."""
REPORT = ROOT / "docs" / "includes" / "bench.md"
"""Where the printed tables are written: the contributor guide includes them, so its figures
are measured, never typed."""

RUN = ".example .runner-run"
LOG = ".example .run-output__log"
IDLE = "() => !document.querySelector('.example .runner-run').disabled"
POLL_MS = 100
SETTLED = """async () => {
  // Diagrams near the screen are drawn at once (diagrams.js): wait for them, 3 s at most,
  // once a frame has gone by (the observer that starts them reports after one).
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const drawing = () => document.querySelector("pre.diagram[data-drawing]");
  for (let waited = 0; drawing() && waited < 3000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
}"""
"""Waits until the page has drawn itself (its diagrams too) and its main thread is idle: a
reader reads before pressing Run, and the figure is the runner's, not the page's drawing (which
delayed the first line after instant navigation by up to 0.4 s)."""


LEAVE = "() => document.querySelectorAll('.example').forEach((e) => (e.dataset.left = ''))"
NEW_PAGE = "() => document.querySelector('.example[data-runner]:not([data-left]) .runner-run')"
"""Mark the examples of the page being left; then wait for the next page's, mounted (the
address changes before the content does)."""


RUNNER_BYTES = """() => performance.getEntriesByType("resource")
  .filter((entry) => /\\/assets\\/(runner|offline)\\//.test(entry.name))
  .reduce((sum, entry) => sum + entry.encodedBodySize, 0)"""
"""Compressed bytes of the runner's own files the page fetched (the service worker's copies for
offline reading are not the page's)."""


class TransferLog(list):
    """The server's log of (path, bytes sent), with the wall-clock time each answer ended."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item: tuple[str, int]) -> None:
        """Log one answer, now."""
        self.times.append(time.time())
        super().append(item)

    def until(self, moment: float, since: int = 0) -> list[tuple[str, int]]:
        """Entries from `since` whose answer ended by `moment` (seconds since the epoch)."""
        return [
            item for item, at in zip(self[since:], self.times[since:], strict=True) if at <= moment
        ]


def time_run(page, log: str = LOG, button: str = RUN) -> float:
    """Seconds from a click on the first `button` to the first line in `log`, pressed as a
    reader does: once it is in view and the page has settled. (A click that scrolls the page
    makes Material and the browser redraw it in the measured wait, which no reader's click
    does: 0.1 s of the page's thread that held up the worker's start.)"""
    button = page.locator(button).first
    button.scroll_into_view_if_needed()
    page.evaluate(SETTLED)
    return first_line_seconds(page, log, button.click)


def emulate_link(context, page, mbps: float, latency_ms: float) -> None:
    """Chromium's network emulation for `page` (it applies to its workers' fetches too)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": mbps * 1e6 / 8,
            "uploadThroughput": mbps * 1e6 / 8,
        },
    )


def field_figures(browser, site: Path, page_path: str, runs: int) -> tuple[list, list[str]]:
    """Cold Run against the plain `loadPyodide()` page on each host of FIELD_HOSTS and link of
    FIELD_LINKS (a fresh reader each time, service worker and all), interleaved; and what a
    first Run fetches from each host. Returns the figures and the starts the worker chose."""
    figures: list[Figure] = []
    starts: list[str] = []
    for host in FIELD_HOSTS:
        transfers = TransferLog()
        with serve(site, host=host, transfers=transfers) as url:
            sent = Figure(
                f"{host}: first-run transfer, click to first line", "MB", budget=FIELD_BYTES_BUDGET
            )
            for _ in range(runs):
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                page.goto(url + page_path)
                page.wait_for_load_state("networkidle")
                before = len(transfers)
                time_run(page)
                first = page.evaluate("performance.timeOrigin + window.__bench.first") / 1000
                sent.samples.append(sum(size for _, size in transfers.until(first, before)) / 1e6)
                context.close()
            figures += first_visit_figures(browser, url, page_path, runs, host, transfers)
            for label, mbps, latency in FIELD_LINKS:
                baseline = Figure(f"{host}, {label}: plain loadPyodide() page", "s")
                cold = Figure(
                    f"{host}, {label}: cold Run",
                    "s",
                    baseline=baseline,
                    ratio_budget=FIELD_RATIO_BUDGET,
                )
                for _ in range(runs):
                    for figure, path, log, button in (
                        (cold, page_path, LOG, RUN),
                        (baseline, "bench-baseline.html", "#out", "#run"),
                    ):
                        context = browser.new_context()
                        page = context.new_page()
                        emulate_link(context, page, mbps, latency)
                        page.goto(url + path)
                        page.wait_for_load_state("networkidle")
                        figure.samples.append(time_run(page, log, button))
                        if figure is cold:
                            start = python_start(page) or {}
                            starts.append(f"{host} {label}: {start.get('how')}")
                        context.close()
                figures += [cold, baseline]
    return figures, starts


def first_visit_figures(
    browser, url: str, page_path: str, runs: int, host: str, transfers: TransferLog
) -> list[Figure]:
    """What a fresh reader's visit to one page fetches with no Run (the service worker's own
    fetches included): megabytes against FIRST_VISIT_BUDGET, and requests."""
    sent = Figure(f"{host}: first visit, one page, no Run", "MB", budget=FIRST_VISIT_BUDGET)
    requests = Figure(f"{host}: first visit, requests", "requests")
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        before = len(transfers)
        page.goto(url + page_path)
        page.wait_for_load_state("networkidle")
        quiet_since, count = time.monotonic(), len(transfers)
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            page.wait_for_timeout(250)
            if len(transfers) != count:
                quiet_since, count = time.monotonic(), len(transfers)
        visit = transfers[before:]
        sent.samples.append(sum(size for _, size in visit) / 1e6)
        requests.samples.append(len(visit))
        context.close()
    return [sent, requests]


def python_start(page) -> dict | None:
    """How the runner's worker started Python ({how, reason, ms}), from client.js."""
    return page.evaluate("async () => (await import('/assets/runner/client.js')).pythonStart()")


def transferred(transfers: list[tuple[str, int]], since: int, part: str = "") -> int:
    """Bytes sent since entry `since` of the server's transfer log, for paths containing `part`."""
    return sum(size for path, size in transfers[since:] if part in path)


def lighthouse(url: str, out: Path, *extra: str) -> dict[str, float]:
    """Lighthouse's category scores (0-100) for `url`, run in Debian's Chromium, and the ids
    of the audits it failed. Lighthouse's default is a mobile phone (CPU slowed 4x, a slow
    4G link); `extra` flags such as `--preset=desktop` change that."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices",
            f"--chrome-flags={flags}",
            *extra,
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    report = json.loads(out.read_text())
    scores = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
    failed = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"}
    ]
    scores["failing audits"] = failed  # type: ignore[assignment]
    return scores


def median_scores(runs: list[dict]) -> dict:
    """Each category's median over Lighthouse runs (one run's score swings by 10 points on a
    shared machine), and the failing audits of the run whose performance is the median."""
    categories = [key for key in runs[0] if key != "failing audits"]
    median = {key: statistics.median_low(run[key] for run in runs) for key in categories}
    middle = sorted(runs, key=lambda run: run["performance"])[(len(runs) - 1) // 2]
    median["failing audits"] = middle["failing audits"]
    median["runs"] = [run["performance"] for run in runs]
    return median


TEST_TIME_BUDGET = 480
"""Seconds a full `make test` may take on a 2-CPU machine."""


def full_run_row(path: Path = TEST_TIMES) -> str:
    """The last full `make test` run as a Markdown table row, against its budget."""
    verdict = ""
    if path.exists():
        seconds = json.loads(path.read_text())["seconds"]
        verdict = "ok" if seconds <= TEST_TIME_BUDGET else "OVER"
    budget = f"<= {TEST_TIME_BUDGET} s on 2 CPUs"
    return f"| make test (last full run) | {recorded_test_time(path)} | | | {budget} | {verdict} |"


def recorded_test_time(path: Path = TEST_TIMES) -> str:
    """The last full `make test` run recorded by the test session, as a table cell."""
    if not path.exists():
        return "not recorded yet: run `make test` (the test session records it)"
    record = json.loads(path.read_text())
    return (
        f"{record['seconds']:,.0f} s ({record['tests']} tests, exit {record['exitstatus']}, "
        f"{record['finished']})"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: build, serve and measure the site; print each figure against its budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--page", default=EXAMPLE_PAGE, help="example page to measure")
    parser.add_argument("--builds", type=int, default=5, help="timed site builds (default 5)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page, phone settings (default 3)",
    )
    parser.add_argument(
        "--no-levers", action="store_true", help="skip the figures that show what each lever gains"
    )
    parser.add_argument(
        "--field-runs",
        type=int,
        default=3,
        help="runs per field figure: hosts as readers meet them, on real links "
        "(default 3; 0 skips them)",
    )
    parser.add_argument(
        "--write",
        default=str(REPORT),
        metavar="PATH",
        help="also write the tables to PATH, headed by when and how they were measured "
        "(default docs/includes/bench.md; '' writes nothing)",
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    port = free_port()
    base_url = f"http://127.0.0.1:{port}/"
    baseline = Figure("Baseline: loadPyodide() on click, main thread", "s")
    cold = Figure(
        "Cold Run: click to first line", "s", budget=1.0, ratio_budget=0.30, baseline=baseline
    )
    cold_at_load = Figure(
        "Cold Run pressed the moment the page has loaded", "s", ratio_budget=0.40, baseline=baseline
    )
    again = Figure("Return visit (HTTP cache warm)", "s", budget=0.6, baseline=baseline)
    warm = Figure("Warm Run: second Run on the page", "s", budget=0.05)
    warm_nav = Figure("Warm Run after instant navigation", "s", budget=0.05)
    weight = Figure("Page weight the runner adds (compressed)", "KB", budget=25)
    pyodide_before = Figure("Pyodide bytes before intent", "B", budget=0)
    transfer = Figure(
        "First-run transfer, click to first line (br)", "MB", budget=FIELD_BYTES_BUDGET
    )
    transfer_gzip = Figure("First-run transfer if the host has gzip only", "MB")
    lever_plain = Figure(
        "Lever off: plain load in the worker (no snapshot)", "s", baseline=baseline
    )
    lever_intent = Figure("Lever on: Run after 1 s of pointer over Run", "s", baseline=baseline)
    lever_returning = Figure(
        "Lever off: return visit, Python not started for a returning reader (?prestart=off)",
        "s",
        baseline=baseline,
    )
    build_time = Figure("mkdocs build, both languages (snapshot cached)", "s")
    starts: list[str] = []
    scores: dict[str, dict] = {}
    desktop: dict[str, dict] = {}

    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        for _ in range(args.builds):
            build_time.samples.append(build(site, base_url))
        transfers = TransferLog()
        with (
            serve(site, port, host="tuned", transfers=transfers) as url,
            sync_playwright() as playwright,
        ):
            (site / "bench-baseline.html").write_text(
                BASELINE_PAGE % repr_js(first_example_code(site / args.page / "index.html"))
            )
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page_url = url + args.page
            for _ in range(args.runs):
                context = browser.new_context()
                page = context.new_page()
                loaded = len(transfers)
                page.goto(page_url)
                page.wait_for_load_state("networkidle")
                weight.samples.append(page.evaluate(RUNNER_BYTES) / 1000)
                pyodide_before.samples.append(transferred(transfers, loaded, "/vendor/pyodide/"))
                run = page.locator(RUN).first
                before = len(transfers)
                cold.samples.append(time_run(page))
                first = page.evaluate("performance.timeOrigin + window.__bench.first") / 1000
                sent = transfers.until(first, since=before)
                transfer.samples.append(sum(size for _, size in sent) / 1e6)
                transfer_gzip.samples.append(gzip_equivalent(site, sent) / 1e6)
                starts.append((python_start(page) or {}).get("how", "?"))
                page.wait_for_function(IDLE, polling=POLL_MS)
                warm.samples.append(first_line_seconds(page, LOG, run.click))
                page.wait_for_function(IDLE, polling=POLL_MS)
                # Instant navigation keeps the page's scripts (and the worker) alive.
                page.evaluate("window.__stayed = true")
                page.evaluate(LEAVE)
                page.locator(f'.md-nav a[href$="{NAVIGATE_TO}"]').first.click()
                page.wait_for_url("**/" + NAVIGATE_TO)
                page.wait_for_function(NEW_PAGE, polling=POLL_MS)
                assert page.evaluate("window.__stayed === true"), "navigation was not instant"
                warm_nav.samples.append(time_run(page))
                page.wait_for_function(IDLE, polling=POLL_MS)
                page.goto(page_url)
                page.wait_for_load_state("networkidle")
                again.samples.append(time_run(page))
                if not args.no_levers:
                    page.wait_for_function(IDLE, polling=POLL_MS)
                    page.goto(page_url + "?prestart=off")
                    page.wait_for_load_state("networkidle")
                    lever_returning.samples.append(time_run(page))
                context.close()

                context = browser.new_context()
                page = context.new_page()
                page.goto(url + "bench-baseline.html")
                baseline.samples.append(time_run(page, "#out", "#run"))
                context.close()

                # A reader who presses Run as soon as the page is there: Material's start-up
                # and the page's own work share the main thread with the click.
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_url, wait_until="load")
                cold_at_load.samples.append(
                    first_line_seconds(page, LOG, page.locator(RUN).first.click)
                )
                context.close()

                if args.no_levers:
                    continue
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_url + "?snapshot=off")
                page.wait_for_load_state("networkidle")
                lever_plain.samples.append(time_run(page))
                context.close()
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_url)
                page.wait_for_load_state("networkidle")
                page.locator(RUN).first.hover()
                page.wait_for_timeout(1000)
                lever_intent.samples.append(time_run(page))
                context.close()
            field: list[Figure] = []
            field_starts: list[str] = []
            if args.field_runs:
                field, field_starts = field_figures(browser, site, args.page, args.field_runs)
            browser.close()
        if not args.no_lighthouse:
            # On the host most MkDocs sites live on.
            with serve(site, host="github-pages") as url:
                report = Path(scratch) / "lighthouse.json"
                for path in (*LIGHTHOUSE_PAGES, LIGHTHOUSE_FLOOR):
                    scores["/" + path] = median_scores(
                        [lighthouse(url + path, report) for _ in range(args.lighthouse_runs)]
                    )
                    if path != LIGHTHOUSE_FLOOR:
                        desktop[path] = lighthouse(url + path, report, "--preset=desktop")

    figures = [
        cold,
        cold_at_load,
        baseline,
        again,
        warm,
        warm_nav,
        weight,
        pyodide_before,
        transfer,
        transfer_gzip,
        build_time,
    ]
    if not args.no_levers:
        figures += [lever_plain, lever_intent, lever_returning]
    with contextlib.redirect_stdout(Tee(sys.stdout)) as printed:
        print_tables(args, figures, starts, field, field_starts, scores, desktop)
    if args.write:
        header = measured_line(args, datetime.now(UTC), os.cpu_count(), CHROMIUM)
        write_report(Path(args.write), header, printed.getvalue())
    return 0


class Tee(io.StringIO):
    """Standard output that keeps what is printed: the tables are printed once, and written."""

    def __init__(self, out) -> None:
        super().__init__()
        self.out = out

    def write(self, text: str) -> int:
        """Print `text` and keep it."""
        self.out.write(text)
        return super().write(text)


def measured_line(args: argparse.Namespace, when: datetime, cpus: int | None, chromium: str) -> str:
    """The line that heads the written tables: when (UTC) and how they were measured."""
    options = [f"--runs {args.runs}", f"--builds {args.builds}", f"--field-runs {args.field_runs}"]
    options.append(
        "--no-lighthouse" if args.no_lighthouse else f"--lighthouse-runs {args.lighthouse_runs}"
    )
    if args.no_levers:
        options.append("--no-levers")
    return (
        f"Measured on {when:%Y-%m-%d} (UTC) with "
        f"`python -m asyncio_notes.bench {' '.join(options)}`, "
        f"{cpus} CPUs, Chromium `{chromium}`."
    )


def write_report(path: Path, header: str, printed: str) -> None:
    """Write `header`, then what was `printed`, to `path` as Markdown."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{header}\n\n{printed.strip()}\n", encoding="utf-8")


def print_tables(
    args: argparse.Namespace,
    figures: list[Figure],
    starts: list[str],
    in_field: list[Figure],
    field_starts: list[str],
    scores: dict[str, dict],
    desktop: dict[str, dict],
) -> None:
    """Print every figure as Markdown tables: the reader's waits, the field, Lighthouse, and the
    task timeline's own figures (measured as they are printed)."""
    print(
        f"asyncio notes benchmark: medians of {args.runs} runs ({args.builds} builds), "
        f"Chromium {CHROMIUM}, site served on 127.0.0.1 with precompressed brotli/gzip; "
        f"Python started from: {', '.join(sorted(set(starts)))}\n"
    )
    print("| figure | median | runs | vs baseline | budget | |")
    print("| --- | --- | --- | --- | --- | --- |")
    for figure in figures:
        print(figure.row())
    print(full_run_row())
    if in_field:
        print(
            f"\nIn the field: medians of {args.field_runs} fresh readers per figure, Chromium's "
            "network emulation (the worker's fetches too), each host against a plain "
            "`loadPyodide()` page on the same host and link; Python started from: "
            f"{'; '.join(sorted(set(field_starts)))}\n"
        )
        print("| figure | median | runs | vs plain page | budget | |")
        print("| --- | --- | --- | --- | --- | --- |")
        for figure in in_field:
            print(figure.row())
    if scores:
        print(
            f"\n| Lighthouse page on the GitHub Pages-like host (phone settings, medians of "
            f"{args.lighthouse_runs}) "
            "| performance | accessibility | best practices | failing audits "
            "| performance, desktop settings (1 run) |"
        )
        print("| --- | --- | --- | --- | --- | --- |")
        for path, score in scores.items():
            floor = path == "/" + LIGHTHOUSE_FLOOR
            cells = []
            for key, budget in LIGHTHOUSE_BUDGETS.items():
                verdict = "ok" if score.get(key, 0) >= budget else "OVER"
                cells.append(
                    str(score.get(key)) if floor else f"{score.get(key)} ({verdict}, >= {budget})"
                )
            cells[0] += f" [runs: {', '.join(map(str, score['runs']))}]"
            name = f"{path} (the theme alone, no budget)" if floor else path
            on_desktop = desktop.get(path[1:], {}).get("performance", "")
            print(
                f"| {name} | {' | '.join(cells)} | {', '.join(score['failing audits'])} "
                f"| {on_desktop} |"
            )

    from asyncio_notes.bench_timeline import report  # the task timeline's own figures

    print("\n" + report(args.runs))


def first_example_code(html: Path) -> str:
    """The code of the first example on a built page (the baseline runs the same program)."""
    import html as html_module
    import re

    text = html.read_text(encoding="utf-8")
    block = text[text.index('class="example"') :]
    code = re.search(r"<code[^>]*>(.*?)</code>", block, re.DOTALL)[1]
    return html_module.unescape(re.sub(r"<[^>]+>", "", code))


def gzip_equivalent(site: Path, sent: list[tuple[str, int]]) -> int:
    """What `sent` would have weighed from a host that has gzip only (no brotli)."""
    import gzip

    total = 0
    for path, size in sent:
        file = site / path.split("?")[0].lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        gz = file.with_name(file.name + ".gz")
        if gz.is_file():
            total += gz.stat().st_size
        elif file.is_file() and file.with_name(file.name + ".br").is_file():
            total += len(gzip.compress(file.read_bytes(), 9))
        else:
            total += size
    return total


def repr_js(code: str) -> str:
    """A JavaScript string literal for `code`."""
    import json

    return json.dumps(code)


if __name__ == "__main__":
    sys.exit(main())
