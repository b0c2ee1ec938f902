"""Recorded outputs: run each example with CPython and keep exactly what it printed.

`make update-outputs` calls `python -m asyncio_notes update-outputs`, which rewrites every
`snippets/<chapter>/<name>.out` and, for examples that run asyncio tasks, the task timeline
`<name>.timeline.json`; the tests run the same functions and compare.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from asyncio_notes.catalogue import ROOT, Snippet, find_snippets, load_recordings, save_recordings
from asyncio_notes.interpreters import interpreter_for

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


def run_snippet(snippet: Snippet, timeline: Path | None = None) -> str:
    """Run `snippet` as a real program (`python snippets/x/y.py`) and return its stdout.

    It runs on the Python it needs (`asyncio_notes.interpreters`). With `timeline`, the program
    runs under the task recorder (`asyncio_notes.record`, or Pyodide's recorder), which writes
    the recording there and prints exactly the same.

    Raises:
        SnippetError: It exited non-zero, printed to stderr or timed out; the message names the file.
    """
    interpreter = interpreter_for(snippet.python)
    # Another CPython finds the recorder in src/; it needs nothing installed.
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT / "src"),
    }
    if interpreter.pyodide:
        command = [*interpreter.command, str(snippet.path)]
        if timeline is not None:
            command.append(str(timeline))
    elif timeline is not None:
        command = [
            *interpreter.command,
            "-m",
            "asyncio_notes.record",
            str(snippet.path),
            str(timeline),
        ]
    else:
        command = [*interpreter.command, str(snippet.path)]
    try:
        done = subprocess.run(
            command,
            cwd=snippet.path.parent,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise SnippetError(f"{snippet.path}: still running after {TIMEOUT_SECONDS} s") from exc
    if done.returncode != 0 or done.stderr:
        raise SnippetError(
            f"{snippet.path} ({interpreter.label}): exit code {done.returncode}, "
            f"stderr:\n{done.stderr.strip()}"
        )
    return done.stdout


def record_output(snippet: Snippet) -> bool:
    """Run `snippet` under the task recorder; write its output and its task timeline beside it.
    Returns whether a file changed.

    A recording that differs only by timer slack (`same_output`, `same_timeline`) is kept, so
    that re-recording does not churn the files. An example without tasks gets no timeline.
    """
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "timeline.json"
        output = run_snippet(snippet, timeline=fresh)
        timeline_text = fresh.read_text(encoding="utf-8") if fresh.exists() else ""
    changed = False
    recorded = snippet.recorded_output
    if recorded is None or not same_output(recorded, output) or snippet.recorded_with is None:
        snippet.output_path.write_text(output, encoding="utf-8")
        recordings = load_recordings(snippet.root)
        recordings[snippet.name] = interpreter_for(snippet.python).label
        save_recordings(recordings, snippet.root)
        changed = True
    if not timeline_text:
        if snippet.timeline_path.exists():
            snippet.timeline_path.unlink()
            changed = True
        return changed
    old = snippet.recorded_timeline
    if old is None or not same_timeline(old, json.loads(timeline_text)):
        snippet.timeline_path.write_text(timeline_text, encoding="utf-8")
        changed = True
    return changed


def record_run(snippet: Snippet) -> tuple[str, dict | None]:
    """Run `snippet` once under the task recorder: what it printed (exactly what a plain run
    prints) and the fresh recording (None: no tasks).

    Raises:
        SnippetError: As `run_snippet`.
    """
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "timeline.json"
        output = run_snippet(snippet, timeline=fresh)
        text = fresh.read_text(encoding="utf-8") if fresh.exists() else ""
    return output, json.loads(text) if text else None


def timeline_times_close(recorded: float, fresh: float) -> bool:
    """Looser than `seconds_close`: a timeline also records computing time, which depends on
    the machine's speed; still, 0.3 s against 1.5 s (concurrent against sequential) differs."""
    return abs(recorded - fresh) <= 0.1 + 0.35 * max(recorded, fresh)


def same_timeline(recorded: dict, fresh: dict) -> bool:
    """Whether two recordings tell the same story: the same tasks in the same order, with the
    same names, parents, end states and awaited things, step by step, the same coroutine
    calls in each task, the same lines in each task's first turns, and as many printed lines;
    times may differ within `timeline_times_close`."""
    if recorded.get("version") != fresh.get("version"):
        return False
    if len(recorded["tasks"]) != len(fresh["tasks"]) or len(recorded["prints"]) != len(
        fresh["prints"]
    ):
        return False
    for want, got in zip(recorded["tasks"], fresh["tasks"], strict=True):
        if (want["name"], want["parent"], want["state"], want.get("error")) != (
            got["name"],
            got["parent"],
            got["state"],
            got.get("error"),
        ):
            return False
        if [s[2] for s in want["steps"]] != [s[2] for s in got["steps"]]:
            return False
        want_calls, got_calls = want.get("calls", []), got.get("calls", [])
        if [c[2:] for c in want_calls] != [c[2:] for c in got_calls]:
            return False
        times = [(want["created"], got["created"]), (want["finished"], got["finished"])]
        times += [
            (a, b)
            for w, g in zip(want["steps"] + want_calls, got["steps"] + got_calls, strict=True)
            for a, b in zip(w[:2], g[:2], strict=True)
        ]
        if not all(
            a == b or (a is not None and b is not None and timeline_times_close(a, b))
            for a, b in times
        ):
            return False
    for want, got in zip(_lines_by_task(recorded), _lines_by_task(fresh), strict=True):
        common = min(len(want), len(got))
        if want[:common] != got[:common]:
            return False
    return all(
        timeline_times_close(a, b) for a, b in zip(recorded["prints"], fresh["prints"], strict=True)
    )


def _lines_by_task(recording: dict) -> list[list]:
    """Each task's lines, turn after turn, as far as both recordings can be compared: the
    lines the step-through marks must still be the example's. Only the first turns are kept
    (MAX_TURNS), and how many of them are a task's depends on the interleaving: the caller
    compares the turns both recordings have."""
    lines: list[list] = [[] for _ in recording["tasks"]]
    for task, frames, _ in recording.get("turns", []):
        lines[task].append(None if frames is None else [line for _, line in frames])
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command line: record the output of every example (or of the names given)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="snippet names, e.g. 03_tasks/create_task")
    args = parser.parse_args(argv)
    snippets = [s for s in find_snippets() if not args.names or s.name in args.names]
    unknown = set(args.names) - {s.name for s in snippets}
    if unknown:
        print(
            f"no such example: {', '.join(sorted(unknown))} (names look like 03_tasks/create_task)",
            file=sys.stderr,
        )
        return 2
    # One at a time: examples running side by side slow each other down, and the recorded
    # timelines (and some outputs) would show it.
    for snippet in snippets:
        was_changed = record_output(snippet)
        print(
            f"{'updated  ' if was_changed else 'unchanged'} {snippet.path.relative_to(snippet.root.parent)}"
        )
    return 0
