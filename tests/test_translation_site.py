"""The built site shows translation status, notices, the glossary and the tooling reference.

The last tests build a copy of the docs in which an English sentence changed: the Korean twin
must show as outdated in the command, on the status page and in its notice, and marking it as
re-synced must clear all three.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asyncio_notes.catalogue import ROOT
from asyncio_notes.glossary import load_glossary
from asyncio_notes.i18n import LANGUAGES, text
from asyncio_notes.translation_commands import translations_main
from asyncio_notes.translation_markdown import NOTICE_CLASS
from asyncio_notes.translations import mark_synced, translation_status
from conftest import DOCS, pages
from support.files import html_path
from support.lanes import BACKGROUND

pytestmark = [pytest.mark.slow, BACKGROUND]

SOURCE, TRANSLATION = LANGUAGES


def status_rows(site: Path, language: str) -> dict[str, str]:
    """The status page's table rows in `language`, by the page file they are about."""
    html = html_path(site, language, "translation-status.md").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)
    found = {}
    for row in rows[1:]:
        match = re.search(rf"docs/{SOURCE}/([\w/.-]+\.md)", row)
        assert match, row
        found[match[1]] = row
    return found


def links_resolve(site: Path, page_file: Path, html: str) -> list[str]:
    """The relative links in `html` (a fragment of `page_file`) that lead nowhere."""
    broken = []
    for href in re.findall(r'href="([^"#:]+)"', html):
        target = Path(posixpath.normpath(posixpath.join(page_file.parent.as_posix(), href)))
        if not (target / "index.html").exists() and not target.is_file():
            broken.append(href)
    return broken


def notice(site: Path, language: str, page: str) -> str | None:
    """The translation notice on a built page, or `None`."""
    html = html_path(site, language, page).read_text(encoding="utf-8")
    match = re.search(
        rf'<div class="admonition warning {NOTICE_CLASS}">(.*?)</div>', html, re.DOTALL
    )
    return None if match is None else match[1]


# The real site ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_lists_every_translation_with_its_state(
    built_site: Path, language: str
) -> None:
    rows = status_rows(built_site, language)
    translations = translation_status(DOCS)
    assert sorted(rows) == sorted(t.page for t in translations)
    for item in translations:
        key = "untracked" if item.never_synced else item.state.name.lower()
        assert text(language, f"status_{key}") in rows[item.page], item.page
        assert f"docs/{item.language}/{item.page}" in rows[item.page]
    page_file = html_path(built_site, language, "translation-status.md")
    assert not links_resolve(built_site, page_file, "".join(rows.values()))


@pytest.mark.parametrize("page", pages(TRANSLATION))
def test_a_korean_page_has_a_notice_exactly_when_it_needs_work(built_site: Path, page: str) -> None:
    (item,) = [t for t in translation_status(DOCS) if t.page == page]
    found = notice(built_site, TRANSLATION, page)
    assert (found is not None) == item.needs_work, (page, item.state)
    assert notice(built_site, SOURCE, page) is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_page_lists_every_term(built_site: Path, language: str) -> None:
    html = html_path(built_site, language, "glossary.md").read_text(encoding="utf-8")
    for term in load_glossary():
        assert f"<strong>{term.korean}</strong>" in html, term.english
        for variant in term.avoid:
            assert f"<del>{variant}</del>" in html, variant
    assert "<!-- glossary -->" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_tooling_reference_renders_the_docstrings(built_site: Path, language: str) -> None:
    html = html_path(built_site, language, "reference/tooling.md").read_text(encoding="utf-8")
    for anchor in (
        "asyncio_notes.hooks.on_page_markdown",
        "asyncio_notes.translations.translation_status",
        "asyncio_notes.glossary.glossary_violations",
        "asyncio_notes.catalogue.Snippet",
    ):
        assert f'id="{anchor}"' in html, anchor
    assert "Every translation of every page under" in html


# A changed copy of the docs ─────────────────────────────────────────────────────────────────


def first_sentence_line(markdown: str) -> str:
    """The first line of prose below the title of a page."""
    for line in markdown.splitlines()[1:]:
        if line.strip() and line[0].isalpha():
            return line
    raise AssertionError("no prose line")


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A committed copy of the docs, then: a sentence of the English tasks page changed; the
    English futures page changed and its Korean twin marked as re-synced; the Korean
    references page deleted. Built with the site's own configuration."""
    root = tmp_path_factory.mktemp("changed")
    docs = root / "docs"
    shutil.copytree(DOCS, docs)
    for page in ("tasks.md", "futures.md"):
        mark_synced(docs, page)  # start from up-to-date twins, whatever the real pages' state
    git = [
        "git",
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.com",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "docs"], cwd=root, check=True)

    tasks = docs / SOURCE / "tasks.md"
    old = first_sentence_line(tasks.read_text(encoding="utf-8"))
    new = "This sentence was changed after the Korean page was translated."
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    futures = docs / SOURCE / "futures.md"
    futures.write_text(
        futures.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8"
    )
    mark_synced(docs, "futures.md")
    (docs / TRANSLATION / "references.md").unlink()

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for before, after in [
        ("docs_dir: docs\n", f"docs_dir: {docs}\n"),
        ("  - src/asyncio_notes/hooks.py\n", f"  - {ROOT}/src/asyncio_notes/hooks.py\n"),
        ("paths: [src]\n", f"paths: [{ROOT}/src]\n"),
    ]:
        assert before in config, f"mkdocs.yml no longer has {before!r}: update this test"
        config = config.replace(before, after)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = root / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(root / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"},
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return {"docs": docs, "site": site, "old": old, "new": new}


def test_changed_page_is_outdated_in_the_command(
    changed: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    translations_main([], docs_dir=changed["docs"])
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line.endswith(".md")}
    assert "  outdated  " in rows["tasks.md"]
    assert "  up to date  " in rows["futures.md"]
    assert "  missing  " in rows["references.md"]
    assert f"-{changed['old']}\n" in out and f"+{changed['new']}\n" in out


@pytest.mark.parametrize("language", LANGUAGES)
def test_changed_page_is_outdated_on_the_status_page(changed: dict, language: str) -> None:
    rows = status_rows(changed["site"], language)
    assert text(language, "status_outdated") in rows["tasks.md"]
    assert text(language, "status_up_to_date") in rows["futures.md"]
    assert text(language, "status_missing") in rows["references.md"]


def test_changed_page_shows_the_notice(changed: dict) -> None:
    found = notice(changed["site"], TRANSLATION, "tasks.md")
    assert found is not None and text(TRANSLATION, "translation_outdated_title") in found
    assert "href='../../tasks/'" in found  # the English page
    assert notice(changed["site"], TRANSLATION, "futures.md") is None  # re-synced
    assert notice(changed["site"], SOURCE, "tasks.md") is None


def test_missing_page_falls_back_to_the_source_with_a_notice(changed: dict) -> None:
    html = html_path(changed["site"], TRANSLATION, "references.md").read_text(encoding="utf-8")
    english = (changed["docs"] / SOURCE / "references.md").read_text(encoding="utf-8")
    title = english.splitlines()[0].removeprefix("# ")
    assert "<h1" in html and title in html  # the English page ...
    assert '<html lang="ko"' in html  # ... in the Korean tree ...
    found = notice(changed["site"], TRANSLATION, "references.md")
    assert found is not None and text(TRANSLATION, "translation_missing_title") in found
    assert "href='../../references/'" in found  # ... linking to the English page


def test_preview_of_one_language(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PREVIEW_LANGUAGE": TRANSLATION},
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert '<html lang="ko"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "assets" / "runner" / "mount.js").is_file()
    assert not (tmp_path / "ko").exists()
