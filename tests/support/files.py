"""The built site's and the examples' files, as the tests read them."""

from __future__ import annotations

from pathlib import Path

from pytest_examples import CodeExample

from asyncio_notes.i18n import LANGUAGES


def html_path(site: Path, language: str, page: str) -> Path:
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    stem = page.removesuffix(".md")
    route = "" if stem == "index" else f"{stem.removesuffix('/index')}/"
    return site / f"{prefix}{route}index.html"


class WholeProgram(CodeExample):
    """A snippet file is a whole program, not an example inside a docstring: keep the two
    blank lines between top-level definitions that pytest-examples removes in `.py` files."""

    def in_py_file(self) -> bool:
        return False
