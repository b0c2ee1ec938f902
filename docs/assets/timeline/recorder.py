"""Records what the event loop did with each task: a timeline of runs and waits.

Plain standard-library Python that runs unchanged in CPython (at build time, to record the
timeline shipped with each page) and in Pyodide (in the reader's browser, to draw a live one).

It uses a public mechanism only: a task factory (`loop.set_task_factory`) that wraps each task's
coroutine, so every step the loop takes (resume, then suspend at an `await`) is seen, along with
what the step awaited. Printing is not changed: lines are timed on their way to the real stdout.

At each suspension the recorder also follows the task's `await` chain (`cr_await`, coroutine to
coroutine) to see which of the program's own coroutine calls are in progress, such as
`await say_after(1, 'hello')` inside `main()`. Each such call is kept with the step in which it
was first and last seen, so coroutines awaited one after the other in one task read as a
staircase. Calls that finish without ever suspending are not seen, nor are asyncio's own.

The recording is a small JSON document (see `Recorder.to_json`):

    {"version": 3,
     "duration": 1.5,                          # seconds, from the first task to the last event
     "tasks": [{"name": "main", "parent": null,
                "created": 0.0, "finished": 1.5,
                "created_turn": 0,             # turns ended before the task was created
                "state": "done" | "cancelled" | "error" | "pending",
                "error": "ValueError" (only for "error"),
                "steps": [[0.0, 0.0, "asyncio.sleep(1)"], ...],    # run from, run to, then awaited
                "calls": [[0.0, 1.0, 1, "say_after(1, 'hello')"], ...]}],  # from, to, depth, call
     "prints": [0.0, 1.0, ...],                # when each line of stdout was printed
     "print_turns": [1, 3, ...],               # turns ended before each line was printed
     "turns": [[0, [["main()", 12]], [1]], ...],   # every step of every task, in the loop's order
     "hidden_tasks": 0,                        # tasks past MAX_TASKS, counted, not kept
     "hidden_calls": 0,                        # calls past MAX_CALLS_PER_TASK, counted, not kept
     "hidden_turns": 0}                        # turns past MAX_TURNS, counted, not kept

A turn is one step of one task, from resuming it to its next suspension: the unit the event loop
schedules, and what the page's step-through replays. The n-th turn of task i in "turns" is
`tasks[i]["steps"][n]`. Each turn gives the task's index; where the step left it, as the
program's own coroutine frames from the task's coroutine inwards, each `[call, line]` (null when
the step ended the task); and the tasks it then waits on (an awaited task, the children of
`gather`, a TaskGroup's tasks, the tasks of `asyncio.wait`). Frames outside the program's file
(asyncio's, contextlib's) are left out, so every line is a line of the program; the chain stops
at an async generator, since what awaits one (`anext()`) does not say which generator it drives.

A call's depth is 1 for a coroutine the task's own coroutine awaits, 2 for one that awaits, and so
on; its "to" is null while it is still in progress. The recorder sees calls only when their task
suspends or ends, so a call is dated from the start of the step it was first seen in to the start
of the step it was gone in (or to the task's end).

Times are seconds rounded to RESOLUTION, so a recording is deterministic enough to review in a diff.
"""

from __future__ import annotations

import asyncio
import collections.abc
import json
import os
import sys
import time
import weakref

RESOLUTION = 0.01
MAX_TASKS = 200
MAX_STEPS_PER_TASK = 500
MAX_CALLS_PER_TASK = 20
MAX_DEPTH = 20
MAX_TURNS = 200
"""Turns kept for the step-through; a longer run keeps its first ones and counts the rest."""
ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
"""Coroutines defined here are asyncio's own (sleep, TaskGroup.__aexit__): not the program's calls."""


EXITS = ("__aexit__", "_aexit")
"""Where a TaskGroup waits for its tasks: `__aexit__`, which in Python 3.13+ awaits `_aexit`."""


def _describe_awaited(coro, yielded) -> str:
    """A short label for what a task waits on after a step: `asyncio.sleep(1)`, `task say_after`,
    `gather(...)`, `a Future`."""
    if yielded is None:
        inner = _innermost(coro)
        name = getattr(getattr(inner, "cr_code", None), "co_name", "")
        if name == "sleep":
            return "asyncio.sleep(0)"
        return "the event loop"
    if isinstance(yielded, asyncio.Task):
        return f"task {_task_label(yielded)}"
    kind = type(yielded).__name__
    if kind == "_GatheringFuture":
        return "gather(...)"
    inner = _innermost(coro)
    code = getattr(inner, "cr_code", None)
    if code is not None and code.co_name == "sleep":
        delay = inner.cr_frame.f_locals.get("delay") if inner.cr_frame else None
        return f"asyncio.sleep({delay:g})" if isinstance(delay, int | float) else "asyncio.sleep"
    if code is not None and code.co_name in EXITS:
        owner = inner.cr_frame.f_locals.get("self") if inner.cr_frame else None
        return f"{type(owner).__name__} exit" if owner is not None else "a Future"
    if code is not None and code.co_name not in ("_wait", "wait_for"):
        return f"{code.co_name}(...)"
    return "a Future"


def _innermost(coro):
    """Follow `await` from coroutine to coroutine down to the one that is actually waiting."""
    seen = 0
    while seen < 100:
        nxt = getattr(coro, "cr_await", None)
        if nxt is None or not hasattr(nxt, "cr_code"):
            return coro
        coro, seen = nxt, seen + 1
    return coro


def _program_calls(coro) -> list:
    """The program's own coroutines that `coro` is awaiting, outermost first: following
    `cr_await` from coroutine to coroutine, leaving out asyncio's own."""
    chain = []
    for _ in range(MAX_DEPTH):
        coro = getattr(coro, "cr_await", None)
        code = getattr(coro, "cr_code", None)
        if code is None:
            break
        if not code.co_filename.startswith(ASYNCIO_DIR):
            chain.append(coro)
    return chain


def _awaited_futures(coro, yielded) -> list:
    """The futures a step left its task waiting on, as far as they can be named: the awaited
    task itself, the children of `gather`, a TaskGroup's tasks, the set `asyncio.wait` watches."""
    if isinstance(yielded, asyncio.Future) and type(yielded).__name__ == "_GatheringFuture":
        return list(getattr(yielded, "_children", ()))
    if isinstance(yielded, asyncio.Future) and not isinstance(yielded, asyncio.Task):
        inner = _innermost(coro)
        code = getattr(inner, "cr_code", None)
        local = inner.cr_frame.f_locals if getattr(inner, "cr_frame", None) else {}
        if code is not None and code.co_name in EXITS:
            return list(getattr(local.get("self"), "_tasks", ()))
        if code is not None and code.co_name == "_wait":
            return list(local.get("fs", ()))
    return [yielded] if isinstance(yielded, asyncio.Future) else []


def _asyncio_own(coro) -> bool:
    """Whether asyncio started this task for itself, with one of its private coroutines: a
    server accepting a connection (`_accept_connection2`), a subprocess connecting its pipes
    (`_connect_pipes`), `communicate()` reading them (`Process._read_stream`)."""
    code = getattr(coro, "cr_code", None)
    return (
        code is not None
        and code.co_filename.startswith(ASYNCIO_DIR)
        and code.co_name.startswith("_")
    )


def _call_label(coro) -> str:
    """`say_after(1, 'hello')`: the coroutine function's name and its arguments."""
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", "coroutine")
    return name.rpartition("<locals>.")[2] + f"({_call_arguments(coro)})"


def _task_label(task: asyncio.Task, args: str = "") -> str:
    """The task's own name if the program gave one, else its coroutine's: `say_after(1, 'hi')`."""
    name = task.get_name()
    # "None": CPython 3.13.0's create_task() names a task made by a task factory str(None).
    if name.startswith("Task-") or name == "None":
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", name)
        name = name.rpartition("<locals>.")[2] + f"({args})"
    return name


def _call_arguments(coro, limit: int = 3, width: int = 14) -> str:
    """The arguments a coroutine was called with, shortened: `1, 'world'`."""
    frame = getattr(coro, "cr_frame", None)
    code = getattr(coro, "cr_code", None)
    if frame is None or code is None:
        return ""
    names = code.co_varnames[: code.co_argcount]
    shown = []
    for name in names[:limit]:
        value = frame.f_locals.get(name)
        # A large float is most likely a clock reading: it would make every recording differ.
        if isinstance(value, float) and abs(value) >= 100:
            shown.append("…")
            continue
        text = repr(value)
        shown.append(text if len(text) <= width else text[: width - 1] + "…")
    if len(names) > limit:
        shown.append("…")
    return ", ".join(shown)


class _TracedCoroutine(collections.abc.Coroutine):
    """Wraps a task's coroutine; reports every step to the recorder and changes nothing."""

    def __init__(self, coro, record: dict, recorder: Recorder) -> None:
        self._coro = coro
        self._record = record
        self._recorder = recorder
        self.__qualname__ = getattr(coro, "__qualname__", type(coro).__name__)
        self.__name__ = getattr(coro, "__name__", self.__qualname__)

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def _step(self, method, *args):
        started = self._recorder.now()
        try:
            yielded = method(*args)
        except StopIteration:
            self._recorder.finish(self._record, started, "done")
            raise
        except asyncio.CancelledError:
            self._recorder.finish(self._record, started, "cancelled")
            raise
        except BaseException as exc:
            self._recorder.finish(self._record, started, "error", type(exc).__name__)
            raise
        self._recorder.step(self._record, started, self._coro, yielded)
        return yielded


class _TimedStdout:
    """Stands in for sys.stdout: notes when each line is printed, passes everything through."""

    def __init__(self, stream, recorder: Recorder) -> None:
        self._stream = stream
        self._recorder = recorder

    def write(self, text: str) -> int:
        for _ in range(text.count("\n")):
            self._recorder.prints.append(self._recorder.now())
            self._recorder.print_turns.append(self._recorder.turn_count)
        return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class Recorder:
    """Records the tasks of the event loops it is installed on (`install`) until `uninstall`."""

    def __init__(self, clock=time.perf_counter, program: str | None = None) -> None:
        """`program`: the file name the program's code was compiled with; the turns' lines are
        of its frames only (without it, of every frame outside asyncio)."""
        self._clock = clock
        self._origin = None
        self._program = program
        self.tasks: list[dict] = []
        self.prints: list[float] = []
        self.print_turns: list[int] = []
        self.turns: list[list] = []
        self.turn_count = 0
        self.hidden_tasks = 0
        self.hidden_calls = 0
        self._stdout = None
        self._previous_factories = {}

    def now(self) -> float:
        now = self._clock()
        if self._origin is None:
            self._origin = now
        return now - self._origin

    # -- installing -------------------------------------------------------------------------

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        """Record the tasks created on `loop` from now on."""
        self._previous_factories[loop] = loop.get_task_factory()
        loop.set_task_factory(self._factory)
        if self._stdout is None:
            self._stdout = sys.stdout
            sys.stdout = _TimedStdout(sys.stdout, self)

    def uninstall(self) -> None:
        """Stop recording; restore task factories and stdout."""
        for loop, factory in self._previous_factories.items():
            if not loop.is_closed():
                loop.set_task_factory(factory)
        self._previous_factories.clear()
        if self._stdout is not None:
            sys.stdout = self._stdout
            self._stdout = None

    def _factory(self, loop, coro, **kwargs):
        parent = asyncio.current_task(loop) if loop.is_running() else None
        if getattr(coro, "__qualname__", "").startswith("BaseEventLoop.") or _asyncio_own(coro):
            return asyncio.Task(coro, loop=loop, **kwargs)  # asyncio's own work, not the program's
        if len(self.tasks) >= MAX_TASKS:
            self.hidden_tasks += 1
            return asyncio.Task(coro, loop=loop, **kwargs)
        record = {
            "index": len(self.tasks),
            "args": _call_arguments(coro),
            "parent": _find(self.tasks, parent),
            "created": self.now(),
            "created_turn": self.turn_count,
            "finished": None,
            "state": "pending",
            "steps": [],
            "calls": [],
            "active": [],
        }
        self.tasks.append(record)
        task = asyncio.Task(_TracedCoroutine(coro, record, self), loop=loop, **kwargs)
        record["task"] = weakref.ref(task)  # a strong one would keep every task alive
        return task

    # -- events ------------------------------------------------------------------------------

    def describe(self, coro, yielded) -> str:
        """What a step left its task waiting on (see `_describe_awaited`)."""
        if isinstance(yielded, asyncio.Task):
            index = _find(self.tasks, yielded)
            args = self.tasks[index]["args"] if index is not None else ""
            return f"task {_task_label(yielded, args)}"
        return _describe_awaited(coro, yielded)

    def step(self, record: dict, started: float, coro, yielded) -> None:
        """A step of `record`'s task ended with `coro` suspended, having yielded `yielded`."""
        ended = self.now()
        steps = record["steps"]
        if len(steps) < MAX_STEPS_PER_TASK:  # past it, a task's steps are not described
            steps.append([started, ended, self.describe(coro, yielded)])
        self._follow_calls(record, started, started, _program_calls(coro))
        if len(self.turns) < MAX_TURNS:
            awaited = (_find(self.tasks, future) for future in _awaited_futures(coro, yielded))
            self.turns.append(
                [record["index"], self._frames(coro), sorted(i for i in awaited if i is not None)]
            )
        self.turn_count += 1

    def _frames(self, coro) -> list:
        """Where a suspended task's code stands: `[call, line]` for each of the program's
        frames, from the task's coroutine inwards."""
        frames = []
        for _ in range(MAX_DEPTH):
            code, frame = getattr(coro, "cr_code", None), getattr(coro, "cr_frame", None)
            if code is None:
                break
            if frame is not None and (
                code.co_filename == self._program
                if self._program
                else not code.co_filename.startswith(ASYNCIO_DIR)
            ):
                frames.append([_call_label(coro), frame.f_lineno])
            coro = getattr(coro, "cr_await", None)
        return frames

    def _follow_calls(self, record: dict, started: float, gone_at: float, chain: list) -> None:
        """Compare the calls in progress now with those at the last suspension: calls gone
        ended in this step, new ones started in it. Both are dated at the step's start (the
        end of the task's last wait), so calls made one after the other never overlap; at the
        task's end, calls still in progress end with it (`gone_at`)."""
        active = record["active"]
        same = 0
        while same < len(active) and same < len(chain) and active[same][0] is chain[same]:
            same += 1
        for _, index in active[same:]:
            if index is not None:
                record["calls"][index][1] = gone_at
        del active[same:]
        calls = record["calls"]
        for depth, coro in enumerate(chain[same:], start=same + 1):
            if len(calls) < MAX_CALLS_PER_TASK:
                active.append((coro, len(calls)))
                calls.append([started, None, depth, _call_label(coro)])
            else:
                active.append((coro, None))
                self.hidden_calls += 1

    def finish(self, record: dict, started: float, state: str, error: str | None = None) -> None:
        ended = self.now()
        if len(record["steps"]) < MAX_STEPS_PER_TASK:
            record["steps"].append([started, ended, None])
        self._follow_calls(record, started, ended, [])
        if len(self.turns) < MAX_TURNS:
            self.turns.append([record["index"], None, []])
        self.turn_count += 1
        record["finished"] = ended
        record["state"] = state
        task = asyncio.current_task()  # its name, kept for when the task is gone
        if task is not None:
            record["name"] = _task_label(task, record["args"])
        if error:
            record["error"] = error

    # -- output ------------------------------------------------------------------------------

    def to_data(self, until: float | None = None) -> dict:
        """The recording as plain data, times rounded to RESOLUTION; `until` (a `now()`) makes
        the duration reach that time, for a drawing made while the program still runs."""

        def r(t):
            return None if t is None else round(round(t / RESOLUTION) * RESOLUTION, 2)

        tasks = []
        for record in self.tasks:
            task = record["task"]() if "task" in record else None
            name = _task_label(task, record["args"]) if task is not None else record.get("name")
            entry = {
                "name": name or "task",
                "parent": record["parent"],
                "created": r(record["created"]),
                "finished": r(record["finished"]),
                "created_turn": record["created_turn"],
                "state": record["state"],
                "steps": [[r(a), r(b), what] for a, b, what in record["steps"]],
                "calls": [[r(a), r(b), depth, name] for a, b, depth, name in record["calls"]],
            }
            if "error" in record:
                entry["error"] = record["error"]
            tasks.append(entry)
        ends = [t["finished"] for t in tasks if t["finished"] is not None] + [
            r(p) for p in self.prints
        ]
        ends += [r(until)] if until is not None else []
        return {
            "version": 3,
            "duration": max(ends, default=0.0),
            "tasks": tasks,
            "prints": [r(p) for p in self.prints],
            "print_turns": list(self.print_turns),
            "turns": [list(turn) for turn in self.turns],
            "hidden_tasks": self.hidden_tasks,
            "hidden_calls": self.hidden_calls,
            "hidden_turns": self.turn_count - len(self.turns),
        }

    def to_json(self) -> str:
        """The recording as compact, diff-friendly JSON (one task a line)."""
        data = self.to_data()
        tasks = ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in data["tasks"])
        turns = ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in data["turns"])
        head = {k: v for k, v in data.items() if k not in ("tasks", "turns")}
        body = json.dumps(head, ensure_ascii=False)[:-1]
        return f'{body}, "tasks": [\n  {tasks}\n], "turns": [\n  {turns}\n]}}\n'


def _find(records: list[dict], task) -> int | None:
    if task is None:
        return None
    for index, record in enumerate(records):
        if "task" in record and record["task"]() is task:
            return index
    return None


def needs_task_name_patch() -> bool:
    """Whether this is Pyodide on Python 3.13+, whose event loop (in Pyodide 314.0.7) still calls
    `asyncio.tasks._set_task_name`, removed in 3.13, whenever a task factory is set."""
    return (
        sys.platform == "emscripten"
        and sys.version_info >= (3, 13)
        and not hasattr(asyncio.tasks, "_set_task_name")
    )


def patch_pyodide_task_name() -> None:
    """Put `asyncio.tasks._set_task_name` back where `needs_task_name_patch` says so."""
    if needs_task_name_patch():
        asyncio.tasks._set_task_name = lambda task, name: name is None or task.set_name(name)
