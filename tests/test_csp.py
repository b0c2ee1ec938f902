"""The site's Content Security Policy (asyncio_notes.csp): every page carries it, the site passes
it (a run, an editor, a diagram, instant navigation, both languages), and it blocks what the
site does not do itself, as a meta tag and as the documented header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from asyncio_notes.csp import add_policy_meta, header_policy, inline_script_hashes, policy
from asyncio_notes.serve import serve
from support.lanes import BACKGROUND
from support.reader import RUN_TIMEOUT, expect_diagram_drawn, page_error

WATCH_POLICY = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""
INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__injected = true";
  document.body.append(script);
  return window.__injected === true;
}"""


@BACKGROUND
def test_inline_scripts_are_hashed_and_data_blocks_are_not() -> None:
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="module">b()</script>'
    )
    assert inline_script_hashes(html) == [
        "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='",  # a()
        "'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='",  # b()
    ]


@BACKGROUND
def test_the_policy_comes_before_every_script() -> None:
    html = '<head>\n<meta charset="utf-8">\n<script>a()</script>\n</head>'
    result = add_policy_meta(html)
    assert result.index('http-equiv="Content-Security-Policy"') < result.index("<script>")
    assert "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='" in result
    assert "'unsafe-inline'" not in result.split("style-src")[0]
    served = add_policy_meta(html, serving=True)  # mkdocs serve's live-reload script is inline
    assert "script-src 'self' 'wasm-unsafe-eval' blob: 'unsafe-inline';" in served


@BACKGROUND
def test_only_the_header_forbids_framing() -> None:
    assert "frame-ancestors" not in policy([])
    assert "frame-ancestors 'none'" in policy([], header=True)


@BACKGROUND
@pytest.mark.slow
def test_every_built_page_carries_the_policy(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert meta, f"{page} has no policy"
        for source in inline_script_hashes(html):
            assert source in meta[1], f"{page}: an inline script is not allowed by its policy"


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def visit_what_the_site_does(page: Page, site_url: str) -> None:
    """A page with a diagram and examples: Edit and Run; instant navigation to the Playground
    and Run there; a Korean page. Fails on any policy violation along the way."""
    page.add_init_script(WATCH_POLICY)
    page.goto(site_url + "tasks/")
    expect_diagram_drawn(page)
    block = page.locator(".example").first
    block.get_by_role("button", name="Edit", exact=True).click()
    expect(block.locator(".cm-content")).to_be_visible()
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".run-output")).to_have_attribute("data-state", "ok", timeout=RUN_TIMEOUT)
    assert violations(page) == []
    page.locator("nav.md-nav a", has_text="Playground").first.click()
    playground = page.locator("[data-playground] .example")
    expect(playground.locator(".cm-content")).to_be_visible()
    playground.get_by_role("button", name="Run", exact=True).click()
    expect(playground.locator(".run-output")).to_have_attribute(
        "data-state", "ok", timeout=RUN_TIMEOUT
    )
    assert violations(page) == []
    page.goto(site_url + "ko/tasks/")
    expect_diagram_drawn(page)
    assert violations(page) == []
    # The policy is in force: a script the site did not write does not run.
    assert page.evaluate(INJECT) is False
    seen = violations(page)
    assert seen and all(v.startswith("script-src-elem inline") for v in seen), seen


@BACKGROUND
@pytest.mark.browser
def test_the_site_passes_its_own_policy(page: Page, site_url: str) -> None:
    visit_what_the_site_does(page, site_url)


@BACKGROUND
@pytest.mark.browser
def test_the_site_passes_the_header_variant(browser: Browser, built_site: Path) -> None:
    with serve(built_site, headers={"Content-Security-Policy": header_policy(built_site)}) as url:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(page_error(error)))
        visit_what_the_site_does(page, url)
        context.close()
    assert not errors
