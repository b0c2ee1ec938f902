"""Shared fixtures: the snippet catalogue, the pages of each language, and the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from asyncio_notes.catalogue import ROOT, find_snippets
from asyncio_notes.i18n import LANGUAGES

DOCS = ROOT / "docs"
SNIPPETS = find_snippets()


def pages(language: str) -> list[str]:
    """Page paths (relative to `docs/<language>/`) of one language."""
    folder = DOCS / language
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


ALL_PAGES = sorted(set().union(*(pages(language) for language in LANGUAGES)))


def build_site(site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `site_dir`, as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test session with `--strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    done = build_site(site_dir)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stderr[-4000:]}", pytrace=False)
    return site_dir
