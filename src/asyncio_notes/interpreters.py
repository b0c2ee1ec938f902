"""Which Python records an example: the project's CPython, or a newer one the example needs.

Most examples run on the oldest Python the site teaches (the `.venv`'s). An example about a newer
feature names the version it needs in `snippets/python.toml`; it is then recorded and tested
with a CPython of that version found on this machine (pyenv's `~/.pyenv/versions/X.Y.Z`, or
`pythonX.Y` on the PATH), or, for a version no CPython here has, with the pinned Pyodide under
Node, which is the Python the reader's browser runs.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from asyncio_notes.catalogue import ROOT

PYENV_VERSIONS = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
"""Where pyenv keeps the Pythons it built."""

PYODIDE_RECORDER = Path(__file__).with_name("pyodide_record.mjs")
"""Runs one example under the pinned Pyodide in Node, with the timeline recorder."""

PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"


def version_tuple(version: str) -> tuple[int, ...]:
    """`"3.13.0"` -> `(3, 13, 0)`; a suffix such as `rc1` is ignored."""
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


class MissingInterpreterError(RuntimeError):
    """No Python on this machine is new enough for an example."""


@dataclass(frozen=True)
class Interpreter:
    """A Python that runs examples.

    Attributes:
        version: Its full version, e.g. `"3.13.0"`.
        command: What runs it: the interpreter's path, or Node and the Pyodide recorder.
        pyodide: Whether it is Pyodide under Node rather than a CPython.
    """

    version: str
    command: tuple[str, ...]
    pyodide: bool = False

    @property
    def label(self) -> str:
        """What the page says printed an output: `"CPython 3.11"`, `"Pyodide (Python 3.14)"`."""
        minor = ".".join(self.version.split(".")[:2])
        return f"Pyodide (Python {minor})" if self.pyodide else f"CPython {minor}"


def _cpythons() -> list[Interpreter]:
    """Every CPython this machine offers, the project's own first."""
    found = [Interpreter(platform.python_version(), (sys.executable,))]
    if PYENV_VERSIONS.is_dir():
        for folder in sorted(PYENV_VERSIONS.iterdir(), key=lambda p: version_tuple(p.name)):
            python = folder / "bin" / "python"
            if re.fullmatch(r"\d+\.\d+\.\d+", folder.name) and python.exists():
                found.append(Interpreter(folder.name, (str(python),)))
    for minor in range(11, 20):
        path = shutil.which(f"python3.{minor}")
        if path:
            done = subprocess.run(
                [path, "-c", "import platform; print(platform.python_version())"],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode == 0:
                found.append(Interpreter(done.stdout.strip(), (path,)))
    return found


@cache
def pyodide() -> Interpreter | None:
    """The pinned Pyodide under Node, if `npm ci` has installed it."""
    lock = PYODIDE_PACKAGE / "pyodide-lock.json"
    if not lock.exists() or shutil.which("node") is None:
        return None
    version = json.loads(lock.read_text(encoding="utf-8"))["info"]["python"]
    return Interpreter(version, ("node", str(PYODIDE_RECORDER)), pyodide=True)


@cache
def interpreter_for(needs: str | None) -> Interpreter:
    """The Python that records an example needing Python `needs` (`None`: any).

    The project's own CPython when it is new enough; otherwise the oldest CPython here of at
    least that version; otherwise the pinned Pyodide, when it is.

    Raises:
        MissingInterpreterError: Nothing here is new enough; the message says what to install.
    """
    cpythons = _cpythons()
    if needs is None:
        return cpythons[0]
    wanted = version_tuple(needs)
    candidates = [c for c in cpythons if version_tuple(c.version)[:2] >= wanted]
    if candidates:
        own = cpythons[0]
        return own if own in candidates else min(candidates, key=lambda c: version_tuple(c.version))
    browser = pyodide()
    if browser is not None and version_tuple(browser.version)[:2] >= wanted:
        return browser
    raise MissingInterpreterError(
        f"no Python {needs} or newer here: install one (`pyenv install {needs}`, or a "
        f"`python{needs}` on the PATH), or run `npm ci` for the pinned Pyodide"
    )
