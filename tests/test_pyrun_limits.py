"""What the runner (docs/assets/runner/pyrun.py) says about what a browser cannot do, tested
under CPython: its guards act only while a program runs, and its hints follow chained errors.
The browser tests (test_robustness.py) check the same in Pyodide."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import importlib.util
import io
import os
from pathlib import Path

import pytest

from asyncio_notes.catalogue import ROOT

spec = importlib.util.spec_from_file_location("pyrun_limits", ROOT / "docs/assets/runner/pyrun.py")
pyrun = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pyrun)
pyrun.install_guards()  # an audit hook for the rest of this process, idle outside runs


def run(source: str) -> tuple[dict, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        result = asyncio.run(pyrun.run(source, "example.py"))
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "source, hint",
    [
        ("import os\nos.system('true')\n", "processes"),
        ("import subprocess\nsubprocess.run(['true'])\n", "processes"),
        ("import socket\nsocket.create_connection(('127.0.0.1', 9))\n", "network"),
    ],
)
def test_processes_and_sockets_fail_with_a_reason(source: str, hint: str) -> None:
    result, _, err = run(source)
    assert result == {"ok": False, "error": "OSError", "hint": hint}
    assert "Python in the browser cannot" in err and 'File "example.py"' in err


def test_guards_are_idle_outside_runs() -> None:
    assert os.system("true") == 0


def test_files_written_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("with open('notes.txt', 'w') as f:\n    f.write('x')\n")[0]["hint"] == "files"
    assert run("with open('notes.txt') as f:\n    print(f.read())\n") == (
        {"ok": True, "error": None, "hint": None},
        "x\n",
        "",
    )


@pytest.mark.parametrize(
    "args, writes",
    [
        (("notes.txt", "w", 0), True),
        (("notes.txt", "a+", 0), True),
        (("notes.txt", "r", 0), False),
        (("notes.txt", None, os.O_WRONLY | os.O_CREAT), True),
        (("notes.txt", None, os.O_RDONLY), False),
        ((3, "w", 0), False),  # an open file descriptor
        (("/lib/__pycache__/m.cpython-314.pyc", "wb", 0), False),
    ],
)
def test_which_opens_count_as_writing(args: tuple, writes: bool) -> None:
    assert pyrun._writes(args) is writes


def test_hints_follow_chained_errors() -> None:
    try:
        try:
            raise OSError(errno.ENETUNREACH, pyrun.NO_SOCKETS)
        except OSError as exc:
            raise ValueError("<urlopen error>") from exc
    except ValueError as error:
        assert pyrun.hint_for(error) == "network"
    assert pyrun.hint_for(MemoryError()) == "memory"
    assert pyrun.hint_for(ValueError("nothing the browser lacks")) is None
