"""Every page exists in both languages, and the twins agree on examples and anchors."""

from __future__ import annotations

import markdown
import pytest

from asyncio_notes.i18n import LANGUAGES
from asyncio_notes.pages import (
    bare_code_blocks,
    focusable_code,
    heading_anchors,
    included_snippets,
    mark_row_headers,
)
from asyncio_notes.parity import admonitions, sequence_difference
from conftest import ALL_PAGES, DOCS

SOURCE, *TRANSLATIONS = LANGUAGES


def read(language: str, page: str) -> str:
    return (DOCS / language / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ALL_PAGES)
def test_page_exists_in_every_language(page: str) -> None:
    missing = [language for language in LANGUAGES if not (DOCS / language / page).exists()]
    assert not missing, f"docs/{{{','.join(missing)}}}/{page} is missing"


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_twins_include_the_same_snippets(page: str, language: str) -> None:
    source = included_snippets(read(SOURCE, page))
    translation = included_snippets(read(language, page))
    assert translation == source, (
        f"docs/{language}/{page} and docs/{SOURCE}/{page} include different examples: "
        f"{sequence_difference(source, translation)}"
    )


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_have_explicit_ids(page: str, language: str) -> None:
    missing = [text for text, anchor in heading_anchors(read(language, page)) if anchor is None]
    assert not missing, (
        f"docs/{language}/{page}: give these headings an id, e.g. '## Title {{ #title }}': {missing}"
    )


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_twins_share_heading_anchors(page: str, language: str) -> None:
    source = [anchor for _, anchor in heading_anchors(read(SOURCE, page))]
    translation = [anchor for _, anchor in heading_anchors(read(language, page))]
    assert translation == source, (
        f"docs/{language}/{page} and docs/{SOURCE}/{page} have different heading anchors: "
        f"{sequence_difference(source, translation)}"
    )


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_twins_have_the_same_admonitions(page: str, language: str) -> None:
    source, translation = admonitions(read(SOURCE, page)), admonitions(read(language, page))
    assert translation == source, (
        f"docs/{language}/{page} has {len(translation)} admonitions {translation}, "
        f"docs/{SOURCE}/{page} has {len(source)} {source}: "
        f"{sequence_difference(source, translation)}"
    )


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_python_code_is_only_included(page: str, language: str) -> None:
    lines = bare_code_blocks(read(language, page))
    assert not lines, (
        f"docs/{language}/{page}, lines {lines}: a Python block must include a file from "
        'snippets/ (```python\\n--8<-- "chapter/name.py"\\n```), so that it is tested'
    )


def test_a_comparison_table_gets_row_headers() -> None:
    markdown = "| | threads | coroutines |\n| --- | --- | --- |\n| switch | the OS | `await` |\n"
    html = mark_row_headers(markdown_to_html(markdown))
    assert "<td></td>" in html and "<th></th>" not in html
    assert '<th scope="row">switch</th>' in html
    assert "<td>the OS</td>" in html and "<td><code>await</code></td>" in html
    plain = markdown_to_html("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert mark_row_headers(plain) == plain, "a table with a full header row is left alone"


def markdown_to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


def test_highlighted_code_is_reachable_by_keyboard() -> None:
    html = '<div class="highlight"><pre><span></span><code><span>x = 1</span></code></pre></div>'
    assert focusable_code(html) == (
        '<div class="highlight"><pre><span></span><code tabindex="0"><span>x = 1</span>'
        "</code></pre></div>"
    )
    assert focusable_code("<p><code>inline</code></p>") == "<p><code>inline</code></p>"
