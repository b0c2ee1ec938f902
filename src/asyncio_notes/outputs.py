"""Recorded outputs: run each example with CPython and keep exactly what it printed.

`make update-outputs` calls `python -m asyncio_notes update-outputs`, which rewrites every
`snippets/<chapter>/<name>.out`; the tests run the same function and compare.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from asyncio_notes.catalogue import Snippet, find_snippets

TIMEOUT_SECONDS = 60
"""An example that runs longer than this is broken (examples are meant to take a second or two)."""


SECONDS = re.compile(r"\b(\d+\.\d+)( ?s)\b")
"""An elapsed time as examples print it: `took 1.0 s`."""


def seconds_close(recorded: float, actual: float) -> bool:
    """Whether two printed durations agree, given a busy machine's timer slack.

    Loose enough for a loaded CI machine (1.0 s read as 1.3 s), tight enough that a sequential
    run never passes for a concurrent one (1.0 s against 1.5 s).
    """
    return abs(recorded - actual) <= 0.1 + 0.25 * recorded


def same_output(recorded: str, actual: str) -> bool:
    """Whether `actual` is what `recorded` says, line by line and in order; printed durations
    may differ within `seconds_close`, everything else must be identical."""
    recorded_lines, actual_lines = recorded.splitlines(), actual.splitlines()
    if len(recorded_lines) != len(actual_lines) or recorded.endswith("\n") != actual.endswith("\n"):
        return False
    for want, got in zip(recorded_lines, actual_lines, strict=True):
        if SECONDS.sub("#", want) != SECONDS.sub("#", got):
            return False
        pairs = zip(SECONDS.findall(want), SECONDS.findall(got), strict=True)
        if not all(seconds_close(float(w), float(g)) for (w, _), (g, _) in pairs):
            return False
    return True


class SnippetError(RuntimeError):
    """An example failed: it exited non-zero, wrote to stderr, or ran too long."""


def run_snippet(snippet: Snippet) -> str:
    """Run `snippet` as a real program (`python snippets/x/y.py`) and return its stdout.

    Raises:
        SnippetError: It exited non-zero, printed to stderr or timed out; the message names the file.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8",
           "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run(
            [sys.executable, str(snippet.path)], cwd=snippet.path.parent, env=env,
            capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise SnippetError(f"{snippet.path}: still running after {TIMEOUT_SECONDS} s") from exc
    if done.returncode != 0 or done.stderr:
        raise SnippetError(
            f"{snippet.path}: exit code {done.returncode}, stderr:\n{done.stderr.strip()}")
    return done.stdout


def record_output(snippet: Snippet) -> bool:
    """Run `snippet` and write its output beside it. Returns whether the file changed.

    A recording that differs only by timer slack (`same_output`) is kept, so that re-recording
    does not churn the files.
    """
    output = run_snippet(snippet)
    recorded = snippet.recorded_output
    if recorded is not None and same_output(recorded, output):
        return False
    snippet.output_path.write_text(output, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """Command line: record the output of every example (or of the names given)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="snippet names, e.g. 03_tasks/create_task")
    args = parser.parse_args(argv)
    snippets = [s for s in find_snippets() if not args.names or s.name in args.names]
    # Examples mostly sleep, so running them side by side is safe and much faster.
    with ThreadPoolExecutor(max_workers=8) as pool:
        changed = list(pool.map(record_output, snippets))
    for snippet, was_changed in zip(snippets, changed, strict=True):
        print(f"{'updated  ' if was_changed else 'unchanged'} {snippet.output_path.relative_to(snippet.root.parent)}")
    return 0
