"""Every page, in both languages and both colour schemes, passes axe-core's WCAG 2 A and AA
checks: the engine behind Lighthouse's accessibility score, pinned in package.json."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from asyncio_notes.i18n import LANGUAGES
from support.axe import COLOUR_RULES, axe_violations
from support.lanes import BACKGROUND
from support.tabs import ReaderTabs

pytestmark = [pytest.mark.browser, BACKGROUND]


def site_pages(site: Path, language: str) -> list[str]:
    """The pages of one language in the built site, as addresses below the site's root ("" for
    the home)."""
    folders = [
        page.parent.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if "assets" not in page.parts
    ]
    addresses = sorted("" if folder == "." else folder + "/" for folder in folders)
    return [a for a in addresses if language_of(a) == language]


def language_of(address: str) -> str:
    """The language of a page's address: its first folder, or the site root's language."""
    first = address.split("/")[0]
    return first if first in LANGUAGES else LANGUAGES[0]


READINGS = [
    pytest.param(LANGUAGES[0], "light", {}, id=f"{LANGUAGES[0]}-light-all"),
    *(
        pytest.param(language, "light", {"leaving_out": COLOUR_RULES}, id=f"{language}-light-words")
        for language in LANGUAGES[1:]
    ),
    pytest.param(LANGUAGES[0], "dark", {"rules": COLOUR_RULES}, id=f"{LANGUAGES[0]}-dark-colours"),
]
"""The language changes the words and the scheme the colours (the site's CSS has no colour of
its own per language): the checks that read words and structure on every language's pages, and
those that read colours (COLOUR_RULES) on one language's pages in each scheme."""


@pytest.mark.parametrize(("language", "scheme", "checks"), READINGS)
def test_every_page_passes_axe(
    reader_tabs: ReaderTabs,
    built_site: Path,
    site_url: str,
    language: str,
    scheme: str,
    checks: dict,
) -> None:
    # A reader whose system is in `scheme` reads the language's pages from link to link.
    found = {}
    for path in site_pages(built_site, language):
        tab = reader_tabs.open(f"{language}-{scheme}", site_url + path, color_scheme=scheme)
        if violations := axe_violations(tab.page, **checks):
            found["/" + path] = violations
    assert not found, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs)


CONTRAST = """(button) => {
  const rgb = (color) => color.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(button);
  const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_and_focused_buttons_stay_readable(
    browser: Browser, site_url: str, scheme: str
) -> None:
    # axe checks the resting state only; Material restyles a button under the pointer or focus.
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "playground/")
    page.add_style_tag(content="* { transition: none !important; }")  # the end state at once
    toolbar = page.locator("[data-playground] .runner-toolbar")
    for name in ("Run", "Reset", "Copy", "Share"):
        button = toolbar.get_by_role("button", name=name, exact=True)
        if button.is_disabled():
            continue
        button.hover()
        assert button.evaluate(CONTRAST) >= 4.5, f"{name} hovered ({scheme})"
        page.mouse.move(0, 0)
        button.focus()
        assert button.evaluate(CONTRAST) >= 4.5, f"{name} focused ({scheme})"
    context.close()
