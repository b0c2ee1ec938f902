"""The exercises: `snippets/<chapter>/exercises/<name>/` and judging an answer with CPython.

Each exercise is a folder of three files: `starter.py` (what the reader's editor opens with),
`solution.py` (one answer) and `check.py` (the checks, see `docs/assets/runner/judge.py`). The
pages place an exercise with a `/// exercise | <chapter>/<name>` block (`asyncio_notes.practice`).
The browser judges with the same `judge.py`, under Pyodide, on its live timeline recorder.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from asyncio_notes.catalogue import ROOT, SNIPPETS_DIR
from asyncio_notes.i18n import LANGUAGES

JUDGE = ROOT / "docs" / "assets" / "runner" / "judge.py"
"""The judge, shared with the browser's worker."""

FILES = ("starter", "solution", "check")
"""What an exercise's folder holds, each `<name>.py`."""

RUN_TIMEOUT = 30
"""Seconds a program may run under CPython before it is judged as stopped."""


@dataclass(frozen=True)
class Exercise:
    """One exercise.

    Attributes:
        name: `"<chapter>/<name>"`, e.g. `"03_tasks/run_together"`: the `data-exercise` id.
        root: The `snippets/` folder it was found in.
    """

    name: str
    root: Path = SNIPPETS_DIR

    @property
    def folder(self) -> Path:
        """`snippets/<chapter>/exercises/<name>/`."""
        chapter, name = self.name.split("/")
        return self.root / chapter / "exercises" / name

    def path(self, which: str) -> Path:
        """The file `which` (`"starter"`, `"solution"`, `"check"`)."""
        return self.folder / f"{which}.py"

    def source(self, which: str) -> str:
        """The text of the file `which`."""
        return self.path(which).read_text(encoding="utf-8")

    def include(self, which: str) -> str:
        """The file as pymdownx.snippets includes it (relative to `snippets/`)."""
        return self.path(which).relative_to(self.root).as_posix()

    @property
    def starter_fails_with(self) -> str:
        """Words the starter's verdict must contain (`STARTER_FAILS_WITH` in check.py)."""
        return load_check(self.source("check")).get("STARTER_FAILS_WITH", "")

    def __str__(self) -> str:
        return self.name


def find_exercises(root: Path = SNIPPETS_DIR) -> list[Exercise]:
    """Every exercise below `root`, sorted by name; a folder missing a file is an error."""
    found = []
    for folder in sorted(root.glob("*/exercises/*/")):
        missing = [f"{which}.py" for which in FILES if not (folder / f"{which}.py").exists()]
        if missing:
            raise FileNotFoundError(f"{folder.relative_to(ROOT)} lacks {', '.join(missing)}")
        found.append(Exercise(f"{folder.parent.parent.name}/{folder.name}", root))
    return found


@cache
def load_judge() -> ModuleType:
    """`docs/assets/runner/judge.py`, loaded from the file the browser's worker fetches."""
    spec = importlib.util.spec_from_file_location("asyncio_notes_judge", JUDGE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_check(source: str) -> dict:
    """The check file's names, compiled as the judge compiles it."""
    return load_judge()._load_check(source)


def run_with_cpython(code: str, python: str = sys.executable) -> tuple[dict, str, str, dict | None]:
    """Run `code` as a program, with its event loops recorded (`asyncio_notes.record`).

    Returns the runner-style result (`{"ok", "error"}`, the exception's name from the last line
    of the traceback), stdout, stderr and the timeline's data (None without tasks)."""
    with tempfile.TemporaryDirectory() as folder:
        program, timeline = Path(folder, "main.py"), Path(folder, "timeline.json")
        program.write_text(code, encoding="utf-8")
        try:
            done = subprocess.run(
                [python, "-m", "asyncio_notes.record", str(program), str(timeline)],
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                cwd=folder,
            )
        except subprocess.TimeoutExpired:
            return {"ok": False, "error": "stopped"}, "", "", None
        error = None
        if done.returncode != 0:
            last = done.stderr.strip().splitlines()[-1:] or ["Error"]
            error = last[0].split(":")[0].strip()
        recorded = timeline.read_text(encoding="utf-8") if timeline.exists() else ""
        data = json.loads(recorded) if recorded else None
        return {"ok": done.returncode == 0, "error": error}, done.stdout, done.stderr, data


def verdicts_with_cpython(exercise: Exercise, code: str) -> dict[str, dict]:
    """The verdicts the browser would give `code` in each language, judged on one CPython run."""
    result, stdout, _, data = run_with_cpython(code)
    check = exercise.source("check")
    return {lang: load_judge().judge(check, code, stdout, result, data, lang) for lang in LANGUAGES}


def judge_with_cpython(exercise: Exercise, code: str, lang: str = "en") -> dict:
    """The verdict the browser would give `code` in `lang`, judged on a CPython run."""
    return verdicts_with_cpython(exercise, code)[lang]
