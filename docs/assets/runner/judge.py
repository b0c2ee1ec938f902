"""Judges a reader's answer to an exercise: runs the exercise's checks on what the program
printed, what its tasks did (the timeline recorder's data) and the shape of its code.

Plain standard-library Python that runs unchanged in CPython (the tests, through
`asyncio_notes.exercises`) and in Pyodide (the runner's worker, which imports it as
`_asyncio_notes_judge`).

An exercise's checks are a file, `snippets/<chapter>/exercises/<name>/check.py`, that defines
`check(run)`: it gets a `Run` and returns None when the program does what the exercise asks, or
`run.fail(en, ko)` with what is wrong, in the reader's terms and in both languages. With
`timeline=True` the verdict points the reader to the timeline of their run. A module-level
`PASSED = {"en": ..., "ko": ...}` adds a sentence to the verdict of a program that passes.
"""

from __future__ import annotations

import ast
import sys

MAX_CAPTURED_CHARS = 100_000
"""Output kept for the checks; a program that prints more is judged on its first lines."""


class Fail:
    """What `check(run)` returns when the program is not there yet."""

    def __init__(self, en: str, ko: str, timeline: bool = False) -> None:
        self.messages = {"en": en, "ko": ko}
        self.timeline = timeline


class Task:
    """One task of the run, as the timeline recorded it."""

    def __init__(self, data: dict, duration: float) -> None:
        self.name: str = data["name"]
        self.state: str = data["state"]
        self.error: str | None = data.get("error")
        self.created: float = data["created"]
        self.finished: float | None = data["finished"]
        self.end: float = duration if data["finished"] is None else data["finished"]
        self.waited_on: list[str] = [what for _, _, what in data["steps"] if what]
        """What each of the task's steps left it waiting on (`asyncio.sleep(0.5)`, ...)."""

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.state} {self.created}-{self.finished}>"


class Run:
    """A finished run of the reader's program, which ended without an exception (a program that
    raised is not judged): what `check(run)` judges.

    Attributes:
        code: The program's source; `tree` is its syntax tree.
        output: What it printed on stdout; `lines` is that output's lines.
        tasks: Its tasks (`Task`), in the order they were created.
        duration: Seconds from its first task to its last event (0 without tasks).
        prints: When each line was printed, in seconds on the same clock.
    """

    def __init__(self, code: str, output: str, timeline: dict | None) -> None:
        self.code = code
        self.tree = ast.parse(code)
        self.output = output
        self.lines = output.splitlines()
        timeline = timeline or {}
        self.duration: float = timeline.get("duration", 0.0)
        self.tasks = [Task(t, self.duration) for t in timeline.get("tasks", [])]
        self.prints: list[float] = timeline.get("prints", [])
        self._calls = [
            (start, self.duration if end is None else end, label)
            for t in timeline.get("tasks", [])
            for start, end, _, label in t.get("calls", [])
        ]
        self._names = _imported_names(self.tree)

    # -- what the tasks did ---------------------------------------------------------------------

    def fail(self, en: str, ko: str, timeline: bool = False) -> Fail:
        """The verdict of a program that is not there yet: what is wrong, in both languages."""
        return Fail(en, ko, timeline)

    def tasks_named(self, prefix: str) -> list[Task]:
        """The tasks whose name (`download('a')`, `main()`) starts with `prefix`."""
        return [t for t in self.tasks if t.name.startswith(prefix)]

    def spans(self, prefix: str) -> list[tuple[float, float]]:
        """From when to when each task named `prefix...` lived, and each call of the program's
        own coroutines labelled so (`fetch(3)` awaited inside a task) was in progress."""
        spans = [(t.created, t.end) for t in self.tasks_named(prefix)]
        return spans + [(a, b) for a, b, label in self._calls if label.startswith(prefix)]

    def most_at_once(self, prefix: str) -> int:
        """How many of the tasks and calls named `prefix...` were in progress at one time.
        One that ends when another starts does not overlap it."""
        events = sorted(
            [(a, 1) for a, _ in self.spans(prefix)] + [(b, -1) for _, b in self.spans(prefix)]
        )
        most = current = 0
        for _, change in events:  # at equal times ends (-1) sort before starts
            current += change
            most = max(most, current)
        return most

    def pending(self) -> list[Task]:
        """The tasks that had not finished when the program ended."""
        return [t for t in self.tasks if t.state == "pending"]

    def finish_order(self, prefix: str = "") -> list[str]:
        """The names of the tasks named `prefix...`, in the order they finished."""
        done = [t for t in self.tasks_named(prefix) if t.finished is not None]
        return [t.name for t in sorted(done, key=lambda t: t.finished)]

    # -- the shape of the code ------------------------------------------------------------------

    def calls(self, name: str, inside_async: bool = False) -> int:
        """How many calls of `name` (`time.sleep`, `asyncio.create_task`) the code makes,
        however it was imported; with `inside_async`, only those inside an `async def`."""
        scope = _async_bodies(self.tree) if inside_async else [self.tree]
        return sum(
            1
            for root in scope
            for node in ast.walk(root)
            if isinstance(node, ast.Call) and self._resolve(node.func) == name
        )

    def uses(self, name: str) -> bool:
        """Whether the code names `name` (`asyncio.TaskGroup`, `asyncio.Lock`) anywhere."""
        return any(
            isinstance(node, (ast.Name, ast.Attribute)) and self._resolve(node) == name
            for node in ast.walk(self.tree)
        )

    def _resolve(self, node: ast.AST) -> str | None:
        """`asyncio.sleep` for `asyncio.sleep`, `sleep` (from asyncio import sleep), `aio.sleep`
        (import asyncio as aio); None for what is not a plain dotted name."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        parts.append(self._names.get(node.id, node.id))
        return ".".join(reversed(parts))


def _imported_names(tree: ast.Module) -> dict[str, str]:
    """What each imported name stands for: {"aio": "asyncio", "sleep": "asyncio.sleep"}."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _async_bodies(tree: ast.Module) -> list[ast.AST]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.AsyncFunctionDef)]


# -- judging ------------------------------------------------------------------------------------

_checks: dict[str, dict] = {}  # a check file's source -> its namespace, compiled once


def _load_check(source: str) -> dict:
    if source not in _checks:
        namespace = {"__name__": "exercise_check"}
        exec(compile(source, "check.py", "exec"), namespace)
        _checks[source] = namespace
    return _checks[source]


def judge(
    check_source: str,
    code: str,
    output: str,
    result: dict,
    timeline: dict | None,
    lang: str,
) -> dict:
    """The verdict on one run: `{"passed": bool, "reason": ..., "message": str, "timeline": bool}`.

    `reason` is "passed", "check" (the checks found something), "error" (the program raised
    `result["error"]` and was not judged) or "broken" (the checks themselves failed on this
    program; `message` says how). `result` is the runner's: `{"ok": bool, "error": name}`.
    """
    if not result.get("ok"):
        return {"passed": False, "reason": "error", "error": result.get("error"), "message": ""}
    try:
        namespace = _load_check(check_source)
        verdict = namespace["check"](Run(code, output, timeline))
    except Exception as exc:  # a program the checks did not foresee: say so, not crash
        return {"passed": False, "reason": "broken", "message": f"{type(exc).__name__}: {exc}"}
    if verdict is None:
        passed = namespace.get("PASSED", {})
        return {"passed": True, "reason": "passed", "message": passed.get(lang, "")}
    return {
        "passed": False,
        "reason": "check",
        "message": verdict.messages.get(lang, verdict.messages["en"]),
        "timeline": verdict.timeline,
    }


class _Capture:
    """stdout as the program sees it, with a copy of the first MAX_CAPTURED_CHARS kept."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        if self.size < MAX_CAPTURED_CHARS:
            self.parts.append(text[: MAX_CAPTURED_CHARS - self.size])
            self.size += len(self.parts[-1])
        return self.stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


async def run_checked(
    run_recorded, run, source, filename, send, labels, figure_id, check_source, lang
) -> dict:
    """The worker's Check: `run_recorded` (the live timeline's) with the program's stdout kept,
    then `judge`; the verdict is the result's "verdict"."""
    capture = _Capture(sys.stdout)
    sys.stdout = capture
    kept: dict = {}
    try:
        result = await run_recorded(run, source, filename, send, labels, figure_id, kept=kept)
    finally:
        if sys.stdout is capture:
            sys.stdout = capture.stream
    output = "".join(capture.parts)
    result = dict(result)
    result["verdict"] = judge(check_source, source, output, result, kept.get("timeline"), lang)
    return result
