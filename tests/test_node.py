"""The browser code's pure pieces, in Node's own test runner (`node --test`): milliseconds."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from asyncio_notes.catalogue import ROOT


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the README lists Node 20+", pytrace=False)
    files = sorted(str(path) for path in (ROOT / "tests" / "node").glob("*.test.mjs"))
    assert files, "no Node tests found"
    done = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
