"""Runs a reader's program inside Pyodide, the way `python file.py` would run it.

Loaded by the runner's Web Worker (and by the tests, in Node and in CPython). Each run gets a
fresh `__main__` namespace, so examples never see each other's variables.

Pyodide's own `asyncio.run` blocks on the event loop, which needs WebAssembly stack switching
(JSPI); Safari and older Firefox have none. A module-level `asyncio.run(main())` is therefore run
as `await main()` on the browser's event loop, which works everywhere, and the tasks the program
leaves behind are cancelled afterwards, as `asyncio.run` does. The other module-level ways to
run a loop are run the same way, since the page has one event loop and the program already runs
on it: `loop = asyncio.new_event_loop()` with `loop.run_until_complete(main())`, or with
`loop.run_forever()` until `loop.stop()`, and `with asyncio.Runner() as runner:` with
`runner.run(main())`. Inside a function they block on the loop, which needs JSPI; without it
they end with an error that says so.

What a browser cannot give a program (threads, processes, sockets, a keyboard) ends in an error
that says so, and the result names a hint the page explains in the reader's language. Files a
program writes live in Pyodide's memory only, and the result says that too.
"""

from __future__ import annotations

import ast
import asyncio
import builtins
import errno
import functools
import inspect
import io
import linecache
import os
import sys
import traceback
import types
import warnings
import zipimport

RUN_HELPER = "__asyncio_notes_run__"
RUN_UNTIL_COMPLETE_HELPER = "__asyncio_notes_run_until_complete__"
RUN_FOREVER_HELPER = "__asyncio_notes_run_forever__"
LOOP_HELPER = "__asyncio_notes_loop__"
RUNNER_HELPER = "__asyncio_notes_runner__"

NO_PROCESSES = "Python in the browser cannot start other programs or processes"
NO_SOCKETS = "Python in the browser cannot open network sockets"
NO_DEBUG_MODE = "the event loop of Python in the browser has no debug mode"
NO_INPUT = (
    "this browser cannot pause Python to wait for input (it lacks WebAssembly stack switching);"
    " put the value in the code instead"
)

HINTS = {
    # message fragment of the error -> hint key the page explains in the reader's language
    "can't start new thread": "threads",
    "stack switching not supported": "jspi",
    "WebAssembly stack switching not supported": "jspi",
    "Cannot stack switch": "jspi",
    NO_INPUT: "input",
    NO_PROCESSES: "processes",
    "does not support processes": "processes",
    "absence of OS process APIs": "processes",  # asyncio.create_subprocess_exec under Pyodide
    "_multiprocessing": "processes",
    "lacks multiprocessing": "processes",
    NO_SOCKETS: "network",
    NO_DEBUG_MODE: "debug",
    "raw socket access": "network",
    "MemoryError": "memory",
    "index-sized integer": "memory",  # a size past 2 GB: the browser's Python is 32-bit
}

PROCESS_EVENTS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.fork",
        "os.forkpty",
        "os.exec",
        "os.spawn",
        "os.posix_spawn",
        "os.startfile",
        "pty.spawn",
    }
)
"""Audit events of starting a process: Pyodide fails some with a bare errno, `os.system` even
returns -1 without an error, so each is stopped with a message that says why."""

SOCKET_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})
"""Audit events of reaching the network through a socket. Pyodide would turn a connection into a
WebSocket to whatever host is named and report success before anything is sent."""

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class _Run:
    """What the run in progress did that the page should explain (set by `run`)."""

    active = False
    filename = "main.py"
    wrote: set[str] = set()


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """`warnings.showwarning`, pointing into the reader's program as CPython's would, never at
    the runner's own files: a warning raised outside the program (a coroutine never awaited,
    found when the runner collects it) is put at the program's innermost line running, or
    shown with no place at all."""
    if _Run.active and filename != _Run.filename:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != _Run.filename:
            frame = frame.f_back
        filename, lineno = (_Run.filename, frame.f_lineno) if frame else (None, None)
        line = None
    stream = file if file is not None else sys.stderr
    if filename is None:
        stream.write(f"{category.__name__}: {message}\n")
    else:
        stream.write(warnings.formatwarning(message, category, filename, lineno, line))


def _audit(event: str, args: tuple) -> None:
    if not _Run.active:
        return
    if event in PROCESS_EVENTS or event.startswith(("os.exec", "os.spawn")):
        raise OSError(errno.ENOSYS, NO_PROCESSES)
    if event in SOCKET_EVENTS:
        raise OSError(errno.ENETUNREACH, NO_SOCKETS)
    if event == "open" and _writes(args):
        _Run.wrote.add(os.fsdecode(args[0]))


def _writes(args: tuple) -> bool:
    """Whether the audited `open(path, mode, flags)` may write a file of the program's own."""
    path, mode, flags = (tuple(args) + (None, None, None))[:3]
    if not isinstance(path, (str, bytes, os.PathLike)):
        return False  # an open file descriptor
    if "__pycache__" in os.fsdecode(path):
        return False
    if isinstance(mode, str):
        return any(char in mode for char in "wax+")
    return isinstance(flags, int) and bool(flags & WRITE_FLAGS)


_guards_installed = False


def install_guards() -> None:
    """Stop process and socket calls with a clear error, and note file writes, during runs.

    Audit hooks cannot be removed, so the worker installs this once; it acts only while `run`
    runs a program.
    """
    global _guards_installed
    if not _guards_installed:
        sys.addaudithook(_audit)
        warnings.showwarning = _show_warning
        _guard_blocking_loops()
        _guards_installed = True


NO_STACK_SWITCHING = (
    "WebAssembly stack switching not supported here, so loop.run_until_complete(), "
    "loop.run_forever() and Runner.run() (and asyncio.run() inside a function) cannot wait; "
    "call asyncio.run(main()) at the top level"
)


def _guard_blocking_loops() -> None:
    """Where Pyodide cannot block on its event loop, refuse before touching the loop.

    Pyodide's own attempt schedules the program's task first and fails after, which leaves the
    task behind on the page's one event loop: it then runs at a wrong moment and every later
    run hangs. (Module-level `asyncio.run` never gets here: `run` makes it an `await`.)
    """
    try:
        from pyodide.ffi import can_run_sync
        from pyodide.webloop import WebLoop
    except ImportError:  # CPython (the tests of this module)
        return
    blocking = WebLoop.run_until_complete

    def run_until_complete(self, future):
        if not can_run_sync():
            if asyncio.iscoroutine(future):
                future.close()  # never started: no "never awaited" warning either
            raise RuntimeError(NO_STACK_SWITCHING)
        return blocking(self, future)

    WebLoop.run_until_complete = run_until_complete
    # asyncio.Runner and new_event_loop() make a loop of their own, which cannot run inside the
    # page's running one: they get the page's loop instead, as module-level code does.
    asyncio.Runner = _PageRunner
    new_loop, set_loop = asyncio.new_event_loop, asyncio.set_event_loop

    def new_event_loop():
        if asyncio._get_running_loop() is None:
            return new_loop()
        return _new_event_loop()

    def set_event_loop(loop):
        set_loop(loop._loop if isinstance(loop, _SharedLoop) else loop)

    asyncio.new_event_loop, asyncio.set_event_loop = new_event_loop, set_event_loop
    # WebLoop.stop does nothing: on the page's loop, it ends what run_forever() waits for.
    WebLoop.stop = lambda self: _shared(self).stop()


def _block_on(coro, reader=None):
    """Wait for `coro` on the page's running loop from synchronous code: with stack switching
    (JSPI), as Pyodide's `run_until_complete` does; else refuse, with the reason. `reader` is
    the reader's own coroutine inside it, closed too when refused."""
    try:
        from pyodide.ffi import can_run_sync, run_sync
    except ImportError:  # CPython (the tests of this module): a loop runs this program
        can_run_sync = run_sync = None
    if can_run_sync is None or not can_run_sync():
        for never_started in (coro, reader):
            if inspect.iscoroutine(never_started):
                never_started.close()  # no "never awaited" warning either
        raise RuntimeError(NO_STACK_SWITCHING)
    return run_sync(coro)


class PageInput(io.TextIOBase):
    """`sys.stdin` of a program in the page: each line is typed by the reader into the output
    panel. `input()` reads through it, as CPython does when stdin is not a terminal.

    `ask` returns a JavaScript promise of the line, or of `None` at the end of input. Waiting
    for it in the middle of a program needs WebAssembly stack switching (JSPI); without it, a
    read ends in `EOFError` with a message that says why.
    """

    def __init__(self, ask) -> None:
        super().__init__()
        self._ask = ask
        self._ended = False

    @property
    def encoding(self) -> str:
        return "utf-8"

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> str:
        if self._ended:
            return ""
        from pyodide.ffi import can_run_sync, run_sync

        if not can_run_sync():
            raise EOFError(NO_INPUT)
        sys.stdout.flush()
        sys.stderr.flush()
        line = run_sync(self._ask())
        if line is None:
            self._ended = True
            return ""
        return str(line) + "\n"

    def read(self, size: int | None = -1) -> str:
        lines = []
        while line := self.readline():
            lines.append(line)
        return "".join(lines)


_page_input = None


def use_page_input(ask) -> None:
    """Read `sys.stdin` (and so `input()`) from the page through `ask` in every run."""
    global _page_input
    _page_input = ask


def needs_stdlib(source: str, filename: str = "main.py") -> bool:
    """Whether `source` imports a module that is not imported yet.

    A worker started from the memory snapshot has every module the examples import, and an
    empty standard library until the real one arrives: such a program waits for it. Reads the
    imports `prepare` found, so that the program is parsed once for both.
    """
    try:
        _, _, imports = prepare(source, filename)
    except SyntaxError:
        return False  # the run reports it
    for module, names in imports:
        if names is None:
            if module not in sys.modules:
                return True
            continue
        found = sys.modules.get(module)
        # A name the module does not hold yet may be a submodule, or imported on first use
        # (concurrent.futures.ThreadPoolExecutor): from the standard library either way.
        if found is None or any(name not in vars(found) for name in names):
            return True
    return False


def _imports(tree: ast.Module) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """What `tree` imports, anywhere: `(module, None)` for `import module`, `(module, names)`
    for `from module import names` (not relative imports: those are not the standard library)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, tuple(alias.name for alias in node.names)))
    return tuple(found)


def preload(names: list[str]) -> None:
    """Import `names`, which the memory snapshot holds imported: a plain start from the standard
    library's core does, so that `needs_stdlib` answers alike for both starts."""
    import importlib

    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # not in the core: a program that imports it waits for the full library


def stdlib_zip() -> str:
    """Where the import system reads the standard library from (Pyodide's zip)."""
    return next(path for path in sys.path if path.endswith(".zip"))


def forget_stdlib_index(*, invalidate: bool = False) -> None:
    """Forget what zipimport read from the standard library's zip.

    A snapshot start remembers the full zip's table of contents from when the snapshot was made;
    read against the empty zip the worker starts with, it fails with EOFError wherever a
    traceback looks up a standard-library line. Once the real zip is written, `invalidate` also
    clears the import system's caches (not before: that imports importlib.metadata, which the
    snapshot does not hold).
    """
    for path in [path for path in sys.path if path.endswith(".zip")]:
        sys.path_importer_cache.pop(path, None)
        zipimport._zip_directory_cache.pop(path, None)
    if invalidate:
        import importlib

        importlib.invalidate_caches()


class _AsyncioRunToAwait(ast.NodeTransformer):
    """Rewrites `asyncio.run(x)` and `<loop>.run_until_complete(x)` in module-level code (not
    inside functions) to awaits of helpers that do what they do, on the running loop."""

    def __init__(self, run_names: set[str], runner_names: set[str] = frozenset()) -> None:
        self.run_names = run_names
        self.runner_names = runner_names  # what `from asyncio import Runner [as name]` binds
        self.runners: set[str] = set()  # names bound to a module-level asyncio.Runner
        self.rewritten = 0

    def visit_FunctionDef(self, node: ast.AST) -> ast.AST:
        return node  # code in functions runs later, on its own terms

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    def is_runner(self, func: ast.AST) -> bool:
        """Whether `func` names `asyncio.Runner`."""
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "Runner"
            and isinstance(func.value, ast.Name)
            and func.value.id == "asyncio"
        ) or (isinstance(func, ast.Name) and func.id in self.runner_names)

    def visit_With(self, node: ast.With) -> ast.AST:
        """`with asyncio.Runner() as runner:` -> `async with`, on the page's running loop."""
        mixed = not all(
            isinstance(item.context_expr, ast.Call) and self.is_runner(item.context_expr.func)
            for item in node.items
        )
        runner = False
        for item in node.items:
            expr = item.context_expr
            if isinstance(expr, ast.Call) and self.is_runner(expr.func):
                runner = True
                if isinstance(item.optional_vars, ast.Name):
                    self.runners.add(item.optional_vars.id)
        self.generic_visit(node)
        if not runner or mixed:  # with a Runner beside other managers: a blocking one (JSPI)
            return node
        return ast.copy_location(
            ast.AsyncWith(node.items, node.body, getattr(node, "type_comment", None)), node
        )

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        if isinstance(node.value, ast.Call) and self.is_runner(node.value.func):
            self.runners.update(t.id for t in node.targets if isinstance(t, ast.Name))
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        is_run = (
            isinstance(func, ast.Attribute)
            and func.attr == "run"
            and isinstance(func.value, ast.Name)
            and func.value.id == "asyncio"
        ) or (isinstance(func, ast.Name) and func.id in self.run_names)
        is_run_until_complete = (
            isinstance(func, ast.Attribute) and func.attr == "run_until_complete"
        )
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self.runners
            and func.attr in ("run", "close")
        ):
            # runner.run(x) -> await runner.run_async(x); runner.close() -> await runner.aclose()
            self.rewritten += 1
            method = ast.Attribute(
                func.value,
                f"{'a' if func.attr == 'close' else ''}"
                f"{func.attr}{'_async' if func.attr == 'run' else ''}",
                ast.Load(),
            )
            call = ast.Call(method, node.args, node.keywords)
            return ast.copy_location(ast.Await(call), node)
        if self.is_runner(func):
            self.rewritten += 1
            call = ast.Call(ast.Name(RUNNER_HELPER, ast.Load()), node.args, node.keywords)
            return ast.copy_location(call, node)
        if isinstance(func, ast.Attribute) and func.attr == "run_forever" and not node.args:
            self.rewritten += 1
            call = ast.Call(ast.Name(RUN_FOREVER_HELPER, ast.Load()), [func.value], [])
            return ast.copy_location(ast.Await(call), node)
        is_new_loop = (
            isinstance(func, ast.Attribute)
            and func.attr == "new_event_loop"
            and isinstance(func.value, ast.Name)
            and func.value.id == "asyncio"
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


def _run_names(tree: ast.Module, name: str = "run") -> set[str]:
    """Names bound to `asyncio.<name>` by `from asyncio import <name> [as other]`."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "asyncio"
        for alias in node.names
        if alias.name == name
    }


@functools.lru_cache(maxsize=32)
def prepare(source: str, filename: str) -> tuple[types.CodeType, int, tuple]:
    """Compile `source` with module-level `asyncio.run` turned into an await.

    Cached: Run again, and the same program is not parsed and compiled again. Returns the code
    object, how many calls were rewritten and what the program imports (see `_imports`).
    Raises `SyntaxError` pointing at the reader's line.
    """
    tree = ast.parse(source, filename)
    imports = _imports(tree)
    transformer = _AsyncioRunToAwait(_run_names(tree), _run_names(tree, "Runner"))
    tree = ast.fix_missing_locations(transformer.visit(tree))
    code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    return code, transformer.rewritten, imports


async def _run(main, *, debug=None, loop_factory=None):
    """What `asyncio.run(main)` does, on the loop that is already running."""
    if debug:
        if inspect.iscoroutine(main):
            main.close()  # never to run: no "was never awaited" warning on top
        raise RuntimeError(f"asyncio.run(debug=True): {NO_DEBUG_MODE}; run this with CPython")
    if not inspect.iscoroutine(main):
        # Python 3.14's asyncio.run takes any awaitable, and refuses the rest with this error.
        if not inspect.isawaitable(main):
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    before = asyncio.all_tasks()
    asyncgens_before = _open_asyncgens()
    try:
        # In a task of its own, as asyncio.run runs it: current_task() is main's, and the
        # live timeline shows main as a lane, as in the recorded one.
        return await asyncio.ensure_future(main)
    finally:
        await _cancel_tasks_since(before)
        await _close_asyncgens_since(asyncgens_before)


def _match_cpython_create_task(loop: asyncio.AbstractEventLoop) -> None:
    """Give Pyodide's event loop CPython 3.14's `create_task`: Pyodide's (314.0.7) drops
    `eager_start`, and calls a task factory with the coroutine only, then names the task
    through a function that Python 3.13 removed."""
    cls = type(loop)
    if cls.__name__ != "WebLoop" or getattr(cls, "_asyncio_notes_create_task", False):
        return
    from pyodide.webloop import PyodideTask

    def create_task(self, coro, **kwargs):
        self._check_closed()
        if self._task_factory is None:
            task = PyodideTask(coro, loop=self, **kwargs)
            if task._source_traceback:
                del task._source_traceback[-1]
        else:
            task = self._task_factory(self, coro, **kwargs)
        # What WebLoop counts to know when the page's programs have finished.
        self._in_progress += 1
        task.add_done_callback(self._decrement_in_progress)
        return task

    cls.create_task = create_task
    cls._asyncio_notes_create_task = True


async def _run_until_complete(future):
    """What `loop.run_until_complete(future)` does, on the loop that is already running."""
    return await asyncio.ensure_future(future)


async def _run_forever(loop) -> None:
    """What module-level `loop.run_forever()` does: until `loop.stop()`, on the running loop."""
    if isinstance(loop, _SharedLoop):
        await loop.run_forever_async()
    elif loop is asyncio.get_running_loop():
        await _shared(loop).run_forever_async()
    else:
        loop.run_forever()


class _SharedLoop:
    """The running loop, standing in for `asyncio.new_event_loop()`: a page has one event loop,
    which the program already runs on, so closing it does nothing, and running it "forever"
    means until this stand-in's `stop()`."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._stopped: asyncio.Future | None = None
        self._stop_early = False  # stop() before run_forever(): it returns after one pass

    def __getattr__(self, name: str):
        return getattr(self._loop, name)

    async def run_forever_async(self) -> None:
        if self._stop_early:
            self._stop_early = False
            await asyncio.sleep(0)  # the callbacks already scheduled run once, as in CPython
            return
        self._stopped = self._loop.create_future()
        try:
            await self._stopped
        finally:
            self._stopped = None

    def run_forever(self) -> None:
        _block_on(self.run_forever_async())

    def run_until_complete(self, future):
        return _block_on(_run_until_complete(future), future)

    def stop(self) -> None:
        if self._stopped is None:
            self._stop_early = True
        elif not self._stopped.done():
            self._stopped.set_result(None)

    def close(self) -> None:
        pass

    def is_closed(self) -> bool:
        return False


class _PageRunner:
    """`asyncio.Runner` on the page's one event loop, which the program already runs on: each
    run is a task there, and closing cancels the tasks made since the runner opened (as
    `Runner.close` does with its own loop). Module-level `with asyncio.Runner() as runner:` and
    `runner.run(x)` become `async with` and `await runner.run_async(x)`; elsewhere `run` blocks
    on the loop (`_block_on`)."""

    def __init__(self, *, debug=None, loop_factory=None) -> None:
        if debug:
            raise RuntimeError(
                f"asyncio.Runner(debug=True): {NO_DEBUG_MODE}; run this with CPython"
            )
        self._before: set[asyncio.Task] | None = None
        self._asyncgens: set[int] = set()
        self._closed = False

    def _open(self) -> None:
        if self._closed:
            raise RuntimeError("Runner is closed")
        if self._before is None:
            self._before = asyncio.all_tasks()
            self._asyncgens = _open_asyncgens()

    def get_loop(self) -> _SharedLoop:
        self._open()
        return _new_event_loop()

    async def run_async(self, coro, *, context=None):
        self._open()
        if not inspect.isawaitable(coro):
            # As Python 3.14's Runner.run, which takes any awaitable.
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        if not inspect.iscoroutine(coro):
            coro = _run_until_complete(coro)
        return await asyncio.get_running_loop().create_task(coro, context=context)

    def run(self, coro, *, context=None):
        return _block_on(self.run_async(coro, context=context), coro)

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._before is not None:
            await _cancel_tasks_since(self._before)
            await _close_asyncgens_since(self._asyncgens)

    def close(self) -> None:
        if self._closed or self._before is None:  # never opened: nothing of its own to end
            self._closed = True
            return
        try:
            _block_on(self.aclose())
        except RuntimeError:  # cannot wait here: cancel, and let the tasks end on their own
            self._closed = True
            mine = {asyncio.current_task()}
            for task in asyncio.all_tasks() - (self._before or set()) - mine:
                task.cancel()

    def __enter__(self) -> _PageRunner:
        self._open()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    async def __aenter__(self) -> _PageRunner:
        self._open()
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.aclose()


def _shared(loop: asyncio.AbstractEventLoop) -> _SharedLoop:
    """The one stand-in of the page's `loop`, so that `stop()` reaches the `run_forever()`
    waiting on it however the program got hold of the loop."""
    stand_in = getattr(loop, "_asyncio_notes_shared", None)
    if stand_in is None:
        stand_in = loop._asyncio_notes_shared = _SharedLoop(loop)
    return stand_in


def _new_event_loop() -> _SharedLoop:
    return _shared(asyncio.get_running_loop())


def _open_asyncgens() -> set[int]:
    """The ids of the asynchronous generators the running loop tracks as open."""
    return {id(agen) for agen in getattr(asyncio.get_running_loop(), "_asyncgens", ())}


async def _close_asyncgens_since(before: set[int]) -> None:
    """What `loop.shutdown_asyncgens()` does at the end of `asyncio.run`, for the asynchronous
    generators the program left open: the page's loop goes on, so only the program's own."""
    tracked = getattr(asyncio.get_running_loop(), "_asyncgens", None)
    leftover = [agen for agen in list(tracked or ()) if id(agen) not in before]
    for agen in leftover:
        tracked.discard(agen)
    if leftover:
        await asyncio.gather(*(agen.aclose() for agen in leftover), return_exceptions=True)


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


def hint_for(error: BaseException, seen: set[int] | None = None) -> str | None:
    """A key naming what the browser cannot do, when that is why `error` (or an exception
    chained to it, or one in its group) happened."""
    seen = set() if seen is None else seen
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        text = f"{type(error).__name__}: {error}"
        for fragment, hint in HINTS.items():
            if fragment in text:
                return hint
        # A TaskGroup raises its tasks' errors together: the first that has a hint gives it.
        for inner in getattr(error, "exceptions", ()):
            hint = hint_for(inner, seen)
            if hint is not None:
                return hint
        error = error.__cause__ or error.__context__
    return None


async def run(source: str, filename: str = "main.py") -> dict:
    """Run `source` as the program `filename` in a fresh namespace.

    Returns `{"ok": bool, "error": exception name or None, "hint": key or None}`; the
    traceback, if any, has been written to `sys.stderr`. A run that went well but wrote files
    has the hint `"files"`: they last only as long as this Python.
    """
    result = await _run_program(source, filename)
    if result["hint"] is None and _Run.wrote:
        result["hint"] = "files"
    return result


async def _run_program(source: str, filename: str) -> dict:
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    namespace = {
        "__name__": "__main__",
        "__file__": filename,
        "__builtins__": builtins,
        RUN_HELPER: _run,
        RUN_UNTIL_COMPLETE_HELPER: _run_until_complete,
        RUN_FOREVER_HELPER: _run_forever,
        LOOP_HELPER: _new_event_loop,
        RUNNER_HELPER: _PageRunner,
    }
    sys.argv = [filename]
    if _page_input is not None:
        sys.stdin = PageInput(_page_input)  # fresh each run: a program may close or replace it
    before = asyncio.all_tasks()
    _Run.active, _Run.filename, _Run.wrote = True, filename, set()
    loop = asyncio.get_running_loop()
    _match_cpython_create_task(loop)
    # The page's loop outlives the program: a task factory it set (eager_task_factory, say)
    # would change the next program's tasks.
    factory = loop.get_task_factory()
    try:
        code, _, _ = prepare(source, filename)
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            await result
    except SystemExit as exc:
        ok = exc.code in (None, 0)
        if not ok:
            print(
                exc.code if isinstance(exc.code, str) else f"exit status {exc.code}",
                file=sys.stderr,
            )
        return {"ok": ok, "error": None if ok else "SystemExit", "hint": None}
    except BaseException as exc:  # the reader's program may raise anything
        sys.stdout.flush()
        print(format_error(exc, filename), end="", file=sys.stderr)
        return {"ok": False, "error": type(exc).__name__, "hint": hint_for(exc)}
    finally:
        await _cancel_tasks_since(before)
        loop.set_task_factory(factory)
        _Run.active = False
        sys.stdout.flush()
        sys.stderr.flush()
    return {"ok": True, "error": None, "hint": None}
