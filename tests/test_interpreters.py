"""Examples about newer Pythons: `snippets/python.toml`, the interpreter that records each, and
the page naming which Python printed an output."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest

from asyncio_notes.catalogue import find_snippets, load_python_notes
from asyncio_notes.interpreters import MissingInterpreterError, interpreter_for, pyodide
from asyncio_notes.outputs import record_output
from asyncio_notes.pages import wrap_examples

NEWER_ONLY = """\
import asyncio


async def main():
    # asyncio.graph is new in Python 3.14.
    import asyncio.graph  # noqa: F401

    await asyncio.create_task(asyncio.sleep(0.01), name="nap")
    print("3.14 features are here")


if __name__ == "__main__":
    asyncio.run(main())
"""


def test_no_requirement_means_the_projects_python() -> None:
    assert interpreter_for(None).command == (sys.executable,)
    assert interpreter_for(None).label == "CPython " + ".".join(platform.python_version_tuple()[:2])


def test_a_requirement_is_met_by_a_new_enough_python() -> None:
    for needs in ("3.11", "3.14"):
        found = interpreter_for(needs)
        assert tuple(map(int, found.version.split(".")[:2])) >= tuple(map(int, needs.split(".")))


def test_a_python_nobody_has_says_what_to_install() -> None:
    with pytest.raises(MissingInterpreterError, match=r"pyenv install 3\.99"):
        interpreter_for("3.99")


@pytest.mark.parametrize(
    "toml, message",
    [
        ('["x/y"]\npython = "3"\n', 'python = "3.13"'),
        ('["x/missing"]\npython = "3.13"\n', "no such snippet"),
    ],
)
def test_bad_python_notes_are_refused(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "y.py").write_text("print(1)\n")
    (tmp_path / "python.toml").write_text(toml)
    with pytest.raises(ValueError, match=message):
        load_python_notes(tmp_path)


@pytest.mark.pyodide
@pytest.mark.skipif(sys.version_info >= (3, 14), reason="this Python records it itself")
def test_an_example_for_a_newer_python_is_recorded_and_labelled(tmp_path: Path) -> None:
    if pyodide() is None:
        pytest.skip("no Node or no pinned Pyodide")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "graph.py").write_text(NEWER_ONLY)
    (tmp_path / "python.toml").write_text('["x/graph"]\npython = "3.14"\n')
    [snippet] = find_snippets(tmp_path)
    assert record_output(snippet)
    [snippet] = find_snippets(tmp_path)
    assert snippet.recorded_output == "3.14 features are here\n"
    assert snippet.recorded_with == interpreter_for("3.14").label
    names = [task["name"] for task in json.loads(snippet.timeline_path.read_text())["tasks"]]
    assert names == ["main()", "nap"]
    page = wrap_examples('```python\n--8<-- "x/graph.py"\n```\n', "en", {snippet.name: snippet})
    assert f'title="Output, recorded with {snippet.recorded_with}"' in page
    assert "출력: " + snippet.recorded_with in wrap_examples(
        '```python\n--8<-- "x/graph.py"\n```\n', "ko", {snippet.name: snippet}
    )
