"""The build gives each language its own search index and sitemap (asyncio_notes.search)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asyncio_notes.search import (
    language_sitemap,
    set_page_base,
    split_search_index,
    write_language_search,
)

INDEX = {
    "config": {"lang": ["en", "ko"]},
    "docs": [
        {"location": "", "title": "Home", "text": ""},
        {"location": "tasks/#gather", "title": "gather", "text": ""},
        {"location": "ko/", "title": "홈", "text": ""},
        {"location": "ko/tasks/#gather", "title": "gather", "text": ""},
        {"location": "korean-notes/", "title": "not Korean", "text": ""},
    ],
}

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url>
         <loc>https://example.org/notes/</loc>
    </url>
    <url>
         <loc>https://example.org/notes/ko/tasks/</loc>
    </url>
    <url>
         <loc>https://example.org/notes/korean-notes/</loc>
    </url>
</urlset>"""


def test_split_keeps_each_language_with_locations_in_its_folder() -> None:
    split = split_search_index(INDEX, ["ko"])
    assert [d["location"] for d in split[""]["docs"]] == ["", "tasks/#gather", "korean-notes/"]
    assert [d["location"] for d in split["ko"]["docs"]] == ["", "tasks/#gather"]
    assert split["ko"]["config"] == INDEX["config"]


def test_language_sitemap_keeps_the_pages_of_its_folder() -> None:
    sitemap = language_sitemap(SITEMAP, "https://example.org/notes/", "ko")
    assert "<loc>https://example.org/notes/ko/tasks/</loc>" in sitemap
    assert "korean-notes" not in sitemap and "<loc>https://example.org/notes/</loc>" not in sitemap
    assert sitemap.startswith("<?xml") and sitemap.rstrip().endswith("</urlset>")


@pytest.mark.parametrize("base, expected", [("../..", "../../ko/"), ("..", "../ko/")])
def test_page_base_becomes_the_language_folder(base: str, expected: str) -> None:
    html = (
        '<script id="__config" type="application/json">{"annotate": null, "base": "'
        f'{base}", "features": []}}</script>'
    )
    assert f'"base": "{expected}"' in set_page_base(html, "ko")


def test_a_page_without_materials_config_is_an_error() -> None:
    with pytest.raises(ValueError, match="__config"):
        set_page_base("<html></html>", "ko")


def test_write_language_search(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    write_language_search(tmp_path, "https://example.org/notes/", ["ko"])
    root = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = json.loads((tmp_path / "ko" / "search" / "search_index.json").read_text("utf-8"))
    assert len(root["docs"]) == 3 and len(korean["docs"]) == 2
    assert "ko/tasks/" in (tmp_path / "ko" / "sitemap.xml").read_text(encoding="utf-8")
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == SITEMAP  # for search engines
