"""The reader's view: Debian's Chromium clicks the real buttons on the built site."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from asyncio_notes.protocol import RUNNER_MODULE
from support.lanes import BACKGROUND
from support.reader import (
    HELLO,
    RECORDED,
    RUN_TIMEOUT,
    example,
    expect_diagram_drawn,
    expect_recorded_output,
    expect_search_answers,
    playground_with,
    python_start,
    python_workers,
    record_requests,
    run,
    runner,
    set_editor_text,
    wait_until_settled,
    watch_runner,
)
from support.tabs import ReaderTabs, playground

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path, run_label, status",
    [
        ("", "Run", "Finished in"),
        ("ko/", "실행", "만에 끝났습니다"),
    ],
)
def test_run_shows_the_recorded_output(
    reader_tabs: ReaderTabs, site_url: str, path: str, run_label: str, status: str
) -> None:
    with reader_tabs.reading(path or "en", site_url + path, afresh=True) as tab:
        block = example(tab.page, HELLO)
        panel = run(block, run_label)
        expect(panel).to_have_attribute("data-state", "ok")
        assert block.get_by_role("log").text_content() == RECORDED[HELLO]
        expect(panel.locator(".run-output__status")).to_contain_text(status)


def test_lines_arrive_while_the_program_runs(reader_tabs: ReaderTabs, site_url: str) -> None:
    with reader_tabs.reading("en", site_url, afresh=True) as tab:
        block = example(tab.page, HELLO)
        log = block.get_by_role("log")
        block.get_by_role("button", name="Run", exact=True).click()
        expect(log).to_have_text("hello\n", timeout=RUN_TIMEOUT)  # "world" comes 1 s later
        expect(log).to_have_text("hello\nworld\n", timeout=5_000)


def wait_until_drawn(block: Locator) -> None:
    """Wait until the browser has drawn `block`: an example just scrolled into view is laid out
    at a later frame (`content-visibility: auto`), keeping its placeholder height until then.
    A reader sees it drawn before pressing Run; a test may measure sooner."""
    block.page.wait_for_function(
        "(block) => block.firstElementChild.checkVisibility({contentVisibilityAuto: true})",
        arg=block.element_handle(),
    )


@BACKGROUND
def test_run_moves_nothing_below_the_example_as_it_starts_printing(
    page: Page, site_url: str
) -> None:
    # The live output comes in beside the recorded one when Run is pressed: from then on, the
    # page below must not jump (and make the browser lay it out again) while the program prints.
    page.goto(site_url + "tasks/")
    block = example(page, "03_tasks/create_task")  # prints first at 0.5 s
    block.get_by_role("button", name="Run", exact=True).scroll_into_view_if_needed()
    wait_until_drawn(block)
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".run-output")).to_be_visible()
    expect(block.get_by_role("log")).to_have_text("")  # nothing printed yet
    # Where the page below is at every frame until the run ends, and whether the example still
    # holds its height then (it lets go only once the run is over).
    frames = block.evaluate(FRAMES_UNTIL_THE_END)
    # From its first line on, the output and the live timeline fill the room the recorded ones
    # took; and the run leaves the page below where it was while it printed.
    printing = [top for top, held, printed, _ in frames if held and printed]
    assert printing, "no frame showed the program printing while the example held its height"
    assert set(printing) == {frames[-1][0]}, f"the page below moved: {frames}"
    expect(block.locator(".run-output")).to_have_attribute("data-state", "ok")
    assert block.evaluate("(block) => block.style.minHeight") == ""  # it fits its output again


FRAMES_UNTIL_THE_END = """(block) => new Promise((resolve) => {
  const top = () => block.nextElementSibling.getBoundingClientRect().top + scrollY;
  const frames = [];
  const panel = block.querySelector(".run-output");
  const sample = () => {
    const printed = block.querySelector("[role=log]").textContent;
    const live = block.querySelector(".timeline-live")?.innerHTML.length ?? 0;
    frames.push([top(), block.style.minHeight !== "", printed, live]);
    if (/^(ok|error|stopped)$/.test(panel.dataset.state)) resolve(frames);
    else requestAnimationFrame(sample);
  };
  sample();
})"""


@BACKGROUND
def test_stop_ends_an_endless_loop_and_the_next_run_works(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    endless = "print('looping')\nwhile True:\n    pass\n"
    with playground(reader_tabs, site_url, endless) as block:
        block.get_by_role("button", name="Run", exact=True).click()
        expect(block.get_by_role("log")).to_have_text("looping\n", timeout=RUN_TIMEOUT)
        # The page itself stays usable while Python loops in its worker: a search answers.
        expect_search_answers(block.page)
        expect(block.locator(".run-output")).to_have_attribute("data-state", "running")
        block.get_by_role("button", name="Stop", exact=True).click()
        expect(block.locator(".run-output")).to_have_attribute("data-state", "stopped")
        set_editor_text(block.page, block, "print('fresh start')\n")
        run(block)
        assert block.get_by_role("log").text_content() == "fresh start\n"


@BACKGROUND
def test_run_by_keyboard_moves_the_focus_to_stop_and_back(
    reader_tabs: ReaderTabs, site_url: str
) -> None:
    code = "import asyncio\nasyncio.run(asyncio.sleep(60))\n"
    with playground(reader_tabs, site_url, code) as block:
        run_button = block.get_by_role("button", name="Run", exact=True)
        stop_button = block.get_by_role("button", name="Stop", exact=True)
        run_button.focus()
        block.page.keyboard.press("Enter")
        expect(stop_button).to_be_focused()  # Run is disabled while the program runs
        toolbar = block.get_by_role("toolbar")
        assert toolbar.get_by_role("button").last.text_content() == "Stop"  # shifts no button
        block.page.keyboard.press("Enter")
        expect(block.locator(".run-output")).to_have_attribute("data-state", "stopped")
        expect(run_button).to_be_focused()


@BACKGROUND
def test_edit_run_reload_reset(page: Page, site_url: str) -> None:
    page.goto(site_url)
    block = example(page, HELLO)
    block.get_by_role("button", name="Edit", exact=True).click()
    set_editor_text(page, block, "print('edited')\n")
    run(block)
    assert block.get_by_role("log").text_content() == "edited\n"

    page.reload()
    block = example(page, HELLO)
    expect(block.locator(".cm-content")).to_have_text("print('edited')")
    expect(block.locator(".runner-notice")).to_contain_text("You edited this example")
    expect(block.locator(".example-output .highlight")).to_be_hidden()  # not this code's output
    expect(block.locator(".runner-not-run")).to_be_visible()

    block.get_by_role("button", name="Reset", exact=True).click()
    expect(block.locator(".runner-not-run")).to_be_hidden()
    expect(block.locator(".cm-content")).to_have_count(0)
    expect(block.locator(".highlight").first).to_be_visible()
    expect(block.locator(".example-output .highlight code")).to_have_text(RECORDED[HELLO])
    page.reload()
    expect(example(page, HELLO).locator(".cm-content")).to_have_count(0)


def test_asyncio_run_without_stack_switching(reader_tabs: ReaderTabs, site_url: str) -> None:
    # ?jspi=off hides WebAssembly.Suspending in the worker, as in Safari or older Firefox.
    code = (
        "import asyncio\nfrom pyodide.ffi import can_run_sync\n\n"
        "async def main():\n    await asyncio.sleep(0.1)\n    print('stack switching:', can_run_sync())\n\n"
        "if __name__ == '__main__':\n    asyncio.run(main())\n"
    )
    with playground(reader_tabs, site_url, code, "?jspi=off") as block:
        run(block)
        assert block.get_by_role("log").text_content() == "stack switching: False\n"


@pytest.mark.parametrize("query, expected", [("", "True"), ("?jspi=off", "False")])
def test_old_style_event_loop_with_and_without_stack_switching(
    reader_tabs: ReaderTabs, site_url: str, query: str, expected: str
) -> None:
    code = (
        "import asyncio\nfrom pyodide.ffi import can_run_sync\n\nprint(can_run_sync())\n\n"
        "async def main():\n    await asyncio.sleep(0.1)\n    return 'done'\n\n"
        "loop = asyncio.new_event_loop()\nprint(loop.run_until_complete(main()))\nloop.close()\n"
    )
    with playground(reader_tabs, site_url, code, query) as block:
        run(block)
        assert block.get_by_role("log").text_content() == f"{expected}\ndone\n"


@BACKGROUND
def test_a_thread_gets_an_explanation(reader_tabs: ReaderTabs, site_url: str) -> None:
    code = "import threading\nthreading.Thread(target=print).start()\n"
    with playground(reader_tabs, site_url, code) as block:
        panel = run(block)
        expect(panel).to_have_attribute("data-state", "error")
        expect(panel.locator(".run-output__hint")).to_contain_text("cannot start threads")
        expect(panel.locator(".run-output__stderr")).to_contain_text("can't start new thread")


@BACKGROUND
def test_traceback_shows_the_readers_code(reader_tabs: ReaderTabs, site_url: str) -> None:
    with playground(reader_tabs, site_url, "def f():\n    return 1 / 0\n\nf()\n") as block:
        panel = run(block)
        stderr = panel.locator(".run-output__stderr").text_content()
        assert 'File "starter.py", line 4' in stderr and "ZeroDivisionError" in stderr
        assert RUNNER_MODULE not in stderr and "pyodide" not in stderr


@BACKGROUND
def test_shared_link_loads_the_code_and_does_not_run_it(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    block = playground_with(page, site_url, "print('<b>shared</b> 한국어')\n")
    block.get_by_role("button", name="Share", exact=True).click()
    expect(block.locator(".runner-notice")).to_have_text("Link copied")
    # The clipboard, not the address bar: Material's anchor tracking rewrites the address's
    # fragment whenever the page scrolls (CI caught it clearing #code= after the click).
    shared = page.evaluate("navigator.clipboard.readText()")
    assert "/playground/#code=" in shared

    other = page.context.browser.new_context().new_page()
    watch_runner(other)
    other.goto(shared)
    block = other.locator("[data-playground] .example")
    expect(block.locator(".cm-content")).to_have_text("print('<b>shared</b> 한국어')")
    expect(block.locator(".runner-notice")).to_contain_text("shared link")
    wait_until_settled(other)  # a run the link started would have begun by then
    expect(block.locator(".run-output")).to_be_hidden()
    assert runner(other)["workers"] == 0 and not python_workers(other), (
        "a shared link started Python"
    )
    # The default program's recorded output and timeline are not this code's.
    expect(block.locator(".example-output .highlight")).to_be_hidden()
    expect(block.locator(".timeline")).to_be_hidden()
    expect(block.locator(".runner-not-run")).to_have_text(
        "This code has not run yet: press Run to see what it prints."
    )
    panel = run(block)
    assert block.get_by_role("log").text_content() == "<b>shared</b> 한국어\n"
    assert panel.locator("b").count() == 0
    expect(block.locator(".runner-not-run")).to_be_hidden()
    other.context.close()


@BACKGROUND
def test_no_pyodide_before_intent(page: Page, site_url: str) -> None:
    requested = record_requests(page)
    watch_runner(page)
    page.goto(site_url)
    wait_until_settled(page)  # all the page's load set going has run: none of it starts Python
    assert not [url for url in requested if "/vendor/pyodide/" in url or "/vendor/editor" in url]
    assert runner(page)["workers"] == 0, "Python started before the reader showed intent"
    with page.expect_worker(lambda worker: "/runner/worker.js" in worker.url):
        example(page, HELLO).get_by_role("button", name="Run", exact=True).hover()
    assert len(python_workers(page)) == 1, "the pointer on Run (intent) starts Python"
    assert runner(page)["workers"] == 1


@BACKGROUND
def test_a_returning_reader_finds_python_started(page: Page, site_url: str) -> None:
    watch_runner(page)
    page.goto(site_url)
    assert not python_workers(page)
    run(example(page, HELLO))  # a reader who has run a program here
    page.goto(site_url + "tasks/")  # a full page load, not instant navigation
    # Python comes up with no Run pressed (what the worker says once it is up).
    page.wait_for_function("() => window.__runner.ready > 0", timeout=RUN_TIMEOUT)
    assert python_start(page), "Python did not start for a returning reader"
    panel = run(example(page, "03_tasks/create_task"))
    expect(panel).to_have_attribute("data-state", "ok")

    page.goto(site_url + "event-loop/?prestart=off")  # the switch the benchmark uses
    wait_until_settled(page)  # when a returning reader's Python starts (once the page is idle)
    assert runner(page)["workers"] == 0, "?prestart=off still started Python"


@BACKGROUND
def test_runtime_survives_instant_navigation(page: Page, site_url: str) -> None:
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_url)
    run(example(page, HELLO))
    page.locator("nav.md-nav a", has_text="Playground").first.click()
    expect(page).to_have_url(re.compile("/playground/$"))
    block = page.locator("[data-playground] .example")
    expect(block.locator(".cm-content")).to_be_visible()
    panel = run(block)
    expect(panel).to_have_attribute("data-state", "ok")
    assert len([url for url in workers if "/runner/worker.js" in url]) == 1, (
        "Python was started again after instant navigation"
    )


@BACKGROUND
def test_language_switch_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("nav.md-nav a", has_text="Playground").first.click()
    expect(page).to_have_url(re.compile("/playground/$"))
    link = page.locator('a.md-select__link[hreflang="ko"]')
    expect(link).to_have_attribute("href", re.compile("/ko/playground/$"))
    page.goto(page.url + "#tips")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="ko"]').click()
    expect(page).to_have_url(re.compile("/ko/playground/#tips$"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator('a.md-select__link[hreflang="en"]')).to_have_attribute(
        "href", re.compile(r"127\.0\.0\.1:\d+/playground/#tips$")
    )


@BACKGROUND
def test_a_diagram_is_drawn_when_the_reader_nears_it(page: Page, site_url: str) -> None:
    requested = record_requests(page)
    page.goto(site_url + "futures/")  # its diagram is screens below the top
    wait_until_settled(page)  # by then a diagram near the screen is queued (data-drawing)
    expect(page.locator("pre.diagram[data-drawing], pre.diagram[data-rendered]")).to_have_count(0)
    assert not [url for url in requested if "/vendor/mermaid/" in url], "Mermaid before a diagram"
    diagram = expect_diagram_drawn(page)
    light = diagram.inner_html()
    assert light.startswith("<svg")
    page.get_by_title("Switch to dark mode").click()
    redrawn = """(light) => {
      const diagram = document.querySelector("pre.diagram");
      return diagram.innerHTML !== light && "rendered" in diagram.dataset;
    }"""
    page.wait_for_function(redrawn, arg=light)


SENT_PREPARE = """
  window.__prepared = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.type === "prepare") __prepared.push(message.programs.map((p) => p.filename));
    return post.call(this, message, ...rest);
  };
"""
PAGE_FILENAMES = """() => [...document.querySelectorAll(".example[data-example]")]
  .map((block) => block.dataset.example.split("/").pop() + ".py")"""


def test_a_running_python_compiles_the_next_pages_examples_ahead(page: Page, site_url: str) -> None:
    page.add_init_script(SENT_PREPARE)
    watch_runner(page)
    page.goto(site_url + "ko/coroutines/?prestart=off")
    wait_until_settled(page)  # the page has asked to compile its programs, and the idle moment
    # the sending waits for has come: with no Python started, nothing was sent to one.
    assert runner(page)["workers"] == 0, "Python started without the reader"
    assert page.evaluate("__prepared") == [], "sent to a Python the reader did not start"
    run(page.locator(".example").first, "실행")
    page.wait_for_function("() => __prepared.length === 1")
    assert page.evaluate("__prepared[0]") == page.evaluate(PAGE_FILENAMES)

    page.locator('.md-nav a[href$="/ko/event-loop/"]').first.click()  # instant navigation
    expect(page).to_have_url(re.compile("/ko/event-loop/"))
    page.wait_for_function("() => __prepared.length === 2")
    expected = page.evaluate(PAGE_FILENAMES)
    assert "take_turns.py" in expected and page.evaluate("__prepared[1]") == expected
    block = example(page, "05_event_loop/take_turns")
    block.get_by_role("button", name="실행", exact=True).click()
    expect_recorded_output(block, "05_event_loop/take_turns")


LAYOUT_TRACE = ["devtools.timeline", "disabled-by-default-devtools.timeline.invalidationTracking"]


@BACKGROUND
def test_a_page_load_lays_out_no_example_out_of_view(
    browser: Browser, page: Page, site_url: str
) -> None:
    """Examples out of view are left unstyled and unlaid (`content-visibility: auto`); setting
    up the page must not make the browser lay them out anyway (a text field put in each did)."""
    browser.start_tracing(page=page, categories=LAYOUT_TRACE)
    page.goto(site_url)  # every example is below the first screen
    wait_until_settled(page)  # the page's set-up is done, up to its first idle moment
    events = json.loads(browser.stop_tracing())["traceEvents"]
    reasons = [
        event["args"]["data"].get("reason")
        for event in events
        if event.get("name") == "StyleRecalcInvalidationTracking"
    ]
    assert reasons, "the trace says nothing about restyles: the check would prove nothing"
    forced = reasons.count("DisplayLock")
    assert forced == 0, f"{forced} restyles of examples out of view during the page's set-up"
    material_copy = ".md-code__button[data-md-type=copy]"
    assert page.locator(f".example {material_copy}").count() == 0, "code set up out of view"
    block = example(page, HELLO)
    block.scroll_into_view_if_needed()
    expect(block.locator(f":scope > .highlight {material_copy}")).to_have_count(1)  # once near
