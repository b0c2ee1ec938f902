"""A reader's tabs kept across the tests of a module (one per language, say): each test goes to
its page by a link (Material's instant navigation), so Python starts once per tab, not per test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from asyncio_notes.i18n import LANGUAGES
from support.reader import follow_link, page_error, set_editor_text


@dataclass
class ReaderTab:
    """One tab: opened by a full page load, then moved on by links."""

    context: BrowserContext
    page: Page
    errors: list[str] = field(default_factory=list)


class ReaderTabs:
    """The tabs of one test module, by name (a language, say). A test that fails closes its
    tab, so the next test starts from a fresh one rather than from whatever the failure left."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.tabs: dict[str, ReaderTab] = {}

    def open(
        self, name: str, address: str, *, afresh: bool = False, **context_options: Any
    ) -> ReaderTab:
        """The tab `name`, at `address`: a new tab the first time (in a browser context with
        `context_options`), then a link followed (or none, if the tab is there already). With
        `afresh`, the page is entered again by links even then (`another_page` first): as a
        reader who clicks its link gets it, whatever the last test did in it (the reader's saved
        edits aside)."""
        tab = self.tabs.get(name)
        if tab is None:
            context = self.browser.new_context(**context_options)
            tab = self.tabs[name] = ReaderTab(context, context.new_page())
            tab.page.on("pageerror", lambda error: tab.errors.append(page_error(error)))
            tab.page.goto(address)
            return tab
        if same_page(tab.page.url, address):
            if not afresh:
                return tab
            # Material fetches a page only when the address's path changes.
            follow_link(tab.page, another_page(address))
        follow_link(tab.page, address)
        return tab

    @contextmanager
    def reading(
        self, name: str, address: str, *, afresh: bool = False, **context_options: Any
    ) -> Iterator[ReaderTab]:
        """The tab `name` at `address`, for one test (`open`): closed if the test fails in it,
        and the test fails on a JavaScript error the page raised meanwhile."""
        tab = self.open(name, address, afresh=afresh, **context_options)
        before = len(tab.errors)
        try:
            yield tab
        except BaseException:
            self.discard(name)
            raise
        assert tab.errors[before:] == [], f"JavaScript errors in the page: {tab.errors[before:]}"

    def discard(self, name: str) -> None:
        """Close the tab `name` (after a failure)."""
        if tab := self.tabs.pop(name, None):
            tab.context.close()

    def close(self) -> None:
        for name in list(self.tabs):
            self.discard(name)


def another_page(address: str) -> str:
    """A page of `address`'s language other than it, to go by: its language's home, or for the
    home itself, the glossary (another language's page would be a full page load)."""
    path = urlsplit(address).path
    first = path.strip("/").split("/")[0]
    home = f"/{first}/" if first in LANGUAGES[1:] else "/"
    return urljoin(address, home if path != home else home + "glossary/")


def same_page(url: str, address: str) -> bool:
    """Whether `url` is the page at `address`, whichever heading's #fragment it shows (Material's
    navigation.tracking puts the heading in view there)."""
    return urldefrag(url).url == urldefrag(address).url


@contextmanager
def playground(
    reader_tabs: ReaderTabs, site_url: str, code: str, query: str = ""
) -> Iterator[Locator]:
    """The Playground's example with `code` in its editor, in the English reader's tab of the
    module's tests (one per `query`): Python starts once, and each run starts from what the last
    one left."""
    with reader_tabs.reading("en" + query, site_url + "playground/" + query) as tab:
        block = tab.page.locator("[data-playground] .example")
        expect(block.locator(".cm-content")).to_be_visible()
        set_editor_text(tab.page, block, code)
        yield block
