"""Every example runs with CPython, prints exactly its recorded output, and passes lint."""

from __future__ import annotations

import pytest
from pytest_examples import EvalExample

from asyncio_notes.catalogue import Snippet
from asyncio_notes.outputs import same_output
from asyncio_notes.pages import included_snippets
from conftest import DOCS, SNIPPETS, SnippetRun
from support.files import WholeProgram


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_output_matches_recording(snippet: Snippet, snippet_runs: dict[str, SnippetRun]) -> None:
    recorded = snippet.recorded_output
    assert recorded is not None, f"{snippet.output_path} is missing: run `make update-outputs`"
    run = snippet_runs[snippet.name]
    assert run.error is None, run.error
    actual = run.output
    assert same_output(recorded, actual), (
        f"{snippet.path} no longer prints {snippet.output_path.name}: "
        "fix the example, or, if the change is intended, record it again: "
        f"make check NAME={snippet.name} RECORD=1\n"
        f"recorded:\n{recorded}\nnow:\n{actual}"
    )


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_lint_and_format(snippet: Snippet, eval_example: EvalExample) -> None:
    example = WholeProgram.create(snippet.source, path=snippet.path)
    eval_example.set_config(line_length=88, quotes="double", target_version="py311", isort=True)
    if eval_example.update_examples:
        eval_example.format(example)
        return
    try:
        eval_example.lint(example)
    except pytest.fail.Exception as failure:
        pytest.fail(
            f"{snippet.path} is not written as the examples are (ruff's lint; black's format, "
            "line length 88). Fix it, or let the tests rewrite it: .venv/bin/pytest "
            f"tests/test_snippets.py --update-examples -k {snippet.path.stem}\n{failure}",
            pytrace=False,
        )


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_is_a_program(snippet: Snippet) -> None:
    # Every example is whole and runnable as `python file.py`, the way the page presents it.
    assert 'if __name__ == "__main__":' in snippet.source, f"{snippet.path}: no main guard"


def test_every_snippet_is_included_by_a_page() -> None:
    included = {name for page in DOCS.rglob("*.md") for name in included_snippets(page.read_text())}
    orphans = sorted(s.name for s in SNIPPETS if s.name not in included)
    assert not orphans, f"snippets that no page includes: {orphans}"


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) >= 1
