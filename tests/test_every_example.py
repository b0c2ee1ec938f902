"""Run on every example of every page, in the browser, as a reader would: each prints what the
page says it prints (or, for an example marked as needing what a browser lacks: threads, sockets,
subprocesses, debug mode, fails with the explanation).

English pages run every example; Korean pages run their first, since the code is the same. Each
language's pages are read in one tab, from link to link."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from asyncio_notes.catalogue import find_snippets
from asyncio_notes.outputs import same_output
from conftest import ALL_PAGES
from support.reader import FINISHED, RUN_TIMEOUT, address
from support.tabs import ReaderTabs

pytestmark = pytest.mark.browser

SNIPPETS = {s.name: s for s in find_snippets()}
PAGES = [page for page in ALL_PAGES if page != "playground.md"]
CPYTHON_ONLY = {"threads", "network", "processes", "debug"}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("page_name", PAGES)
def test_every_example_runs(
    reader_tabs: ReaderTabs, site_url: str, language: str, page_name: str
) -> None:
    # One tab per language moves from page to page by links, as a reader reads on: Python
    # starts once per language, and each page's examples run on the Python the reader has.
    with reader_tabs.reading(language, site_url + address(language, page_name)) as tab:
        run_every_example(tab.page, language)


def run_every_example(page: Page, language: str) -> None:
    # Exercises' starters are judged by tests/test_browser_practice.py, not against a recording.
    examples = page.locator(".example[data-example]:not([data-exercise] .example)")
    names = [examples.nth(i).get_attribute("data-example") for i in range(examples.count())]
    if language == "ko":
        names = names[:1]
    for name in names:
        block = page.locator(f'.example[data-example="{name}"]')
        block.locator(".runner-run").click()
        panel = block.locator(".run-output")
        expect(panel).to_have_attribute("data-state", FINISHED, timeout=RUN_TIMEOUT)
        log = block.get_by_role("log").text_content()
        snippet = SNIPPETS[name]
        if snippet.browser_reason in CPYTHON_ONLY:
            expect(panel).to_have_attribute("data-state", "error")
            expect(panel.locator(".run-output__hint")).to_be_visible()
        else:
            assert panel.get_attribute("data-state") == "ok", f"{name} failed:\n{log}"
            assert same_output(snippet.recorded_output, log), (
                f"{name} printed in the browser:\n{log}\nbut the page says:\n"
                f"{snippet.recorded_output}"
            )
