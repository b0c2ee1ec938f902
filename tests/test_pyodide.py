"""Every example runs under the pinned Pyodide (in Node, which has no JSPI) through the site's
runner module and prints exactly its recorded output, or fails the way its notice says."""

from __future__ import annotations

import json

import pytest

from asyncio_notes.catalogue import Snippet
from asyncio_notes.outputs import same_output
from conftest import SNIPPETS
from support.node import run_node, shares

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def pyodide_results() -> dict[str, dict]:
    """Every snippet run under Pyodide: a few Node programs, each starting Pyodide once and running
    its share of the snippets one after another."""
    printed = run_node(
        "tests/pyodide/run_snippets.mjs",
        [[str(s.path) for s in share] for share in shares(SNIPPETS)],
    )
    lines = [line for out in printed for line in out.splitlines()]
    return {result["file"]: result for result in map(json.loads, lines)}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_under_pyodide(snippet: Snippet, pyodide_results: dict[str, dict]) -> None:
    result = pyodide_results[str(snippet.path)]
    if snippet.browser_reason is None:
        assert result["stderr"] == "", f"{snippet.path} under Pyodide:\n{result['stderr']}"
        assert result["ok"]
        assert same_output(snippet.recorded_output, result["stdout"]), (
            f"{snippet.path} prints something else under Pyodide than with CPython:\n"
            f"{result['stdout']}"
        )
    else:
        # Marked examples must fail here, with the hint the page explains (Node has no JSPI).
        assert not result["ok"], f"{snippet.path} is marked {snippet.browser_reason} but runs"
        assert result.get("hint") == snippet.browser_reason, result["stderr"]
