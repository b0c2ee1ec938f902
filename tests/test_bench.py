"""The benchmark's own arithmetic: verdicts, the transfer cut at the first line, test times,
Lighthouse's medians, the program the baseline runs, and the tables it writes for the docs."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from asyncio_notes.bench import (
    Figure,
    Tee,
    TransferLog,
    first_example_code,
    full_run_row,
    gzip_equivalent,
    measured_line,
    median_scores,
    recorded_test_time,
    write_report,
)


def test_a_figure_is_over_when_its_median_or_its_ratio_is() -> None:
    baseline = Figure("baseline", "s", samples=[2.0, 2.2, 2.1])
    fast = Figure(
        "cold", "s", budget=1.0, ratio_budget=0.35, samples=[0.6, 0.7, 0.65], baseline=baseline
    )
    assert fast.row().endswith("| ok |") and "0.31x" in fast.row()
    slow_ratio = Figure(
        "cold", "s", budget=1.0, ratio_budget=0.35, samples=[0.9], baseline=baseline
    )
    assert slow_ratio.row().endswith("| OVER |")
    assert Figure("warm", "s", budget=0.05, samples=[0.06]).row().endswith("| OVER |")


def test_lighthouse_scores_are_the_median_of_the_runs() -> None:
    runs = [
        {"performance": 91, "accessibility": 100, "failing audits": ["a"]},
        {"performance": 78, "accessibility": 100, "failing audits": ["a", "b"]},
        {"performance": 85, "accessibility": 98, "failing audits": ["b"]},
    ]
    median = median_scores(runs)
    assert median["performance"] == 85 and median["accessibility"] == 100
    assert median["failing audits"] == ["b"]  # those of the run with the median performance
    assert median["runs"] == [91, 78, 85]


def test_transfer_log_keeps_what_ended_by_a_moment(monkeypatch) -> None:
    log = TransferLog()
    clock = iter([10.0, 11.0, 12.0])
    monkeypatch.setattr("asyncio_notes.bench.time.time", lambda: next(clock))
    for item in [("/a", 1), ("/b", 2), ("/c", 3)]:
        log.append(item)
    assert log.until(11.5) == [("/a", 1), ("/b", 2)]
    assert log.until(11.5, since=1) == [("/b", 2)]
    assert [size for _, size in log] == [1, 2, 3]


def test_gzip_equivalent_uses_the_gzip_copy(tmp_path: Path) -> None:
    (tmp_path / "x.wasm").write_bytes(b"a" * 1000)
    (tmp_path / "x.wasm.gz").write_bytes(b"g" * 30)
    (tmp_path / "x.wasm.br").write_bytes(b"b" * 20)
    assert gzip_equivalent(tmp_path, [("/x.wasm", 20), ("/missing", 7)]) == 37


def test_the_last_full_test_run_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "test-times.json"
    assert "not recorded" in recorded_test_time(path)
    path.write_text(
        json.dumps(
            {"seconds": 812.4, "tests": 900, "exitstatus": 0, "finished": "2026-11-26 02:00 UTC"}
        )
    )
    assert recorded_test_time(path) == "812 s (900 tests, exit 0, 2026-11-26 02:00 UTC)"
    assert full_run_row(path).endswith("| <= 480 s on 2 CPUs | OVER |")
    path.write_text(json.dumps({"seconds": 480, "tests": 9, "exitstatus": 0, "finished": "x"}))
    assert full_run_row(path).endswith("| ok |")


def test_the_baseline_runs_the_first_examples_code(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<p><code>not this</code></p><div class="example"><div class="highlight">'
        '<pre><span></span><code tabindex="0"><span class="k">print</span>'
        "(&quot;hi&quot;)\n</code></pre></div><p><code>nor this</code></p></div>"
    )
    assert first_example_code(page) == 'print("hi")\n'


def test_a_figure_with_a_ratio_budget_only_says_ok_or_over() -> None:
    baseline = Figure("plain page", "s", samples=[10.0])
    within = Figure("cold, 10 Mbps", "s", ratio_budget=1.0, samples=[7.0], baseline=baseline)
    assert within.row().endswith("| 0.70x | <= 1x baseline | ok |")
    beyond = Figure("cold, 10 Mbps", "s", ratio_budget=1.0, samples=[11.0], baseline=baseline)
    assert beyond.row().endswith("| <= 1x baseline | OVER |")


def test_the_printed_tables_are_written_under_how_they_were_measured(tmp_path: Path) -> None:
    screen = io.StringIO()
    with contextlib.redirect_stdout(Tee(screen)) as printed:
        print("| figure | median |")
        print("| --- | --- |\n")
    args = argparse.Namespace(
        runs=3, builds=1, field_runs=2, no_lighthouse=True, lighthouse_runs=3, no_levers=False
    )
    header = measured_line(args, datetime(2026, 3, 1, 23, 59, tzinfo=UTC), 2, "/usr/bin/chromium")
    assert header == (
        "Measured on 2026-03-01 (UTC) with `python -m asyncio_notes.bench --runs 3 --builds 1 "
        "--field-runs 2 --no-lighthouse`, 2 CPUs, Chromium `/usr/bin/chromium`."
    )
    path = tmp_path / "includes" / "bench.md"
    write_report(path, header, printed.getvalue())
    assert screen.getvalue() == printed.getvalue(), "printed as well as kept"
    assert path.read_text() == f"{header}\n\n| figure | median |\n| --- | --- |\n"
