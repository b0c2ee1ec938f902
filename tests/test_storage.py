"""Nothing a reader writes is lost: edits survive a reload, instant navigation and a browser
restart, and a full or refused localStorage degrades to a notice, never a broken page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS
from support.lanes import BACKGROUND
from support.reader import RUN_TIMEOUT, page_error, set_editor_text

pytestmark = [pytest.mark.browser, BACKGROUND]

PAGE = "tasks/"  # a page with examples
EDIT = "print('my edit')\n"
SAVED = "your version is saved in this browser"
NOT_SAVED = "does not let the page save your edits"

FILL_STORAGE = """() => {
  let size = 1 << 22, i = 0, error = null;
  while (size >= 1) {
    try {
      localStorage.setItem(`filler-${i++}`, "x".repeat(size));
    } catch (caught) {
      error = caught.name;
      size = Math.floor(size / 2);
    }
  }
  return error;
}"""


def first_example(page: Page) -> Locator:
    return page.locator(".example[data-example]").first


def edit_first_example(page: Page) -> Locator:
    block = first_example(page)
    block.get_by_role("button", name="Edit", exact=True).click()
    set_editor_text(page, block, EDIT)
    return block


def go_to_playground_and_back(page: Page, site_url: str) -> None:
    """Instant navigation away from the page and back (Material swaps the page in place)."""
    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav a", has_text="Playground").first.click()
    expect(page).to_have_url(site_url + "playground/")
    page.go_back()
    # navigation.tracking may have added the anchor of the section the edit scrolled to.
    expect(page).to_have_url(re.compile(re.escape(site_url + PAGE) + r"(#[\w-]+)?$"))
    assert page.evaluate("window.__sameDocument === true"), "not an instant navigation"


def expect_edit(block: Locator, notice: str) -> None:
    expect(block.locator(".cm-content")).to_have_text(EDIT.rstrip("\n"))
    expect(block.locator(".runner-notice")).to_contain_text(notice)


def expect_edit_runs(block: Locator) -> None:
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.get_by_role("log")).to_have_text("my edit\n", timeout=RUN_TIMEOUT)


def test_edits_survive_instant_navigation_and_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    edit_first_example(page)
    go_to_playground_and_back(page, site_url)
    expect_edit(first_example(page), SAVED)
    page.reload()
    expect_edit(first_example(page), SAVED)


@contextmanager
def chromium_profile(browser: Browser, profile: Path) -> Iterator[BrowserContext]:
    """Chromium started with `profile` as its user data folder, as a reader's browser is."""
    context = browser.browser_type.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )
    try:
        yield context
    finally:
        context.close()


def test_edits_survive_a_browser_restart(browser: Browser, site_url: str, tmp_path: Path) -> None:
    with chromium_profile(browser, tmp_path) as context:
        page = context.new_page()
        page.goto(site_url + PAGE)
        edit_first_example(page)
        expect(first_example(page).locator(".runner-notice")).to_be_hidden()
    with chromium_profile(browser, tmp_path) as context:
        page = context.new_page()
        page.goto(site_url + PAGE)
        expect_edit(first_example(page), SAVED)


def test_full_storage_keeps_edits_in_the_tab_and_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert page.evaluate(FILL_STORAGE) == "QuotaExceededError"
    block = edit_first_example(page)
    expect(block.locator(".runner-notice")).to_contain_text(NOT_SAVED)
    expect_edit_runs(block)
    go_to_playground_and_back(page, site_url)
    expect_edit(first_example(page), NOT_SAVED)


def test_refused_storage_degrades_to_a_notice(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    # Cookies blocked: Chromium then refuses localStorage, and even reading it throws.
    (tmp_path / "Default").mkdir()
    (tmp_path / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}})
    )
    with chromium_profile(browser, tmp_path) as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(page_error(error)))
        page.goto(site_url + PAGE)
        assert "SecurityError" in page.evaluate(
            "() => { try { return String(localStorage) } catch (error) { return error.name } }"
        )
        block = edit_first_example(page)
        expect(block.locator(".runner-notice")).to_contain_text(NOT_SAVED)
        expect_edit_runs(block)
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        go_to_playground_and_back(page, site_url)
        expect_edit(first_example(page), NOT_SAVED)
        assert not errors, f"JavaScript errors in the page: {errors}"
