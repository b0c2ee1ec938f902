"""A printed page: the text, code, recorded output and timelines (their tables open), without
the controls that only work on screen (the print section of docs/assets/stylesheets/site.css)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from support.lanes import BACKGROUND

pytestmark = [pytest.mark.browser, BACKGROUND]

VISIBLE_BUTTONS = """() => [...document.querySelectorAll("button")]
  .filter((button) => button.checkVisibility({ visibilityProperty: true }))
  .map((button) => `${button.className}: ${button.textContent}`)"""

TABLES_SHOWN = """() => [...document.querySelectorAll("figure.timeline .timeline__table table")]
  .map((table) => table.checkVisibility())"""
"""Whether each timeline's table is shown (on screen, a predict block's stays hidden until the
reader has answered; on paper, the answer follows the question, as in a textbook)."""

ALL_MOUNTED = """() => document.querySelectorAll(
  ".example:not([data-runner]), .exercise:not([data-runner]), .predict:not([data-runner])"
).length === 0"""


def page_with(site: Path, block: str) -> str:
    """The route of the first English page of the built `site` with a `block` (`exercise`,
    `predict`) and a timeline."""
    for html in sorted(site.glob("*/index.html")):
        text = html.read_text(encoding="utf-8")
        if f'<div class="{block}"' in text and '<figure class="timeline"' in text:
            return f"{html.parent.name}/"
    pytest.fail(f"no English page has a {block} block and a timeline")


@pytest.mark.parametrize("block", ["predict", "exercise"])
def test_printing_leaves_out_the_controls_and_opens_the_tables(
    page: Page, site_url: str, built_site: Path, block: str
) -> None:
    page.goto(site_url + page_with(built_site, block))
    page.wait_for_function(ALL_MOUNTED)
    on_screen = page.evaluate(TABLES_SHOWN)
    assert on_screen and not any(on_screen), "on screen, each timeline's table is folded away"
    assert page.evaluate(VISIBLE_BUTTONS), "on screen, the runner's buttons are there"

    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_BUTTONS) == []
    for selector in (".runner-toolbar", ".md-header", ".md-footer", ".md-sidebar--primary"):
        for index in range(page.locator(selector).count()):
            expect(page.locator(selector).nth(index)).to_be_hidden()
    assert all(page.evaluate(TABLES_SHOWN))
    figure = page.locator("figure.timeline").first
    assert figure.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid"
    # Code and recorded output print whole, not cut at the height of their scrolling box.
    output = page.locator(".example-output code").first
    assert output.evaluate("(e) => getComputedStyle(e).maxHeight") == "none"
    if block == "predict":
        question = page.locator(".predict__question").first
        expect(question).to_be_visible()
        expect(question.locator(".predict__how")).to_be_hidden()
        expect(page.locator(".predict .predict__explanation").first).to_be_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_an_empty_live_output_is_not_printed(page: Page, site_url: str, built_site: Path) -> None:
    page.goto(site_url + page_with(built_site, "exercise"))
    page.wait_for_function(ALL_MOUNTED)
    panel = page.locator(".run-output").first
    page.emulate_media(media="print")
    # Shown as a run starts, the panel is empty until the program prints.
    panel.evaluate("(e) => { e.hidden = false; }")
    expect(panel).to_be_hidden()
    panel.evaluate(
        """(e) => {
          const line = document.createElement("span");
          line.className = "run-output__block";
          line.textContent = "hello\\n";
          e.querySelector(".run-output__log").append(line);
        }"""
    )
    expect(panel).to_be_visible()
    expect(panel.locator(".run-output__log")).to_have_text("hello")
