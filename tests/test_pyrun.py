"""The runner's Python side (docs/assets/runner/pyrun.py), tested under CPython."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import io
from concurrent.futures import ThreadPoolExecutor

import pytest

from asyncio_notes.catalogue import ROOT

spec = importlib.util.spec_from_file_location("pyrun", ROOT / "docs/assets/runner/pyrun.py")
pyrun = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pyrun)


def run(source: str) -> tuple[dict, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        # A thread of its own: Playwright's sync API keeps an event loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            result = pool.submit(asyncio.run, pyrun.run(source, "example.py")).result()
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "source, rewritten",
    [
        ("import asyncio\nasync def m(): pass\nasyncio.run(m())\n", 1),
        (
            "import asyncio\nasync def m(): pass\nif __name__ == '__main__':\n    asyncio.run(m())\n",
            1,
        ),
        ("from asyncio import run as go\nasync def m(): pass\nx = go(m())\n", 1),
        ("import asyncio\ndef f():\n    asyncio.run(m())\n", 0),
        ("import asyncio\nloop = asyncio.new_event_loop()\nloop.run_until_complete(m())\n", 2),
    ],
)
def test_module_level_asyncio_run_becomes_an_await(source: str, rewritten: int) -> None:
    assert pyrun.prepare(source, "example.py")[1] == rewritten


def test_main_guard_runs_and_returns_value() -> None:
    source = (
        "import asyncio\nasync def main():\n    await asyncio.sleep(0.01)\n    return 42\n"
        "if __name__ == '__main__':\n    print(asyncio.run(main()))\n"
    )
    assert run(source) == ({"ok": True, "error": None, "hint": None}, "42\n", "")


def test_old_style_event_loop_runs_on_the_running_loop() -> None:
    source = (
        "import asyncio\nasync def main():\n    await asyncio.sleep(0.01)\n    return 'done'\n"
        "loop = asyncio.new_event_loop()\ntry:\n    print(loop.run_until_complete(main()))\n"
        "finally:\n    loop.close()\n"
    )
    assert run(source) == ({"ok": True, "error": None, "hint": None}, "done\n", "")


def test_a_module_level_runner_runs_each_call_on_the_running_loop() -> None:
    result, out, err = run(
        "import asyncio\n"
        "async def work(n):\n    await asyncio.sleep(0)\n    return n\n"
        "async def forever():\n    await asyncio.Event().wait()\n"
        "with asyncio.Runner() as runner:\n"
        "    print(runner.run(work(1)))\n"
        "    left = runner.get_loop().create_task(forever())\n"
        "    print(runner.run(work(2)))\n"
        "print(left.cancelled())\n"
    )
    assert (result["ok"], out, err) == (True, "1\n2\nTrue\n", "")


def test_a_runner_closed_by_hand_and_one_imported_by_name() -> None:
    result, out, _ = run(
        "from asyncio import Runner as R, sleep\n"
        "async def work():\n    await sleep(0)\n    return 'done'\n"
        "runner = R()\nprint(runner.run(work()))\nrunner.close()\n"
    )
    assert (result["ok"], out) == (True, "done\n")


def test_run_forever_runs_until_stop() -> None:
    result, out, _ = run(
        "import asyncio\n"
        "loop = asyncio.new_event_loop()\n"
        "loop.call_soon(print, 'tick')\n"
        "loop.call_later(0.01, loop.stop)\n"
        "loop.run_forever()\n"
        "print('stopped')\n"
        "loop.stop()\n"  # stop() before run_forever(): one pass, as in CPython
        "loop.call_soon(print, 'once more')\n"
        "loop.run_forever()\n"
        "loop.close()\n"
    )
    assert (result["ok"], out) == (True, "tick\nstopped\nonce more\n")


def test_leftover_tasks_are_cancelled_like_asyncio_run() -> None:
    source = (
        "import asyncio\nasync def forever():\n    try:\n        await asyncio.sleep(60)\n"
        "    except asyncio.CancelledError:\n        print('cancelled')\n        raise\n"
        "async def main():\n    asyncio.create_task(forever())\n    await asyncio.sleep(0)\n"
        "asyncio.run(main())\nprint('after')\n"
    )
    assert run(source)[1] == "cancelled\nafter\n"


def test_leftover_async_generators_are_closed_like_asyncio_run() -> None:
    source = (
        "import asyncio\nkept = []\nasync def ticks():\n    try:\n        yield 1\n"
        "        yield 2\n    finally:\n        print('finally')\n"
        "async def main():\n    gen = ticks()\n    kept.append(gen)\n    await anext(gen)\n"
        "asyncio.run(main())\nprint('after')\n"
    )
    assert run(source)[1] == "finally\nafter\n"


def test_any_awaitable_runs_like_python_3_14s_asyncio_run() -> None:
    source = (
        "import asyncio\nasync def main():\n    return 7\n"
        "print(asyncio.run(asyncio.ensure_future(main())))\n"
    )
    assert run(source)[:2] == ({"ok": True, "error": None, "hint": None}, "7\n")
    assert "an awaitable is required" in run("import asyncio\nasyncio.run(42)\n")[2]


def test_a_task_factory_lasts_only_for_its_program() -> None:
    eager = (
        "import asyncio\nasync def main():\n"
        "    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)\n"
        "asyncio.run(main())\n"
    )
    check = (
        "import asyncio\nasync def main():\n"
        "    print(asyncio.get_running_loop().get_task_factory())\nasyncio.run(main())\n"
    )

    async def both():
        await pyrun.run(eager, "a.py")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            await pyrun.run(check, "b.py")
        return out.getvalue()

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, both()).result() == "None\n"


def test_debug_mode_is_refused_with_a_hint() -> None:
    result, _, err = run(
        "import asyncio\nasync def main():\n    pass\nasyncio.run(main(), debug=True)\n"
    )
    assert result["hint"] == "debug" and "no debug mode" in err


def test_a_hint_is_found_inside_an_exception_group() -> None:
    group = ExceptionGroup(
        "unhandled errors in a TaskGroup", [ValueError("x"), OSError(pyrun.NO_SOCKETS)]
    )
    assert pyrun.hint_for(group) == "network"
    group.exceptions[0].__context__ = group  # a cycle through the group ends the search
    assert pyrun.hint_for(ExceptionGroup("g", [ValueError("y")])) is None
    assert pyrun.hint_for(group) == "network"


def test_each_run_has_a_fresh_namespace() -> None:
    run("secret = 1\n")
    result, _, err = run("print(secret)\n")
    assert result["error"] == "NameError" and "secret" in err


def test_traceback_shows_only_the_readers_code() -> None:
    result, _, err = run("def f():\n    1 / 0\n\nf()\n")
    assert result == {"ok": False, "error": "ZeroDivisionError", "hint": None}
    assert 'File "example.py", line 4' in err and 'File "example.py", line 2, in f' in err
    assert "pyrun" not in err and "asyncio" not in err


def test_syntax_error_points_at_the_readers_line() -> None:
    result, _, err = run("x = 1\nif x\n    pass\n")
    assert result["error"] == "SyntaxError"
    assert 'File "example.py", line 2' in err


def test_top_level_await_works() -> None:
    assert run("import asyncio\nawait asyncio.sleep(0)\nprint('ok')\n")[1] == "ok\n"


def test_exit_status() -> None:
    assert run("import sys\nsys.exit(0)\n")[0]["ok"]
    result, _, err = run("import sys\nsys.exit(3)\n")
    assert not result["ok"] and "exit status 3" in err


def test_hint_names_what_the_browser_cannot_do() -> None:
    assert pyrun.hint_for(RuntimeError("can't start new thread")) == "threads"
    assert pyrun.hint_for(RuntimeError("WebAssembly stack switching not supported")) == "jspi"
    assert pyrun.hint_for(ValueError("x")) is None


def test_a_program_run_again_is_not_compiled_again() -> None:
    source = "import asyncio\nasyncio.run(asyncio.sleep(0))\n"
    assert pyrun.prepare(source, "again.py") is pyrun.prepare(source, "again.py")
    assert pyrun.prepare(source, "other.py")[0].co_filename == "other.py"


@pytest.mark.parametrize(
    "source, needs",
    [
        ("import asyncio\nimport sys\n", False),
        ("from asyncio import sleep, gather\n", False),
        ("import asyncio.tasks\n", False),
        ("import xml.dom.minidom\n", True),  # no test imports it
        ("from asyncio import not_there\n", True),  # maybe a submodule: from the standard library
        ("from . import sibling\n", False),  # relative: not the standard library's
        ("def f(:\n", False),  # a syntax error: the run reports it
    ],
)
def test_needs_stdlib_names_programs_that_import_a_module_not_imported_yet(
    source: str, needs: bool
) -> None:
    assert pyrun.needs_stdlib(source) is needs


def test_checking_imports_compiles_the_program_for_its_run() -> None:
    source = "import asyncio\nprint('checked')\n"
    pyrun.needs_stdlib(source, "example.py")
    hits = pyrun.prepare.cache_info().hits
    assert run(source)[1] == "checked\n"
    assert pyrun.prepare.cache_info().hits == hits + 1  # parsed once, for both


def test_forget_stdlib_index_clears_what_zipimport_read(monkeypatch) -> None:
    import sys
    import zipimport

    monkeypatch.setattr(sys, "path", ["/lib/python314.zip", *sys.path])
    monkeypatch.setitem(sys.path_importer_cache, "/lib/python314.zip", object())
    monkeypatch.setitem(zipimport._zip_directory_cache, "/lib/python314.zip", {})
    assert pyrun.stdlib_zip() == "/lib/python314.zip"
    pyrun.forget_stdlib_index()
    assert "/lib/python314.zip" not in sys.path_importer_cache
    assert "/lib/python314.zip" not in zipimport._zip_directory_cache
