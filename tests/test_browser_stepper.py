"""Step through a timeline: by keyboard, on the recorded figure and on a fresh run's, in both
languages, with and without JSPI; the code's lines and the figure follow the steps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from asyncio_notes.catalogue import find_snippets
from support.axe import axe_violations
from support.lanes import BACKGROUND
from support.reader import READING_SCHEME, address, example, run
from support.tabs import ReaderTabs

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "open": "Step through",
        "next": "Next step",
        "previous": "Previous step",
        "run": "Run",
        "step": "Step {n} of {total}, ",
        "started": "started",
        "finished": "finished",
    },
    "ko": {
        "open": "단계별로 보기",
        "next": "다음 단계",
        "previous": "이전 단계",
        "run": "실행",
        "step": "{total}단계 중 {n}단계, ",
        "started": "시작했습니다",
        "finished": "끝났습니다",
    },
}
PAGES = {
    "tasks.md": "03_tasks/create_task",
    "when-asyncio-helps.md": "08_when_asyncio_helps/concurrent_downloads",
}
RECORDINGS = {s.name: s.recorded_timeline for s in find_snippets() if s.name in PAGES.values()}


def marked_line(block: Locator) -> int:
    """The line (from 1) of the example's code that carries aria-current="step" (0: none)."""
    return block.locator(":scope > .highlight code > span[id]").evaluate_all(
        "spans => spans.findIndex(s => s.getAttribute('aria-current') === 'step') + 1"
    )


def line_of(turns: list, index: int) -> int:
    """The line the step-through marks at turn `index`: where the task stopped, or, for a
    turn that ended it, where it had resumed from."""
    task, frames, _ = turns[index]
    while frames is None:
        index -= 1
        while turns[index][0] != task:
            index -= 1
        frames = turns[index][1]
    return frames[-1][1]


def expect_step(stepper: Locator, language: str, n: int, total: int) -> None:
    text = WORDS[language]["step"].format(n=n, total=total)
    expect(stepper.get_by_role("slider")).to_have_attribute(
        "aria-valuetext", re.compile("^" + re.escape(text))
    )


def walk(page: Page, block: Locator, stepper: Locator, language: str, turns: list) -> None:
    """Open the step-through from the keyboard and walk it: Enter on the toggle, Enter on Next,
    then End, Home and an arrow key on the slider; the code's marked line and the sentence
    follow every step."""
    w, total = WORDS[language], len(turns)
    toggle = stepper.get_by_role("button", name=w["open"], exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    status = stepper.get_by_role("status")
    expect_step(stepper, language, 1, total)
    expect(status).to_contain_text(w["started"])
    assert marked_line(block) == line_of(turns, 0)
    # Previous says it cannot go back, and pressing it moves nothing, not even the focus.
    previous = stepper.get_by_role("button", name=w["previous"], exact=True)
    expect(previous).to_have_attribute("aria-disabled", "true")
    previous.focus()
    page.keyboard.press("Enter")
    expect(previous).to_be_focused()
    expect_step(stepper, language, 1, total)

    stepper.get_by_role("button", name=w["next"], exact=True).focus()
    page.keyboard.press("Enter")
    expect_step(stepper, language, 2, total)
    assert marked_line(block) == line_of(turns, 1)
    # The code's marks, the figure's and the controls pass axe (the example only: the page's
    # diagrams, drawn as the reader scrolls, have tests of their own).
    assert not axe_violations(
        page, within=f'[data-example="{block.get_attribute("data-example")}"]'
    )

    slider = stepper.get_by_role("slider")
    slider.focus()
    page.keyboard.press("End")
    expect_step(stepper, language, total, total)
    expect(status).to_contain_text(w["finished"])
    assert marked_line(block) == line_of(turns, total - 1)
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    expect_step(stepper, language, 2, total)
    # The figure marks the moment; closing takes every mark away.
    expect(block.locator("figure.timeline:visible .timeline__now")).to_have_count(1)
    toggle.click()
    expect(block.locator(".timeline__now")).to_have_count(0)
    assert marked_line(block) == 0


@BACKGROUND
@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("page_name", PAGES)
def test_step_through_the_recorded_timeline(
    reader_tabs: ReaderTabs, site_url: str, language: str, page_name: str
) -> None:
    # One tab per language, from page to page by links (and on to the fresh runs below).
    where = site_url + address(language, page_name)
    with reader_tabs.reading(language, where, color_scheme=READING_SCHEME[language]) as tab:
        block = example(tab.page, PAGES[page_name])
        stepper = block.locator(":scope > .stepper")
        walk(tab.page, block, stepper, language, RECORDINGS[PAGES[page_name]]["turns"])


@pytest.mark.parametrize(
    "language, query",
    [("en", ""), ("ko", "?jspi=off")],
    ids=["en", "ko-no-jspi"],
)
def test_step_through_a_fresh_run(
    reader_tabs: ReaderTabs, site_url: str, language: str, query: str
) -> None:
    """After Run, the run's own timeline gets the step-through; the recorded one's goes away.
    A run in the browser takes the same turns as the recording (test_timeline checks it in
    Pyodide), so the same steps are expected. Each language once, one of them without JSPI:
    the language changes the words, JSPI how Python runs, and neither depends on the other."""
    page_name = "tasks.md"
    where = site_url + address(language, page_name, query)
    with reader_tabs.reading(language + query, where, color_scheme=READING_SCHEME[language]) as tab:
        block = example(tab.page, PAGES[page_name])
        run(block, WORDS[language]["run"])
        expect(block.locator(":scope > .stepper")).to_be_hidden()
        stepper = block.locator(".timeline-live > .stepper")
        walk(tab.page, block, stepper, language, RECORDINGS[PAGES[page_name]]["turns"])


@BACKGROUND
def test_a_long_run_keeps_its_first_steps_and_says_so(page: Page, site_url: str) -> None:
    name = "06_threads/lost_update"
    recording = next(s for s in find_snippets() if s.name == name).recorded_timeline
    assert recording["hidden_turns"] > 0, "the example no longer runs past the cap"
    page.goto(site_url + "coroutines-vs-threads/")
    block = example(page, name)
    block.get_by_role("button", name="Step through", exact=True).click()
    kept = len(recording["turns"])
    expect(block.locator(".stepper__note")).to_have_text(
        f"The first {kept} steps are kept; {recording['hidden_turns']} more are not shown."
    )
    expect(block.get_by_role("slider")).to_have_attribute("max", str(kept))
