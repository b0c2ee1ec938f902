"""The tooling reference is complete: it shows every module, and all it shows is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from asyncio_notes.catalogue import ROOT
from asyncio_notes.i18n import LANGUAGES
from conftest import DOCS

PACKAGE = ROOT / "src" / "asyncio_notes"
MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
REFERENCE = "reference/tooling.md"


def undocumented(source: str) -> list[str]:
    """Public functions, classes and methods without a docstring (what mkdocstrings shows:
    module and class members whose names do not start with `_`)."""
    tree = ast.parse(source)
    missing = [] if ast.get_docstring(tree) else ["(module)"]
    definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    for node in tree.body:
        if not isinstance(node, definitions) or node.name.startswith("_"):
            continue
        if not ast.get_docstring(node):
            missing.append(node.name)
        if isinstance(node, ast.ClassDef):
            missing += [
                f"{node.name}.{member.name}"
                for member in node.body
                if isinstance(member, definitions)
                and not member.name.startswith("_")
                and not ast.get_docstring(member)
            ]
    return missing


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_everything_public_has_a_docstring(module: Path) -> None:
    missing = undocumented(module.read_text(encoding="utf-8"))
    assert not missing, (
        f"src/asyncio_notes/{module.name}: give these a docstring (Google style), the tooling "
        f"reference shows them: {missing}"
    )


def test_undocumented_finds_what_is_missing() -> None:
    source = (
        '"""Module."""\ndef f(): pass\ndef _g(): pass\n'
        'class C:\n    """C."""\n    def m(self): pass\n'
    )
    assert undocumented(source) == ["f", "C.m"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_reference_shows_every_module(language: str) -> None:
    page = (DOCS / language / REFERENCE).read_text(encoding="utf-8")
    shown = re.findall(r"^::: asyncio_notes\.(\w+)$", page, re.MULTILINE)
    missing = sorted({p.stem for p in MODULES} - set(shown))
    assert sorted(shown) == sorted(p.stem for p in MODULES), (
        f"docs/{language}/{REFERENCE} must show every module of src/asyncio_notes/ once; "
        f"add a '::: asyncio_notes.<module>' line for {missing}"
    )
