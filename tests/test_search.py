"""Search works in both languages, including Korean words with a particle attached."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events, and `fill` sends none
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


@pytest.mark.parametrize("path, query, expected", [
    ("", "cancel", r"/tasks/"),
    ("ko/", "코루틴", r"/ko/coroutines"),
    ("ko/", "태스크를", r"/ko/tasks/"),  # a particle attached, as readers type it
    ("ko/", "제너레이터", r"/ko/coroutines-vs-generators/"),
])
def test_search_finds_the_page(page: Page, site_url: str, path: str, query: str,
                               expected: str) -> None:
    page.goto(site_url + path)
    links = search(page, query)
    assert any(re.search(expected, link) for link in links), links
    if path == "ko/":
        # One index serves both languages; Korean words do appear on a few English pages (the
        # glossary, the contributor guide), but the Korean pages must come first.
        assert "/ko/" in links[0], links
