"""The catalogue of examples: every `snippets/<chapter>/<name>.py` and what belongs to it."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository's top folder."""

SNIPPETS_DIR = ROOT / "snippets"
"""Where every example lives, one runnable program per file."""

BROWSER_NOTES = "browser.toml"
"""File in `snippets/` that marks examples which cannot run under Pyodide, with the reason."""

BROWSER_REASONS = frozenset({"threads", "jspi", "network", "processes", "debug"})
"""Reasons an example may give for not running everywhere in the browser (each has a translated
notice): `threads`, `network` (sockets, servers), `processes` (subprocesses) and `debug`
(asyncio's debug mode) never run under Pyodide; `jspi` blocks on an event loop
(`loop.run_until_complete`), which needs WebAssembly stack switching. Each is also the
runner's hint for the error it causes (`pyrun.HINTS`)."""

PYTHON_NOTES = "python.toml"
"""File in `snippets/` naming the Python version an example needs, when newer than the project's."""

RECORDINGS = "recordings.toml"
"""File in `snippets/` that `make update-outputs` writes: which Python printed each recorded output."""


@dataclass(frozen=True)
class Snippet:
    """One example program and the files recorded beside it.

    Attributes:
        name: Path below `snippets/` without the suffix, e.g. `"03_tasks/create_task"`.
        root: The `snippets/` folder it was found in.
        browser_reason: Why it cannot run under Pyodide (a key of `BROWSER_REASONS`), or `None`.
        python: The Python version it needs (`"3.13"`), when newer than the project's; or `None`.
        recorded_with: Which Python printed its recorded output (`"CPython 3.11"`), or `None`.
    """

    name: str
    root: Path = SNIPPETS_DIR
    browser_reason: str | None = None
    python: str | None = None
    recorded_with: str | None = None

    @property
    def path(self) -> Path:
        """The program itself."""
        return self.root / f"{self.name}.py"

    @property
    def output_path(self) -> Path:
        """Its recorded standard output, written by `make update-outputs`, never by hand."""
        return self.root / f"{self.name}.out"

    @cached_property
    def source(self) -> str:
        """The program text."""
        return self.path.read_text(encoding="utf-8")

    @property
    def recorded_output(self) -> str | None:
        """The recorded output, or `None` when it was never recorded."""
        if not self.output_path.exists():
            return None
        return self.output_path.read_text(encoding="utf-8")

    @property
    def timeline_path(self) -> Path:
        """Its recorded task timeline (JSON, see docs/assets/timeline/recorder.py); only
        examples that run asyncio tasks have one."""
        return self.root / f"{self.name}.timeline.json"

    @property
    def recorded_timeline(self) -> dict | None:
        """The recorded timeline, or `None` for an example without tasks."""
        if not self.timeline_path.exists():
            return None
        return json.loads(self.timeline_path.read_text(encoding="utf-8"))

    @property
    def runs_in_browser(self) -> bool:
        """Whether the page offers to run it under Pyodide without a warning."""
        return self.browser_reason is None

    def __str__(self) -> str:
        return self.name


def load_browser_notes(root: Path = SNIPPETS_DIR) -> dict[str, str]:
    """Read `snippets/browser.toml`: `{snippet name: reason}` for examples Pyodide cannot run.

    Raises:
        ValueError: A reason is not one of `BROWSER_REASONS`, or a named snippet does not exist.
    """
    path = root / BROWSER_NOTES
    if not path.exists():
        return {}
    notes = {name: entry["reason"] for name, entry in tomllib.loads(path.read_text()).items()}
    for name, reason in notes.items():
        if reason not in BROWSER_REASONS:
            raise ValueError(
                f"{path}: {name}: unknown reason {reason!r}, use one of {sorted(BROWSER_REASONS)}"
            )
        if not (root / f"{name}.py").exists():
            raise ValueError(f"{path}: {name}: no such snippet {name}.py")
    return notes


PYTHON_VERSION = re.compile(r"3\.\d+")


def load_python_notes(root: Path = SNIPPETS_DIR) -> dict[str, str]:
    """Read `snippets/python.toml`: `{snippet name: "3.13"}` for examples that need a newer
    Python than the project's.

    Raises:
        ValueError: An entry has no `python = "3.X"`, or names a snippet that does not exist.
    """
    path = root / PYTHON_NOTES
    if not path.exists():
        return {}
    notes = {}
    for name, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
        version = str(entry.get("python", ""))
        if not PYTHON_VERSION.fullmatch(version):
            raise ValueError(f'{path}: {name}: write the version it needs as python = "3.13"')
        if not (root / f"{name}.py").exists():
            raise ValueError(f"{path}: {name}: no such snippet {name}.py")
        notes[name] = version
    return notes


def load_recordings(root: Path = SNIPPETS_DIR) -> dict[str, str]:
    """Read `snippets/recordings.toml`: `{snippet name: "CPython 3.11"}`."""
    path = root / RECORDINGS
    if not path.exists():
        return {}
    return dict(tomllib.loads(path.read_text(encoding="utf-8")))


def save_recordings(recordings: dict[str, str], root: Path = SNIPPETS_DIR) -> None:
    """Write `snippets/recordings.toml`, sorted, one line per example."""
    lines = ["# Which Python printed each recorded output (written by `make update-outputs`).\n"]
    lines += [f'"{name}" = "{label}"\n' for name, label in sorted(recordings.items())]
    (root / RECORDINGS).write_text("".join(lines), encoding="utf-8")


def find_snippets(root: Path = SNIPPETS_DIR) -> list[Snippet]:
    """Every example below `root`, sorted by name. Files starting with `_` are not examples."""
    browser, python, recordings = (
        load_browser_notes(root),
        load_python_notes(root),
        load_recordings(root),
    )
    names = [
        path.relative_to(root).with_suffix("").as_posix()
        for path in sorted(root.glob("*/*.py"))
        if not path.name.startswith("_")
    ]
    return [
        Snippet(
            name=name,
            root=root,
            browser_reason=browser.get(name),
            python=python.get(name),
            recorded_with=recordings.get(name),
        )
        for name in names
    ]
