"""Task timelines in the reader's browser: recorded ones on the pages, live ones after Run."""

from __future__ import annotations

import re
from contextlib import AbstractContextManager

import pytest
from playwright.sync_api import Locator, expect

from support.reader import RUN_TIMEOUT, example, run, set_editor_text
from support.tabs import ReaderTab, ReaderTabs, playground

pytestmark = pytest.mark.browser

TASK_LANES = ".timeline__lane:not(.timeline__lane--call)"
CALL_LANES = ".timeline__lane--call"

# Each lane's bars as [first x, last x + width]: where the lane is busy on the time axis.
LANE_SPANS = """figure => [...figure.querySelectorAll(SELECTOR)].map(lane => {
  const bars = [...lane.querySelectorAll("rect.timeline__run, rect.timeline__wait")];
  const xs = bars.map(b => +b.getAttribute("x"));
  const ends = bars.map(b => +b.getAttribute("x") + +b.getAttribute("width"));
  return [Math.min(...xs), Math.max(...ends)];
})"""


def lane_spans(figure: Locator, selector: str) -> list[list[float]]:
    return figure.evaluate(LANE_SPANS.replace("SELECTOR", repr(selector)))


def overlapping(spans: list[list[float]]) -> int:
    """How many pairs of lanes are busy at the same time (by more than a sliver)."""
    return sum(
        1
        for i, (a0, a1) in enumerate(spans)
        for b0, b1 in spans[i + 1 :]
        if min(a1, b1) - max(a0, b0) > 3
    )


def live_figure(block: Locator) -> Locator:
    return block.locator(".timeline-live figure.timeline")


PHONE = {"width": 390, "height": 844}


def reading(
    reader_tabs: ReaderTabs, site_url: str, path: str, phone: bool = False
) -> AbstractContextManager[ReaderTab]:
    """The page at `path` as a reader enters it by a link, in the tab of its language (on a
    desktop, or on a phone): Python starts once per tab, not per test."""
    name = ("ko" if path.startswith("ko/") else "en") + ("-phone" if phone else "")
    options = {"viewport": PHONE} if phone else {}
    return reader_tabs.reading(name, site_url + path, afresh=True, **options)


@pytest.mark.parametrize("path, summary", [("", "as a table"), ("ko/", "표로 보기")])
def test_recorded_gather_timeline_overlaps_and_has_a_table(
    reader_tabs: ReaderTabs, site_url: str, path: str, summary: str
) -> None:
    with reading(reader_tabs, site_url, path + "tasks/") as tab:
        see_the_gather_timeline_and_its_table(tab, summary)


def see_the_gather_timeline_and_its_table(tab: ReaderTab, summary: str) -> None:
    figure = example(tab.page, "03_tasks/gather").locator("figure.timeline")
    expect(figure).to_be_visible()
    spans = lane_spans(figure, TASK_LANES)
    assert len(spans) >= 2 and overlapping(spans[1:]) >= 1, spans
    # The table alternative: reachable from the figure, with a row per task.
    table_toggle = figure.locator("summary")
    expect(table_toggle).to_contain_text(summary)
    table_toggle.click()
    rows = figure.locator("table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= len(spans)
    assert figure.locator("svg").get_attribute("aria-labelledby")


def test_sequential_is_a_staircase_and_concurrent_overlaps(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    with reading(reader_tabs, site_url, "when-asyncio-helps/") as tab:
        see_a_staircase_and_an_overlap(tab)


def see_a_staircase_and_an_overlap(tab: ReaderTab) -> None:
    page = tab.page
    sequential = example(page, "08_when_asyncio_helps/sequential_downloads").locator("figure")
    calls = lane_spans(sequential, CALL_LANES)
    assert len(calls) == 5, "one lane per awaited download() call"
    assert overlapping(calls) == 0
    assert all(b[0] >= a[0] + 20 for a, b in zip(calls, calls[1:], strict=False)), (
        f"not a staircase: {calls}"
    )
    concurrent = example(page, "08_when_asyncio_helps/concurrent_downloads").locator("figure")
    tasks = lane_spans(concurrent, TASK_LANES)[1:]
    assert len(tasks) == 5 and overlapping(tasks) == 10, f"all five at once: {tasks}"


@pytest.mark.parametrize(
    "path, run_label, edit_label, reset_label, caption",
    [
        ("", "Run", "Edit", "Reset", "in your run"),
        ("ko/", "실행", "편집", "되돌리기", "여러분이 실행한"),
    ],
)
def test_live_timeline_follows_the_readers_edit_and_reset_restores_the_recorded_one(
    reader_tabs: ReaderTabs,
    site_url: str,
    path: str,
    run_label: str,
    edit_label: str,
    reset_label: str,
    caption: str,
) -> None:
    with reading(reader_tabs, site_url, path + "tasks/") as tab:
        follow_an_edit_then_reset(tab, (run_label, edit_label, reset_label), caption)


def follow_an_edit_then_reset(tab: ReaderTab, labels: tuple[str, str, str], caption: str) -> None:
    page = tab.page
    run_label, edit_label, reset_label = labels
    block = example(page, "03_tasks/create_task")
    recorded = block.locator(":scope > figure.timeline")
    recorded_lanes = recorded.locator(TASK_LANES).count()
    assert recorded_lanes == 3

    run(block, run_label)
    live = live_figure(block)
    expect(live).to_be_visible()
    # The original's run: the recorded figure stays, folded under the live one.
    folded = block.locator(":scope > details.timeline-recorded")
    expect(folded).to_have_count(1)
    expect(folded).not_to_have_attribute("open", "")
    expect(folded.locator("figure.timeline")).to_be_hidden()
    expect(live.locator(TASK_LANES)).to_have_count(3)
    expect(live.locator("figcaption")).to_contain_text(caption)
    live.locator("summary").click()  # the table comes with the run's last drawing
    expect(live.locator("table tbody tr")).to_have_count(3)

    original = block.locator(".highlight code").first.text_content()
    block.get_by_role("button", name=edit_label, exact=True).click()
    edited = original.replace(
        "    start = time.perf_counter()",
        '    task3 = asyncio.create_task(say_after(0.2, "again"))\n    start = time.perf_counter()',
    )
    assert edited != original
    set_editor_text(page, block, edited)
    run(block, run_label)
    expect(live.locator(TASK_LANES)).to_have_count(4)
    expect(folded).to_have_count(0)  # the recorded figure is not this code's
    expect(recorded).to_be_hidden()
    expect(
        live.locator(".timeline__name").filter(has_text="say_after(0.2, 'again')")
    ).to_have_count(1)

    block.get_by_role("button", name=reset_label, exact=True).click()
    expect(recorded).to_be_visible()
    expect(block.locator(".timeline-live")).to_be_hidden()
    expect(recorded.locator(TASK_LANES)).to_have_count(3)


def test_live_timeline_grows_while_the_program_runs(reader_tabs: ReaderTabs, site_url: str) -> None:
    code = (
        "import asyncio\n\nasync def tick(n):\n    await asyncio.sleep(0.3 * n)\n    print(n)\n\n"
        "async def main():\n    for n in range(1, 5):\n        asyncio.create_task(tick(n))\n"
        "        await asyncio.sleep(0.4)\n    await asyncio.sleep(0.5)\n\n"
        "asyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code) as block:
        block.get_by_role("button", name="Run", exact=True).click()
        live = live_figure(block)
        expect(live).to_be_visible(timeout=RUN_TIMEOUT)
        expect(block.locator(".run-output")).to_have_attribute("data-state", "running")
        lanes_while_running = live.locator(TASK_LANES).count()
        expect(block.locator(".run-output")).to_have_attribute(
            "data-state", "ok", timeout=RUN_TIMEOUT
        )
        assert lanes_while_running < 5
        expect(live.locator(TASK_LANES)).to_have_count(5)


@pytest.mark.parametrize("query", ["", "?jspi=off", "?snapshot=off"])
def test_task_names_are_shown_as_text(reader_tabs: ReaderTabs, site_url: str, query: str) -> None:
    name = "<img src=x onerror=alert(1)>"
    code = (
        "import asyncio\n\nasync def main():\n"
        f"    await asyncio.create_task(asyncio.sleep(0.05), name={name!r})\n\n"
        "asyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code, query) as block:
        run(block)
        live = live_figure(block)
        expect(live).to_be_visible()
        expect(live.locator(".timeline__name").filter(has_text=name)).to_have_count(1)
        assert block.page.locator(".timeline-live img").count() == 0


def test_a_program_cannot_put_markup_in_the_page_through_the_timeline(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    # The reader's program shares the worker's Python with the renderer and may replace it.
    code = (
        "import asyncio, timeline_render\n\n"
        "timeline_render.render = lambda *args, **kwargs: ("
        '\'<figure class="timeline"><img src=x onerror="document.title=1">\''
        '\'<a href="javascript:alert(1)">x</a><svg onload="alert(1)"><text>ok</text></svg>\''
        "'</figure>')\n\n"
        "async def main():\n    await asyncio.create_task(asyncio.sleep(0.05))\n\n"
        "asyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code) as block:
        run(block)
        live = block.locator(".timeline-live")
        expect(live.locator("text")).to_have_text("ok")
        assert live.locator("img, a").count() == 0
        assert live.locator("svg").get_attribute("onload") is None


def test_a_broken_renderer_costs_the_figure_not_the_run(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    code = (
        "import asyncio, timeline_render\n\ntimeline_render.render = None\n\n"
        "async def main():\n    await asyncio.create_task(asyncio.sleep(0.3))\n    print('ran')\n\n"
        "asyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code) as block:
        panel = run(block)
        expect(panel).to_have_attribute("data-state", "ok")
        assert block.get_by_role("log").text_content() == "ran\n"
        expect(block.locator(".timeline-live")).to_be_hidden()


def test_a_flood_of_tasks_is_capped(reader_tabs: ReaderTabs, site_url: str) -> None:
    code = (
        "import asyncio\n\nasync def main():\n"
        "    await asyncio.gather(*(asyncio.sleep(0.01) for _ in range(1000)))\n"
        "    print('done')\n\nasyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code) as block:
        panel = run(block)
        expect(panel).to_have_attribute("data-state", "ok")
        live = live_figure(block)
        expect(live.locator(".timeline__more")).to_have_text(
            re.compile(r"^\d+ more tasks not shown$")
        )
        more = int(live.locator(".timeline__more").text_content().split()[0])
        assert more + live.locator(TASK_LANES).count() == 1001


def test_code_without_asyncio_shows_no_timeline(reader_tabs: ReaderTabs, site_url: str) -> None:
    with playground(reader_tabs, site_url, "print('no tasks here')\n") as block:
        run(block)
        expect(block.locator("figure.timeline")).to_have_count(1)  # the recorded one, hidden
        expect(block.locator("figure.timeline")).to_be_hidden()
        expect(block.locator(".timeline-live")).to_be_hidden()


def test_stop_ends_an_endless_asyncio_program_and_the_next_run_draws_again(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    endless = (
        "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0.05)\n"
        "        print('tick')\n\nasyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, endless) as block:
        block.get_by_role("button", name="Run", exact=True).click()
        expect(live_figure(block)).to_be_visible(timeout=RUN_TIMEOUT)
        block.get_by_role("button", name="Stop", exact=True).click()
        expect(block.locator(".run-output")).to_have_attribute("data-state", "stopped")
        set_editor_text(
            block.page,
            block,
            (
                "import asyncio\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(0.05), "
                "asyncio.sleep(0.1))\n\nasyncio.run(main())\n"
            ),
        )
        run(block)
        expect(live_figure(block).locator(TASK_LANES)).to_have_count(3)


HIGHLIGHTED = "CSS.highlights.get('timeline-line')?.values().next().value?.toString() ?? null"
HIGHLIGHT_PAINT = """() => {
  const start = CSS.highlights.get('timeline-line').values().next().value.startContainer;
  const element = start.nodeType === Node.ELEMENT_NODE ? start : start.parentElement;
  return getComputedStyle(element, '::highlight(timeline-line)').backgroundColor;
}"""
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("path, said", [("", "line 2 printed at"), ("ko/", "2번째 줄")])
def test_a_print_mark_points_at_its_line_of_output(
    reader_tabs: ReaderTabs, site_url: str, path: str, said: str
) -> None:
    with reading(reader_tabs, site_url, path + "tasks/") as tab:
        point_at_printed_lines(tab, said, "Run" if not path else "실행")


def point_at_printed_lines(tab: ReaderTab, said: str, run_label: str) -> None:
    page = tab.page
    block = example(page, "03_tasks/gather")
    figure = block.locator(":scope > figure.timeline")
    recorded_lines = block.locator(".example-output code").text_content().splitlines()
    mark = figure.locator('.timeline__print[data-line="2"]')
    mark.focus()
    expect(figure.locator(".timeline__readout")).to_contain_text(said)
    assert page.evaluate(HIGHLIGHTED) == recorded_lines[1]
    assert page.evaluate(HIGHLIGHT_PAINT) not in TRANSPARENT  # the line is marked, not just chosen
    # A bar under the pointer says what the task did.
    figure.locator("rect.timeline__wait").first.hover()
    expect(figure.locator(".timeline__readout")).to_contain_text(
        "suspended" if run_label == "Run" else "일시 중단"
    )
    assert page.evaluate(HIGHLIGHTED) is None

    # After a run, the live figure's marks point at the lines of the run's own output.
    run(block, run_label)
    live = live_figure(block)
    live.locator('.timeline__print[data-line="1"]').focus()
    expect(live.locator(".timeline__readout")).to_contain_text(said.replace("2", "1"))
    first_line = block.get_by_role("log").text_content().splitlines()[0]
    assert page.evaluate(HIGHLIGHTED) == first_line
    assert page.evaluate(HIGHLIGHT_PAINT) not in TRANSPARENT


def test_a_figure_is_one_tab_stop_and_the_arrow_keys_move_inside(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    """Tab reaches each figure once (its first bar); the arrow keys, Home and End move between
    its bars and marks, and the readout follows; Tab then leaves the figure."""
    with reading(reader_tabs, site_url, "when-asyncio-helps/") as tab:
        move_through_a_figure(tab)


def move_through_a_figure(tab: ReaderTab) -> None:
    page = tab.page
    figures = page.locator("figure.timeline > svg")
    for i in range(figures.count()):
        assert figures.nth(i).locator('[tabindex="0"]').count() == 1
    block = example(page, "08_when_asyncio_helps/concurrent_downloads")
    figure = block.locator(":scope > figure.timeline")
    stops = figure.locator("svg [tabindex]")
    first = figure.locator('svg [tabindex="0"]')
    first.focus()
    expect(figure.locator(".timeline__readout")).to_contain_text("main(): running")
    page.keyboard.press("ArrowRight")
    expect(stops.nth(1)).to_be_focused()
    expect(stops.nth(1)).to_have_attribute("tabindex", "0")
    expect(stops.nth(0)).to_have_attribute("tabindex", "-1")
    page.keyboard.press("End")
    expect(stops.last).to_be_focused()
    expect(figure.locator(".timeline__readout")).to_contain_text("printed at")
    page.keyboard.press("Home")
    expect(stops.first).to_be_focused()
    # Tab leaves the drawing: focus goes on to the table's summary, not to its second bar.
    page.keyboard.press("Tab")
    expect(figure.locator(".timeline__table > summary")).to_be_focused()


def test_a_timeline_reads_on_a_phone(reader_tabs: ReaderTabs, site_url: str) -> None:
    """At 390 px the drawing keeps its labels at 10 px or more (it scrolls sideways instead),
    the table stacks each row's cells with their column's name, and a fast example shows its
    steps apart, by turns."""
    with reading(reader_tabs, site_url, "coroutines-vs-threads/", phone=True) as tab:
        read_a_timeline_on_a_phone(tab)


def read_a_timeline_on_a_phone(tab: ReaderTab) -> None:
    page = tab.page
    block = example(page, "06_threads/cooperative_switching")
    figure = block.locator(":scope > figure.timeline")
    figure.scroll_into_view_if_needed()
    label_px = figure.locator(".timeline__name").first.evaluate(
        "t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a"
    )
    assert label_px >= 10, f"labels are {label_px:.1f} px tall"
    bars = figure.locator(".timeline__lane").nth(3).locator("rect.timeline__run")
    xs = bars.evaluate_all("rects => rects.map(r => r.getAttribute('x'))")
    assert len(xs) == 4 and len(set(xs)) == 4, "worker A's steps are drawn apart"
    figure.locator(".timeline__table > summary").click()
    cell = figure.locator(".timeline__table td").nth(1)
    assert cell.evaluate("c => getComputedStyle(c, '::before').content") == '"Created (s): "'
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
        "the page itself does not scroll sideways"
    )


COMPARE = {
    "en": {
        "run": "Run",
        "edit": "Edit",
        "reset": "Reset",
        "live": "Your run, in the browser: Pyodide (Python 3.",
        "recorded": "Output, recorded with CPython 3.",
        "fold": "The recorded timeline",
    },
    "ko": {
        "run": "실행",
        "edit": "편집",
        "reset": "되돌리기",
        "live": "브라우저에서 실행한 결과: Pyodide(Python 3.",
        "recorded": "출력: CPython 3.",
        "fold": "기록된 타임라인",
    },
}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_your_run_beside_the_recorded_one(
    reader_tabs: ReaderTabs, site_url: str, language: str, phone: bool
) -> None:
    """After Run on the original code, the run's output and the recorded output are both shown,
    each named by the Python that printed it: side by side on a desktop, one under the other on
    a phone; the recorded timeline folds under the live one. Edited code shows only its run."""
    path = ("ko/" if language == "ko" else "") + "tasks/"
    with reading(reader_tabs, site_url, path, phone) as tab:
        compare_runs(tab, COMPARE[language], phone)


def compare_runs(tab: ReaderTab, words: dict[str, str], phone: bool) -> None:
    page = tab.page
    block = example(page, "03_tasks/create_task")
    run(block, words["run"])
    live = block.locator(".run-output")
    recorded = block.locator(".example-output > .highlight")
    expect(live.locator(".run-output__label")).to_contain_text(words["live"])
    expect(recorded).to_be_visible()
    expect(recorded.locator(".filename")).to_contain_text(words["recorded"])
    mine, theirs = live.bounding_box(), recorded.bounding_box()
    if not phone:
        assert mine["x"] + mine["width"] <= theirs["x"] and abs(mine["y"] - theirs["y"]) < 2, (
            f"not side by side: {mine} {theirs}"
        )
    else:
        assert theirs["y"] >= mine["y"] + mine["height"], f"not stacked: {mine} {theirs}"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    folded = block.locator("details.timeline-recorded")
    expect(folded.locator(":scope > summary")).to_contain_text(words["fold"])
    folded.locator(":scope > summary").click()
    expect(folded.locator("figure.timeline " + TASK_LANES)).to_have_count(3)
    expect(live_figure(block)).to_be_visible()

    block.get_by_role("button", name=words["edit"], exact=True).click()
    set_editor_text(
        page, block, block.locator(".highlight code").first.text_content() + "print()\n"
    )
    run(block, words["run"])
    expect(recorded).to_be_hidden()
    expect(folded).to_have_count(0)
    # Reset: the recorded output is back, and no edit is kept for the next reader of the tab.
    block.get_by_role("button", name=words["reset"], exact=True).click()
    expect(recorded).to_be_visible()
