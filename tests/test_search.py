"""Search works in both languages, including Korean words with a particle attached."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support.lanes import BACKGROUND, patient

pytestmark = [pytest.mark.browser, BACKGROUND]


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events, and `fill` sends none
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible(timeout=patient(10_000))
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


@pytest.mark.parametrize(
    "path, query, expected",
    [
        ("", "cancel", r"/tasks/"),
        ("ko/", "코루틴", r"/ko/coroutines"),
        ("ko/", "태스크를", r"/ko/tasks/"),  # a particle attached, as readers type it
        ("ko/", "제너레이터", r"/ko/coroutines-vs-generators/"),
        # A word of the other language stays in the page's language.
        ("", "코루틴", r"/glossary/"),  # the glossary lists the Korean terms
        ("ko/", "asyncio.gather", r"/ko/tasks/"),
    ],
)
def test_search_finds_the_page(
    page: Page, site_url: str, path: str, query: str, expected: str
) -> None:
    page.goto(site_url + path)
    links = search(page, query)
    assert any(re.search(expected, link) for link in links), links
    # Each language searches its own pages only, even for a word both languages use.
    if path == "ko/":
        assert all("/ko/" in link for link in links), links
    else:
        assert not any("/ko/" in link for link in links), links


def test_instant_navigation_within_korean_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + "ko/")
    page.evaluate("window.__same_document = true")
    page.locator(".md-content a[href$='/ko/tasks/']").first.click()
    expect(page).to_have_url(re.compile(r"/ko/tasks/"))
    expect(page.locator("h1")).to_contain_text("태스크")
    assert page.evaluate("window.__same_document === true"), "the page was loaded anew"
