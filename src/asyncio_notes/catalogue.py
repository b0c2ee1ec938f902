"""The catalogue of examples: every `snippets/<chapter>/<name>.py` and what belongs to it."""

from __future__ import annotations

import json
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

BROWSER_REASONS = frozenset({"threads", "jspi"})
"""Reasons an example may give for not running everywhere in the browser (each has a translated
notice): `threads` never runs under Pyodide; `jspi` blocks on an event loop
(`loop.run_until_complete`), which needs WebAssembly stack switching."""


@dataclass(frozen=True)
class Snippet:
    """One example program and the files recorded beside it.

    Attributes:
        name: Path below `snippets/` without the suffix, e.g. `"03_tasks/create_task"`.
        root: The `snippets/` folder it was found in.
        browser_reason: Why it cannot run under Pyodide (a key of `BROWSER_REASONS`), or `None`.
    """

    name: str
    root: Path = SNIPPETS_DIR
    browser_reason: str | None = None

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
            raise ValueError(f"{path}: {name}: unknown reason {reason!r}, use one of "
                             f"{sorted(BROWSER_REASONS)}")
        if not (root / f"{name}.py").exists():
            raise ValueError(f"{path}: {name}: no such snippet {name}.py")
    return notes


def find_snippets(root: Path = SNIPPETS_DIR) -> list[Snippet]:
    """Every example below `root`, sorted by name. Files starting with `_` are not examples."""
    notes = load_browser_notes(root)
    return [
        Snippet(name=path.relative_to(root).with_suffix("").as_posix(), root=root,
                browser_reason=notes.get(path.relative_to(root).with_suffix("").as_posix()))
        for path in sorted(root.glob("*/*.py"))
        if not path.name.startswith("_")
    ]
