"""The site builds with --strict in both languages, and the example blocks land on the pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asyncio_notes.exercises import find_exercises
from asyncio_notes.i18n import LANGUAGES
from asyncio_notes.vendor import pyodide_versions
from conftest import ALL_PAGES, SNIPPETS
from support.files import html_path
from support.lanes import BACKGROUND

pytestmark = [pytest.mark.slow, BACKGROUND]


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_built(built_site: Path, language: str, page: str) -> None:
    html = html_path(built_site, language, page).read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html


def test_every_example_and_exercise_is_shown_in_both_languages(built_site: Path) -> None:
    """Every example with its output, and every exercise's starter, on a page of each language."""
    shown = {}
    for language in LANGUAGES:
        for page in ALL_PAGES:
            html = html_path(built_site, language, page).read_text(encoding="utf-8")
            for tag in re.findall(r'<div class="example"[^>]*>', html):
                name = re.search(r'data-example="([^"]+)"', tag)[1]
                shown.setdefault(name, set()).add(language)
    expected = {s.name: set(LANGUAGES) for s in SNIPPETS}
    expected |= {e.name: set(LANGUAGES) for e in find_exercises()}
    assert expected == shown


def test_runtime_is_served_by_the_site(built_site: Path) -> None:
    vendor = built_site / "assets" / "vendor"
    version = pyodide_versions()["pyodide"]
    for name in (
        "pyodide/pyodide.mjs",
        f"pyodide/{version}/pyodide.asm.wasm",
        f"pyodide/{version}/python_stdlib.zip",
        "pyodide/runtime.json",
        "editor.js",
        "mermaid/mermaid.esm.min.mjs",
    ):
        assert (vendor / name).is_file(), name
    assert not (built_site / "ko" / "assets").exists(), "shared assets are served once"


def test_no_cdn_in_pages(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "unpkg.com", "cdn.jsdelivr", "cdnjs"):
            assert host not in text, f"{html} loads from {host}"


def test_timeline_figures_stay_out_of_search(built_site: Path) -> None:
    # Their text ("main(): running 0.00–0.50 s") would match searches for "running" or "태스크".
    for index in (
        built_site / "search/search_index.json",
        built_site / "ko/search/search_index.json",
    ):
        text = index.read_text(encoding="utf-8")
        assert not re.search(r"\): (running|실행 중) \d", text), index
        assert "more tasks not shown" not in text


def test_contributor_pages_rank_below_topic_pages_in_search(built_site: Path) -> None:
    import json

    for index in (
        built_site / "search/search_index.json",
        built_site / "ko/search/search_index.json",
    ):
        boosts = {
            doc["location"].split("#")[0]: doc.get("boost", 1)
            for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]
        }
        for page in ("contributing/", "translation-status/", "reference/tooling/"):
            assert boosts[page] < 1, (index, page)
        assert boosts["event-loop/"] == 1


def test_the_404_page_speaks_to_readers_of_both_languages(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html  # not the last language built
    assert "<h1>404: page not found</h1>" in html
    assert '<h2 lang="ko">페이지를 찾을 수 없습니다</h2>' in html
    assert re.search(r'href="http://127\.0\.0\.1:\d+/">the home page</a>', html)
    assert re.search(r'href="http://127\.0\.0\.1:\d+/ko/">한국어 홈</a>', html)


def test_a_diagrams_source_is_text_in_its_pre(built_site: Path) -> None:
    """No `<code>` in a diagram: Material would mount its code-block component on it as it came
    into view, which could come after diagrams.js had drawn the diagram in its place."""
    pages = [built_site / language / "futures" / "index.html" for language in LANGUAGES[1:]]
    pages.append(built_site / "futures" / "index.html")
    for page in pages:
        diagrams = re.findall(r'<pre class="diagram">(.*?)</pre>', page.read_text("utf-8"), re.S)
        assert diagrams, f"{page}: no diagram"
        assert all("<" not in source and "-&gt;&gt;" in source for source in diagrams), diagrams
