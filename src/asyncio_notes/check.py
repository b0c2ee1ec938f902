"""`make check NAME=03_tasks/create_task`: everything that judges one example, in seconds.

Runs, for that example only, the tests `make test` would: its output and its task timeline
against the recordings (with the Python it needs), lint and format, the run under Pyodide, and
the page checks (both languages include it in the same place). With `--record` (`RECORD=1`), it
records the example first, as `make update-outputs NAMES=...` does.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys

from asyncio_notes.catalogue import ROOT, Snippet, find_snippets
from asyncio_notes.i18n import LANGUAGES
from asyncio_notes.outputs import record_output
from asyncio_notes.pages import included_snippets

TESTS = (
    "tests/test_snippets.py",
    "tests/test_timeline.py",
    "tests/test_pyodide.py",
    "tests/test_pages.py",
)
"""The test files that judge an example; the conftest limits their examples to one."""

SLOW_AND_UNRELATED = "not recorder_under_pyodide"
"""Tests of those files that do not depend on the example (the recorder itself under Node)."""

ONE_EXAMPLE = "ASYNCIO_NOTES_EXAMPLE"
"""The environment variable that tells the tests' conftest which example to keep."""


def pages_including(name: str) -> dict[str, list[str]]:
    """`{language: [page, ...]}`: the pages of each language that include the example `name`."""
    found: dict[str, list[str]] = {}
    for language in LANGUAGES:
        folder = ROOT / "docs" / language
        for page in sorted(folder.rglob("*.md")):
            if name in included_snippets(page.read_text(encoding="utf-8")):
                found.setdefault(language, []).append(page.relative_to(folder).as_posix())
    return found


def unknown_example(name: str, snippets: list[Snippet]) -> str:
    """What to say about a name that is no example: the closest ones, or how names look."""
    close = difflib.get_close_matches(name, [s.name for s in snippets], n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "names look like 03_tasks/create_task"
    return f"no example {name!r} in snippets/: {hint}"


def main(argv: list[str] | None = None) -> int:
    """Command line: check one example (`--record`: record it first)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the example, e.g. 03_tasks/create_task")
    parser.add_argument("--record", action="store_true", help="record its output first")
    args = parser.parse_args(argv)
    name = args.name.removeprefix("snippets/").removesuffix(".py")
    snippets = find_snippets()
    snippet = next((s for s in snippets if s.name == name), None)
    if snippet is None:
        print(unknown_example(name, snippets), file=sys.stderr)
        return 2
    if args.record:
        changed = record_output(snippet)
        print(f"{'recorded' if changed else 'unchanged'}: {snippet.output_path.relative_to(ROOT)}")
    pages = pages_including(name)
    for language in LANGUAGES:
        where = ", ".join(pages.get(language, [])) or "no page yet: include it (contributing.md)"
        print(f"{language}: {where}")
    env = {**os.environ, ONE_EXAMPLE: name}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        *TESTS,
        "-k",
        SLOW_AND_UNRELATED,
    ]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
