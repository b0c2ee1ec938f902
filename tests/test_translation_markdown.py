"""What the build adds for translations: the status table and the notice, in each language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asyncio_notes.translation_markdown import (
    NOTICE_CLASS,
    STATUS_MARKER,
    SiteLayout,
    add_translation_notice,
    fill_status,
    relative_url,
    status_table,
    translation_notice,
)
from asyncio_notes.translations import mark_synced, translation_status

LAYOUT = SiteLayout(default_language="en")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """tasks.md up to date, futures.md outdated, loop.md never synced, only.md missing."""
    docs = tmp_path / "docs"
    pages = {
        "en/tasks.md": "# Tasks\n\nText.\n",
        "ko/tasks.md": "# 태스크\n\n본문.\n",
        "en/futures.md": "# Futures\n\nText.\n",
        "ko/futures.md": "# 퓨처\n\n본문.\n",
        "en/loop.md": "# Event loop { #loop }\n",
        "ko/loop.md": "# 이벤트 루프\n",
        "en/only.md": "```text\n# not a title\n```\n\n# Only English\n",
    }
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    mark_synced(docs, "tasks.md")
    mark_synced(docs, "futures.md")
    (docs / "en/futures.md").write_text("# Futures\n\nChanged text.\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize(
    "page, language, url",
    [
        ("index.md", "en", ""),
        ("index.md", "ko", "ko/"),
        ("tasks.md", "en", "tasks/"),
        ("tasks.md", "ko", "ko/tasks/"),
        ("reference/tooling.md", "ko", "ko/reference/tooling/"),
        ("reference/index.md", "en", "reference/"),
    ],
)
def test_page_urls(page: str, language: str, url: str) -> None:
    assert LAYOUT.page_url(page, language) == url


def test_page_urls_when_only_korean_is_built() -> None:
    assert SiteLayout(default_language="ko").page_url("tasks.md", "ko") == "tasks/"


@pytest.mark.parametrize(
    "to_url, from_url, link",
    [
        ("tasks/", "ko/tasks/", "../../tasks/"),
        ("", "ko/translation-status/", "../../"),
        ("ko/tasks/", "ko/translation-status/", "../tasks/"),
        ("ko/", "ko/tasks/", "../"),
    ],
)
def test_relative_urls(to_url: str, from_url: str, link: str) -> None:
    assert relative_url(to_url, from_url) == link


def test_status_table_in_english(docs: Path) -> None:
    table = status_table(translation_status(docs), "en", "translation-status/", LAYOUT)
    lines = table.splitlines()
    assert lines[0] == "3 of 4 translations need work."
    assert lines[2] == "| Page | Translation | State | Source |"
    rows = {re.search(r">([^<]+)</a>", line)[1]: line for line in lines[4:]}
    assert rows["Tasks"] == (
        "| <a href='../tasks/'>Tasks</a> | Korean<br>`docs/ko/tasks.md` | up to date "
        "| <a href='../tasks/'>English</a><br>`docs/en/tasks.md` |"
    )
    assert "| **outdated** |" in rows["Futures"]
    assert "| **outdated (never marked as synced)** |" in rows["Event loop"]
    assert "| **missing** |" in rows["Only English"]


def test_status_table_in_korean_links_to_korean_pages(docs: Path) -> None:
    table = status_table(translation_status(docs), "ko", "ko/translation-status/", LAYOUT)
    assert table.startswith("번역 4개 중 3개에 손볼 곳이 있습니다.")
    assert (
        "| <a href='../tasks/'>태스크</a> | 한국어<br>`docs/ko/tasks.md` | 최신 "
        "| <a href='../../tasks/'>영어</a><br>`docs/en/tasks.md` |"
    ) in table
    assert (
        "| <a href='../futures/'>퓨처</a> | 한국어<br>`docs/ko/futures.md` | **갱신 필요** |"
        in table
    )
    # A missing translation links to the page in its source language.
    assert (
        "| <a href='../../only/'>Only English</a> | 한국어<br>`docs/ko/only.md` | **번역 없음** |"
        in table
    )


def test_status_table_links_files_when_the_repository_is_known(docs: Path) -> None:
    layout = SiteLayout("en", file_base="https://example.org/repo/edit/main/docs/")
    table = status_table(translation_status(docs), "en", "translation-status/", layout)
    assert "[`docs/ko/tasks.md`](https://example.org/repo/edit/main/docs/ko/tasks.md)" in table


def test_fill_status_replaces_only_the_marker(docs: Path) -> None:
    translations = translation_status(docs)
    page = f"# Status\n\n{STATUS_MARKER}\n\nAfter.\n"
    filled = fill_status(page, translations, "en", "translation-status/", LAYOUT)
    assert STATUS_MARKER not in filled and "| Page |" in filled and filled.endswith("After.\n")
    assert fill_status("# Other\n", translations, "en", "other/", LAYOUT) == "# Other\n"


def test_no_notice_on_an_up_to_date_page_or_a_source_page(docs: Path) -> None:
    translations = translation_status(docs)
    assert translation_notice(translations, "tasks.md", "ko", "ko", "ko/tasks/", LAYOUT) is None
    assert translation_notice(translations, "futures.md", "en", "en", "futures/", LAYOUT) is None


def test_notice_on_an_outdated_page_is_in_its_language_and_links_to_the_source(docs: Path) -> None:
    notice = translation_notice(
        translation_status(docs), "futures.md", "ko", "ko", "ko/futures/", LAYOUT
    )
    assert notice.startswith(f'!!! warning {NOTICE_CLASS} "번역이 최신이 아닙니다"')
    assert "<a href='../../futures/'>영어 원문</a>" in notice
    assert "<a href='../translation-status/'>번역 현황</a>" in notice


def test_notice_on_a_never_synced_page(docs: Path) -> None:
    notice = translation_notice(translation_status(docs), "loop.md", "ko", "ko", "ko/loop/", LAYOUT)
    assert "기록하지 않아서" in notice and "<a href='../../loop/'>영어 원문</a>" in notice


def test_notice_on_a_missing_page_shown_in_the_source_language(docs: Path) -> None:
    notice = translation_notice(translation_status(docs), "only.md", "ko", "en", "ko/only/", LAYOUT)
    assert '"아직 번역되지 않았습니다"' in notice
    assert "한국어로 번역되지 않아서 <a href='../../only/'>영어 원문</a>" in notice
    assert "<a href='../contributing/'>기여 안내</a>" in notice


def test_notice_goes_under_the_title() -> None:
    notice = '!!! warning translation-notice "T"\n\n    Body.\n'
    page = "\n# Title\n\nFirst paragraph.\n"
    expected = "\n# Title\n\n" + notice + "\n\nFirst paragraph.\n"
    assert add_translation_notice(page, notice) == expected
    assert add_translation_notice("Text first.\n", notice) == notice + "\nText first.\n"
    assert add_translation_notice(page, None) == page
