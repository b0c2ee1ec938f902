"""Reset brings back the original code without asking, and Undo brings back the reader's."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from support.lanes import BACKGROUND
from support.reader import set_editor_text

pytestmark = [pytest.mark.browser, BACKGROUND]


@pytest.mark.parametrize(
    "path, words",
    [
        ("playground/", (None, "Reset", "Undo")),  # the Playground's editor is open already
        ("ko/tasks/", ("편집", "되돌리기", "되돌리기 취소")),
    ],
)
def test_reset_can_be_undone(
    page: Page, site_url: str, path: str, words: tuple[str | None, str, str]
) -> None:
    edit, reset, undo = words
    page.goto(site_url + path)
    block = page.locator(".example").first
    if edit:
        block.get_by_role("button", name=edit, exact=True).click()
    expect(block.locator(".cm-content")).to_be_visible()
    set_editor_text(page, block, "print('mine')\n")
    block.get_by_role("button", name=reset, exact=True).click()
    expect(block.locator(".cm-content")).to_have_count(0)
    undo_button = block.get_by_role("button", name=undo, exact=True)
    expect(undo_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(block.locator(".cm-content")).to_have_text("print('mine')")
    # The reader's code is saved again: it survives a reload.
    page.reload()
    expect(page.locator(".example").first.locator(".cm-content")).to_have_text("print('mine')")
