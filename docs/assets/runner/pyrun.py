"""Runs a reader's program inside Pyodide, the way `python file.py` would run it.

Loaded by the runner's Web Worker (and by the tests, in Node and in CPython). Each run gets a
fresh `__main__` namespace, so examples never see each other's variables.

Pyodide's own `asyncio.run` blocks on the event loop, which needs WebAssembly stack switching
(JSPI); Safari and older Firefox have none. A module-level `asyncio.run(main())` is therefore run
as `await main()` on the browser's event loop, which works everywhere, and the tasks the program
leaves behind are cancelled afterwards, as `asyncio.run` does. The older module-level
`loop = asyncio.new_event_loop()` and `loop.run_until_complete(main())` are run the same way
(without the cancelling), since the page has one event loop and the program already runs on it.
"""

from __future__ import annotations

import ast
import asyncio
import builtins
import inspect
import linecache
import sys
import traceback
import types

RUN_HELPER = "__asyncio_notes_run__"
RUN_UNTIL_COMPLETE_HELPER = "__asyncio_notes_run_until_complete__"
LOOP_HELPER = "__asyncio_notes_loop__"

HINTS = {
    # message fragment of the error -> hint key the page explains in the reader's language
    "can't start new thread": "threads",
    "stack switching not supported": "jspi",
    "WebAssembly stack switching": "jspi",
}


class _AsyncioRunToAwait(ast.NodeTransformer):
    """Rewrites `asyncio.run(x)` and `<loop>.run_until_complete(x)` in module-level code (not
    inside functions) to awaits of helpers that do what they do, on the running loop."""

    def __init__(self, run_names: set[str]) -> None:
        self.run_names = run_names
        self.rewritten = 0

    def visit_FunctionDef(self, node: ast.AST) -> ast.AST:
        return node  # code in functions runs later, on its own terms

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        is_run = (
            isinstance(func, ast.Attribute) and func.attr == "run"
            and isinstance(func.value, ast.Name) and func.value.id == "asyncio"
        ) or (isinstance(func, ast.Name) and func.id in self.run_names)
        is_run_until_complete = isinstance(func, ast.Attribute) and func.attr == "run_until_complete"
        is_new_loop = (
            isinstance(func, ast.Attribute) and func.attr == "new_event_loop"
            and isinstance(func.value, ast.Name) and func.value.id == "asyncio"
        )
        if is_new_loop:
            self.rewritten += 1
            call = ast.Call(ast.Name(LOOP_HELPER, ast.Load()), [], [])
            return ast.copy_location(call, node)
        if not (is_run or is_run_until_complete):
            return node
        self.rewritten += 1
        helper = RUN_HELPER if is_run else RUN_UNTIL_COMPLETE_HELPER
        call = ast.Call(ast.Name(helper, ast.Load()), node.args, node.keywords)
        return ast.copy_location(ast.Await(call), node)


def _run_names(tree: ast.Module) -> set[str]:
    """Names bound to `asyncio.run` by `from asyncio import run [as name]`."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "asyncio"
        for alias in node.names
        if alias.name == "run"
    }


def prepare(source: str, filename: str) -> tuple[types.CodeType, int]:
    """Compile `source` with module-level `asyncio.run` turned into an await.

    Returns the code object and how many calls were rewritten. Raises `SyntaxError` pointing
    at the reader's line.
    """
    tree = ast.parse(source, filename)
    transformer = _AsyncioRunToAwait(_run_names(tree))
    tree = ast.fix_missing_locations(transformer.visit(tree))
    code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                   dont_inherit=True)
    return code, transformer.rewritten


async def _run(main, *, debug=None, loop_factory=None):
    """What `asyncio.run(main)` does, on the loop that is already running."""
    if not inspect.iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    before = asyncio.all_tasks()
    try:
        return await main
    finally:
        await _cancel_tasks_since(before)


async def _run_until_complete(future):
    """What `loop.run_until_complete(future)` does, on the loop that is already running."""
    return await asyncio.ensure_future(future)


class _SharedLoop:
    """The running loop, standing in for `asyncio.new_event_loop()` in module-level code: a
    page has one event loop, which the program already runs on, so closing it does nothing."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def __getattr__(self, name: str):
        return getattr(self._loop, name)

    def close(self) -> None:
        pass

    def is_closed(self) -> bool:
        return False


def _new_event_loop() -> _SharedLoop:
    return _SharedLoop(asyncio.get_running_loop())


async def _cancel_tasks_since(before: set[asyncio.Task]) -> None:
    leftover = asyncio.all_tasks() - before - {asyncio.current_task()}
    for task in leftover:
        task.cancel()
    if leftover:
        await asyncio.gather(*leftover, return_exceptions=True)


def _user_frames_only(tb: types.TracebackType | None, filename: str):
    """The traceback `tb` with every frame not in the reader's file left out."""
    kept = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            kept.append(tb)
        tb = tb.tb_next
    result = None
    for frame in reversed(kept):
        result = types.TracebackType(result, frame.tb_frame, frame.tb_lasti, frame.tb_lineno)
    return result


def format_error(error: BaseException, filename: str) -> str:
    """A traceback that shows the reader's code only, like CPython would for their file."""
    seen = set()
    chained = error
    while chained is not None and id(chained) not in seen:
        seen.add(id(chained))
        chained.__traceback__ = _user_frames_only(chained.__traceback__, filename)
        chained = chained.__cause__ or chained.__context__
    return "".join(traceback.format_exception(error))


def hint_for(error: BaseException) -> str | None:
    """A key naming what the browser cannot do, when that is why `error` happened."""
    text = f"{type(error).__name__}: {error}"
    for fragment, hint in HINTS.items():
        if fragment in text:
            return hint
    return None


async def run(source: str, filename: str = "main.py") -> dict:
    """Run `source` as the program `filename` in a fresh namespace.

    Returns `{"ok": bool, "error": exception name or None, "hint": key or None}`; the
    traceback, if any, has been written to `sys.stderr`.
    """
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins,
                 RUN_HELPER: _run, RUN_UNTIL_COMPLETE_HELPER: _run_until_complete,
                 LOOP_HELPER: _new_event_loop}
    sys.argv = [filename]
    before = asyncio.all_tasks()
    try:
        code, _ = prepare(source, filename)
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            await result
    except SystemExit as exc:
        ok = exc.code in (None, 0)
        if not ok:
            print(exc.code if isinstance(exc.code, str) else f"exit status {exc.code}",
                  file=sys.stderr)
        return {"ok": ok, "error": None if ok else "SystemExit", "hint": None}
    except BaseException as exc:  # the reader's program may raise anything
        sys.stdout.flush()
        print(format_error(exc, filename), end="", file=sys.stderr)
        return {"ok": False, "error": type(exc).__name__, "hint": hint_for(exc)}
    finally:
        await _cancel_tasks_since(before)
        sys.stdout.flush()
        sys.stderr.flush()
    return {"ok": True, "error": None, "hint": None}
