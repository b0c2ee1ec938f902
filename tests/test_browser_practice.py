"""Exercises and "predict, then run" questions in the browser, as a learner plays them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from asyncio_notes.exercises import find_exercises
from asyncio_notes.practice import practice_blocks
from conftest import ALL_PAGES, DOCS
from support.axe import axe_violations
from support.lanes import BACKGROUND
from support.reader import READING_SCHEME, RUN_TIMEOUT, address, set_editor_text
from support.tabs import ReaderTabs

pytestmark = pytest.mark.browser

EXERCISES = {e.name: e for e in find_exercises()}
WORDS = {
    "en": {"check": "Check", "passed": "Passed", "hint": "Hint", "solution": "Show solution"},
    "ko": {"check": "확인", "passed": "통과", "hint": "힌트", "solution": "풀이 보기"},
}
VERDICT_DONE = re.compile(r"^(passed|failed|none)$")


def pages_with(kind: str) -> dict[str, list[str]]:
    """English page -> the names of its practice blocks of `kind`."""
    found = {}
    for name in ALL_PAGES:
        blocks = [b.name for b in practice_blocks((DOCS / "en" / name).read_text("utf-8"))]
        kinds = [b.kind for b in practice_blocks((DOCS / "en" / name).read_text("utf-8"))]
        names = [n for n, k in zip(blocks, kinds, strict=True) if k == kind]
        if names:
            found[name] = names
    return found


def check(exercise: Locator, language: str = "en") -> str:
    """Press Check and wait for the verdict; returns its text."""
    verdict = exercise.locator(".exercise__verdict")
    exercise.get_by_role("button", name=WORDS[language]["check"], exact=True).click()
    expect(verdict).to_have_attribute("data-verdict", VERDICT_DONE, timeout=RUN_TIMEOUT)
    return verdict.text_content()


def open_editor(page: Page, exercise: Locator, code: str) -> None:
    example = exercise.locator(".example")
    if not example.locator(".cm-content").count():
        example.get_by_role("button", name=re.compile("^(Edit|편집)$")).click()
    expect(example.locator(".cm-content")).to_be_visible()
    set_editor_text(page, example, code)


@pytest.fixture
def scheme(language: str) -> str:
    """The learner's colour scheme (for `page`): one per language."""
    return READING_SCHEME[language]


# Each language once, each way of running Python once and each colour scheme once: the words
# come from the language, the verdicts from the runner (which every exercise meets in Node's
# Pyodide, without JSPI: tests/test_exercises.py) and the colours from the scheme.
@pytest.mark.parametrize(("language", "query"), [("en", ""), ("ko", "?jspi=off")])
def test_a_learner_plays_an_exercise(page: Page, site_url: str, language: str, query: str) -> None:
    words = WORDS[language]
    page.goto(site_url + address(language, "tasks.md", query))
    exercise = page.locator('[data-exercise="03_tasks/run_together"]')
    solution = exercise.get_by_role("button", name=words["solution"], exact=True)
    # The hints, one at a time; the one revealed takes the focus (a screen reader reads it).
    hints = exercise.locator(".exercise__hint")
    expect(hints.first).to_be_hidden()
    exercise.get_by_role("button", name=words["hint"], exact=True).click()
    expect(hints.first).to_be_visible()
    expect(hints.first).to_be_focused()
    expect(hints.nth(1)).to_be_hidden()
    # The starter, checked three times: a verdict each time, never a pass; then the solution.
    for attempt in range(3):
        expect(solution).to_be_hidden()
        verdict = check(exercise, language)
        assert words["passed"] not in verdict, verdict
        assert verdict.strip(), f"no verdict on attempt {attempt + 1}"
    if language == "en":
        assert EXERCISES["03_tasks/run_together"].starter_fails_with in verdict
    # What the page load does not show passes axe (the rest of the page is test_accessibility's):
    # a hint, a failing verdict, and then a passing one with its badge.
    played = '[data-exercise="03_tasks/run_together"]'
    assert not axe_violations(page, within=played)
    expect(solution).to_be_visible()
    solution.click()
    expect(exercise.locator(".cm-content")).to_contain_text("TaskGroup")
    assert words["passed"] in check(exercise, language)
    assert not axe_violations(page, within=played)
    # The pass is remembered: after a reload, and in the page's summary.
    page.reload()
    exercise = page.locator('[data-exercise="03_tasks/run_together"]')
    expect(exercise.locator(".exercise__passed")).to_be_visible()
    expect(exercise.locator(".exercise__passed")).to_have_text(words["passed"])
    expect(page.locator(".exercise-summary")).to_contain_text("1")
    # The reader's own code comes back.
    exercise.get_by_role(
        "button", name=re.compile("^(Back to my code|내 코드로 돌아가기)$")
    ).click()
    expect(exercise.locator(".cm-content")).to_contain_text('await download("a.txt", 0.3)')


@pytest.mark.parametrize("page_name", sorted(pages_with("exercise")))
def test_every_solution_passes_and_every_starter_fails(
    reader_tabs: ReaderTabs, site_url: str, page_name: str
) -> None:
    """Each exercise of the page, in the browser: the solution passes; the starter fails with
    the words its checks promise. A learner goes from page to page by links, so Python starts
    once for all of them. (Without JSPI, Node's Pyodide judges every exercise through the same
    modules: tests/test_exercises.py; and a learner plays one here, above.)"""
    with reader_tabs.reading("en", site_url + address("en", page_name)) as tab:
        check_every_exercise(tab.page, page_name)


def check_every_exercise(page: Page, page_name: str) -> None:
    for name in pages_with("exercise")[page_name]:
        exercise = page.locator(f'[data-exercise="{name}"]')
        verdict = check(exercise)
        assert EXERCISES[name].starter_fails_with in verdict, f"{name} starter: {verdict}"
        open_editor(page, exercise, EXERCISES[name].source("solution"))
        verdict = check(exercise)
        assert verdict.startswith("Passed."), f"{name} solution: {verdict}"


@BACKGROUND
@pytest.mark.parametrize("language", ["en", "ko"])
def test_predict_then_run(page: Page, site_url: str, language: str) -> None:
    page_name, names = next(iter(sorted(pages_with("predict").items())))
    page.goto(site_url + address(language, page_name))
    question = page.locator(f'[data-predict="{names[0]}"]')
    recorded = question.locator(".example-output > .highlight")
    expect(recorded).to_be_hidden()  # it would give the answer away
    lines = question.locator(".predict__lines li")
    expect(question.locator(".predict__explanation")).to_be_hidden()
    # By keyboard: move the last line to the top with its "up" button.
    count = lines.count()
    last = lines.nth(count - 1)
    text = last.get_attribute("data-line")
    last.locator("button").first.focus()
    for _ in range(count - 1):
        page.keyboard.press("Enter")
    expect(lines.first).to_have_attribute("data-line", text)
    expect(lines.first.locator("button").nth(1)).to_be_focused()  # "up" is disabled at the top
    question.get_by_role("button", name=re.compile("^(Check my order|순서 확인)$")).click()
    verdict = question.locator(".predict__verdict")
    expect(verdict).not_to_be_empty()
    expect(recorded).to_be_visible()
    expect(question.locator(".predict__explanation")).to_be_visible()
    marks = question.locator(".predict__mark")
    assert all(marks.nth(i).text_content() in "✓✗" for i in range(count))
    # The answered order passes axe (the unanswered page is test_accessibility's).
    assert not axe_violations(page, within=f'[data-predict="{names[0]}"]')
