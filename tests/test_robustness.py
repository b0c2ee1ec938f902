"""Whatever a reader types, the page keeps working: endless loops, floods of output, errors,
crashes, input(), what a browser cannot do, and hostile output, each clicked through the real
Playground in Debian's Chromium.

Most tests share one Playground page, since each start of Python costs seconds; the tests that
crash Python on purpose check that the next Run starts a fresh one."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from asyncio_notes.protocol import MAX_OUTPUT_CHARS, RUNNER_MODULE
from support.lanes import BACKGROUND, patient
from support.reader import (
    FINISHED,
    RUN_TIMEOUT,
    close_search,
    expect_recorded_output,
    expect_search_answers,
    page_error,
    python_workers,
    runner,
    search_box,
    set_editor_text,
    wait_until_settled,
    watch_runner,
)

pytestmark = pytest.mark.browser

KEPT = MAX_OUTPUT_CHARS  # characters one run sends to the page (protocol.js)
FLOOD_TIMEOUT = 120_000
# What keeps the page usable in a flood does not depend on the machine's speed: the panel puts
# at most this many characters on the page in one task, in blocks no longer than this, so each
# task lays out little. (Time limits fail on a loaded machine: budgets are `make bench`'s.)
MAX_DRAWN_AT_ONCE = 10_000
MAX_BLOCK = 10_000
FRAME_MS = 16  # Playwright's clock runs the page's animation frames every 16 ms

WATCH_OUTPUT = """
window.__drawn = []; // characters put into output panels, per task
// Output is only ever appended (or cleared for a new run), so what one task drew is how much the
// panels' text grew since the last task.
let shown = 0;
new MutationObserver(() => {
  let now = 0;
  for (const log of document.querySelectorAll(".run-output__log")) now += log.textContent.length;
  if (now > shown) window.__drawn.push(now - shown);
  shown = now;
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


@dataclass
class Playground:
    """The Playground page shared by the tests of this module."""

    page: Page
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def block(self) -> Locator:
        return self.page.locator("[data-playground] .example")

    @property
    def panel(self) -> Locator:
        return self.block.locator(".run-output")

    @property
    def log(self) -> Locator:
        return self.block.get_by_role("log")

    def set_code(self, code: str) -> None:
        self.block.locator(".cm-content").click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(code)

    def start(self, code: str) -> None:
        """Put `code` in the editor and press Run."""
        self.set_code(code)
        self.block.get_by_role("button", name="Run", exact=True).click()

    def run(self, code: str, timeout: float = RUN_TIMEOUT) -> Locator:
        """Run `code` to its end; returns the output panel."""
        self.start(code)
        expect(self.panel).to_have_attribute("data-state", FINISHED, timeout=timeout)
        return self.panel

    def stderr(self) -> str:
        return "".join(self.panel.locator(".run-output__stderr").all_text_contents())

    def most_drawn_at_once(self) -> int:
        """The most output characters one task has put on the page since the last call."""
        return max(self.page.evaluate("window.__drawn.splice(0)"), default=0)

    def longest_block(self) -> int:
        return max(map(len, self.panel.locator(".run-output__block").all_text_contents()))

    def drawn(self) -> int:
        """Characters of output on the page."""
        return self.log.evaluate("log => log.textContent.length")

    @contextmanager
    def frames_held(self) -> Iterator[None]:
        """Stop the page's clock (Playwright's, installed by the fixture): the page's timers and
        animation frames wait, so output is drawn only on the frames the test lets pass with
        `page.clock.run_for`; Python's worker is not the page and runs on. Its time flows again
        afterwards."""
        # A second ahead of the page's time (the clock cannot go back), in seconds as Python's
        # Playwright takes them.
        self.page.clock.pause_at(self.page.evaluate("Date.now() / 1000") + 1)
        try:
            yield
        finally:
            self.page.clock.resume()

    def expect_fresh_python(self) -> None:
        """The next Run works, printing what it should."""
        self.run("print('fresh start')\n")
        expect(self.panel).to_have_attribute("data-state", "ok")
        assert self.log.text_content() == "fresh start\n"


def open_playground(browser: Browser, site_url: str, query: str = "") -> Iterator[Playground]:
    """The Playground in a tab of its own (`query`: the page's switches), watched for errors,
    dialogs and the output it draws."""
    context = browser.new_context()
    page = context.new_page()
    playground = Playground(page)
    page.on("pageerror", lambda error: playground.errors.append(page_error(error)))

    def dismiss(dialog) -> None:
        playground.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.add_init_script(WATCH_OUTPUT)
    watch_runner(page)
    page.clock.install()  # flows as time does, until a test holds it (Playground.frames_held)
    page.goto(site_url + "playground/" + query)
    expect(playground.block.locator(".cm-content")).to_be_visible()
    yield playground
    context.close()


def for_one_test(shared: Playground) -> Iterator[Playground]:
    """A shared Playground for one test, which fails on a JavaScript error or a dialog it caused."""
    shared.errors.clear()
    shared.dialogs.clear()
    yield shared
    assert not shared.errors, f"JavaScript errors in the page: {shared.errors}"
    assert not shared.dialogs, f"the page opened dialogs: {shared.dialogs}"


@pytest.fixture(scope="module")
def playground_page(browser: Browser, site_url: str) -> Iterator[Playground]:
    yield from open_playground(browser, site_url)


@pytest.fixture(scope="module")
def playground_page_without_jspi(browser: Browser, site_url: str) -> Iterator[Playground]:
    yield from open_playground(browser, site_url, "?jspi=off")


@pytest.fixture
def playground(playground_page: Playground) -> Iterator[Playground]:
    """The Playground the module's tests share."""
    yield from for_one_test(playground_page)


@pytest.fixture
def playground_without_jspi(playground_page_without_jspi: Playground) -> Iterator[Playground]:
    """The Playground the module's tests share, in a browser without stack switching."""
    yield from for_one_test(playground_page_without_jspi)


# ── Endless loops and floods ─────────────────────────────────────────────────────────────


@BACKGROUND
def test_endless_print_loop_keeps_the_page_usable_and_stop_ends_it(
    playground: Playground,
) -> None:
    # (`while True: pass` is tested in test_browser.py.)
    playground.most_drawn_at_once()
    playground.start("n = 0\nwhile True:\n    n += 1\n    print('spam', n)\n")
    expect(playground.log).to_contain_text("spam 1\n", timeout=RUN_TIMEOUT)
    expect_search_answers(playground.page)  # the reader searches the site during the flood
    # Far more output than one task may draw reaches the page, and the run goes on.
    expect(playground.log).to_contain_text("spam 5000\n")
    expect(playground.panel).to_have_attribute("data-state", "running")
    assert playground.most_drawn_at_once() <= MAX_DRAWN_AT_ONCE
    playground.block.get_by_role("button", name="Stop", exact=True).click()
    expect(playground.panel).to_have_attribute("data-state", "stopped")
    playground.expect_fresh_python()


def test_an_endless_run_left_behind_does_not_block_the_next_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "tasks/")
    block = page.locator(".example[data-example]").first
    block.get_by_role("button", name="Edit", exact=True).click()
    set_editor_text(page, block, "print('looping')\nwhile True:\n    pass\n")
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.get_by_role("log")).to_have_text("looping\n", timeout=RUN_TIMEOUT)
    page.locator("nav.md-nav a", has_text="Playground").first.click()  # instant navigation
    playground = page.locator("[data-playground] .example")
    expect(playground.locator(".cm-content")).to_be_visible()
    playground.get_by_role("button", name="Run", exact=True).click()
    expect_recorded_output(playground, "00_playground/starter")


@BACKGROUND
@pytest.mark.parametrize(
    "code, expected",
    [
        pytest.param(
            "for i in range(1_000_000):\n    print(i)\n",
            "".join(f"{i}\n" for i in range(1_000_000)),
            id="a-million-lines",
        ),
        pytest.param("print('x' * 50_000_000)\n", "x" * 50_000_000 + "\n", id="a-50-MB-line"),
    ],
)
def test_output_flood_is_cut_and_the_page_stays_usable(
    playground: Playground, code: str, expected: str
) -> None:
    page = playground.page
    playground.set_code(code)
    playground.most_drawn_at_once()
    runs_ended = runner(page)["done"]
    with playground.frames_held():
        playground.block.get_by_role("button", name="Run", exact=True).click()
        # Python runs to its end: the page has taken all the output it sent, none drawn yet.
        page.wait_for_function(
            "(ended) => window.__runner.done > ended", arg=runs_ended, timeout=FLOOD_TIMEOUT
        )
        # The reader searches the site between two frames of the flood.
        results = search_box(page, "cancel")
        page.clock.run_for(FRAME_MS)  # a frame: a first part is drawn, and Material reads the query
        expect(results.first).to_be_visible()
        drawn = playground.drawn()
        assert 0 < drawn < KEPT, f"the search was answered with {drawn:,} characters drawn"
        expect(playground.panel).to_have_attribute("data-state", "running")
        close_search(page)
    # The page's frames come again: the rest of the flood is drawn, and the run ends.
    expect(playground.panel).to_have_attribute("data-state", "ok", timeout=FLOOD_TIMEOUT)
    shown = "".join(playground.panel.locator(".run-output__stdout").all_text_contents())
    # The first lines, whole: cut at the last line end within the cap (a single longer line is
    # cut at the cap).
    kept = expected.rfind("\n", 0, KEPT) + 1 or KEPT
    assert shown == expected[:kept], "the panel keeps the first lines, in order"
    note = playground.panel.locator(".run-output__cut").text_content()
    assert note == f"… {len(expected) - kept:,} more characters not shown"
    assert playground.most_drawn_at_once() <= MAX_DRAWN_AT_ONCE
    assert playground.longest_block() <= MAX_BLOCK


# ── Errors ───────────────────────────────────────────────────────────────────────────────


@BACKGROUND
@pytest.mark.parametrize(
    "code, line, error",
    [
        ("x = 1\nprint(x\ny = 2\n", 2, "SyntaxError: '(' was never closed"),
        ("def f():\nreturn 1\n", 2, "IndentationError: expected an indented block"),
        (
            "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n"
            "    raise ValueError('boom')\n\n\nasyncio.run(main())\n",
            6,
            "ValueError: boom",
        ),
    ],
    ids=["syntax", "indentation", "exception-in-a-coroutine"],
)
def test_errors_point_at_the_readers_line(
    playground: Playground, code: str, line: int, error: str
) -> None:
    panel = playground.run(code)
    expect(panel).to_have_attribute("data-state", "error")
    stderr = playground.stderr()
    assert f'File "starter.py", line {line}' in stderr and error in stderr
    assert RUNNER_MODULE not in stderr and "/lib/python" not in stderr, stderr


@BACKGROUND
def test_recursion_error_is_a_clear_traceback(playground: Playground) -> None:
    panel = playground.run("def f(n):\n    return f(n + 1)\n\n\nf(0)\n")
    expect(panel).to_have_attribute("data-state", "error")
    stderr = playground.stderr()
    assert "RecursionError: maximum recursion depth exceeded" in stderr
    assert "[Previous line repeated" in stderr and len(stderr) < 2_000
    assert RUNNER_MODULE not in stderr
    playground.expect_fresh_python()


@BACKGROUND
@pytest.mark.parametrize(
    "code, error",
    [
        ("data = bytearray(4 * 1024**3)\n", "OverflowError"),  # 4 GB: more than 32-bit sizes hold
        ("data = bytearray(2 * 1024**3 - 1)\n", "MemoryError"),
    ],
    ids=["4-GB", "2-GB"],
)
def test_memory_errors_are_explained(playground: Playground, code: str, error: str) -> None:
    panel = playground.run(code)
    expect(panel).to_have_attribute("data-state", "error")
    assert error in playground.stderr()
    expect(panel.locator(".run-output__hint")).to_contain_text("at most 4 GB of memory")
    playground.expect_fresh_python()


@BACKGROUND
@pytest.mark.parametrize(
    "code, hint",
    [
        ("import os\n\nprint('bye')\nos._exit(3)\n", "os._exit() ends Python itself"),
        (
            "import sys\n\nsys.setrecursionlimit(100_000)\n\n\ndef f(n):\n    return f(n + 1)\n\n\n"
            "f(0)\n",
            "deeper than the browser's stack allows",
        ),
        ("import js\n\nprint('bye')\njs.close()\n", "the worker was closed"),
    ],
    ids=["os-exit", "stack-overflow", "worker-closed"],
)
def test_a_crashed_python_is_explained_and_replaced(
    playground: Playground, code: str, hint: str
) -> None:
    panel = playground.run(code)
    expect(panel).to_have_attribute("data-state", "error")
    expect(panel.locator(".run-output__status")).to_contain_text("Python stopped unexpectedly")
    expect(panel.locator(".run-output__hint")).to_contain_text(hint)
    assert "Stack (most recent call first)" not in playground.log.text_content()
    playground.expect_fresh_python()


@BACKGROUND
def test_a_program_printing_a_stack_header_is_shown_in_full(playground: Playground) -> None:
    # The runner holds back what follows Pyodide's crash header; a program that prints the same
    # words itself must still see all of its output.
    code = (
        "import faulthandler\nimport sys\n\nprint('Stack (most recent call first):')\n"
        "print('still here')\nfaulthandler.dump_traceback(sys.stdout, all_threads=False)\n"
    )
    playground.run(code)
    expect(playground.panel).to_have_attribute("data-state", "ok")
    log = playground.log.text_content()
    assert log.startswith("Stack (most recent call first):\nstill here\nStack (most recent")
    assert 'File "starter.py", line 6' in log


# ── Input ────────────────────────────────────────────────────────────────────────────────


@BACKGROUND
def test_input_reads_a_line_typed_into_the_panel(playground: Playground) -> None:
    playground.start("name = input('Your name? ')\nprint(f'Hello, {name}!')\n")
    field = playground.panel.get_by_role("textbox")
    expect(field).to_be_focused(timeout=RUN_TIMEOUT)
    expect(playground.log).to_have_text("Your name? ")
    field.fill("Ada <b>")
    field.press("Enter")
    expect(playground.panel).to_have_attribute("data-state", "ok")
    assert playground.log.text_content() == "Your name? Ada <b>\nHello, Ada <b>!\n"
    expect(field).to_be_hidden()


@BACKGROUND
def test_end_of_input_is_an_eof_error(playground: Playground) -> None:
    playground.start(
        "import sys\n\nprint(sys.stdin.readline().upper(), end='')\n"
        "print(repr(sys.stdin.read()))\ninput()\n"
    )
    field = playground.panel.get_by_role("textbox")
    expect(field).to_be_focused(timeout=RUN_TIMEOUT)
    field.fill("first")
    field.press("Enter")
    expect(field).to_be_focused()
    field.fill("second")
    field.press("Enter")
    field.press("ControlOrMeta+d")
    expect(playground.panel).to_have_attribute("data-state", "error")
    assert playground.log.text_content().startswith("first\nFIRST\nsecond\n^D\n'second\\n'\n")
    assert "EOFError: EOF when reading a line" in playground.stderr()


@BACKGROUND
def test_input_without_stack_switching_is_explained(playground_without_jspi: Playground) -> None:
    playground = playground_without_jspi
    panel = playground.run("name = input('Your name? ')\nprint(name)\n")
    expect(panel).to_have_attribute("data-state", "error")
    assert "EOFError: this browser cannot pause Python to wait for input" in playground.stderr()
    expect(panel.locator(".run-output__hint")).to_contain_text("input() and sys.stdin end")


# ── What a browser cannot do ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "code, error, hint",
    [
        ("import subprocess\n\nsubprocess.run(['ls'])\n", "OSError", "cannot start other programs"),
        ("import os\n\nprint(os.system('ls'))\n", "OSError", "cannot start other programs"),
        (
            "import multiprocessing\n\nmultiprocessing.Process(target=print).start()\n",
            "ModuleNotFoundError",
            "cannot start other programs",
        ),
        (
            "import socket\n\nsocket.create_connection(('example.com', 80))\n",
            "OSError",
            "cannot open network sockets",
        ),
        (
            "import urllib.request\n\nurllib.request.urlopen('http://example.com')\n",
            "URLError",
            "cannot open network sockets",
        ),
        (
            "import asyncio\n\n\nasync def main():\n    await asyncio.open_connection('example.com', 80)"
            "\n\n\nasyncio.run(main())\n",
            "NotImplementedError",
            "cannot open network sockets",
        ),
    ],
    ids=["subprocess", "os-system", "multiprocessing", "socket", "urllib", "open-connection"],
)
@BACKGROUND
def test_what_a_browser_cannot_do_is_explained(
    playground: Playground, code: str, error: str, hint: str
) -> None:
    panel = playground.run(code)
    expect(panel).to_have_attribute("data-state", "error")
    assert f"{error}: " in playground.stderr()
    expect(panel.locator(".run-output__hint")).to_contain_text(hint)


@BACKGROUND
def test_files_written_are_said_to_live_in_memory(playground: Playground) -> None:
    panel = playground.run("with open('notes.txt', 'w') as f:\n    f.write('kept in memory')\n")
    expect(panel).to_have_attribute("data-state", "ok")
    expect(panel.locator(".run-output__hint")).to_contain_text("not on your disk")
    panel = playground.run("print(open('notes.txt').read())\n")
    assert playground.log.text_content() == "kept in memory\n"
    expect(panel.locator(".run-output__hint")).to_be_hidden()


# ── Hostile output ───────────────────────────────────────────────────────────────────────

HOSTILE = "<img src=x onerror=alert(1)>"


@BACKGROUND
def test_printed_markup_is_shown_as_text(playground: Playground) -> None:
    code = (
        f"print({HOSTILE!r})\nprint('<script>alert(2)</script>')\nraise ValueError({HOSTILE!r})\n"
    )
    panel = playground.run(code)
    log = playground.log.text_content()
    assert log.startswith(f"{HOSTILE}\n<script>alert(2)</script>\n")
    assert f"ValueError: {HOSTILE}" in log
    assert panel.locator("img, script").count() == 0
    # Nor anywhere else: with no such image on the page, no onerror handler of one can fire.
    expect(playground.page.locator("img[src='x']")).to_have_count(0)


def share_fragment(code: str) -> str:
    """The `#code=` fragment playground.js makes: URL-safe base64 of UTF-8, unpadded."""
    return "#code=" + base64.urlsafe_b64encode(code.encode()).decode().rstrip("=")


HOSTILE_CODE = f"print({HOSTILE!r})</script>{HOSTILE.replace('1', '2')}\n"


@BACKGROUND
@pytest.mark.parametrize(
    "fragment, shown",
    [
        # Code that would inject markup, and run it, if anything ran it or parsed it as HTML.
        (share_fragment(HOSTILE_CODE), HOSTILE_CODE.rstrip("\n")),
        ("#code=%%%not-base64<img src=x onerror=alert(3)>", None),  # damaged: the starter code
    ],
    ids=["hostile-code", "damaged-link"],
)
def test_a_shared_link_cannot_run_code_or_inject_markup(
    browser: Browser, site_url: str, fragment: str, shown: str | None
) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(page_error(error)))
    watch_runner(page)
    page.goto(site_url + "playground/" + fragment)
    block = page.locator("[data-playground] .example")
    if shown is None:
        expect(block.locator(".cm-content")).to_contain_text("import asyncio")
        expect(block.locator(".runner-notice")).to_be_hidden()
    else:
        expect(block.locator(".cm-content")).to_have_text(shown)
        expect(block.locator(".runner-notice")).to_contain_text("shared link")
    wait_until_settled(page)  # what the page's load set going, a run or markup, has happened
    assert page.locator("img[src='x']").count() == 0
    expect(block.locator(".run-output")).to_be_hidden()
    assert runner(page)["workers"] == 0 and not python_workers(page), "a shared link started Python"
    assert not dialogs and not errors
    context.close()


@BACKGROUND
@pytest.mark.parametrize(
    "call",
    [
        "asyncio.run(main())",
        "loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())",
        "asyncio.get_event_loop().run_until_complete(main())",
    ],
    ids=["asyncio-run", "new-loop", "get-event-loop"],
)
def test_asyncio_run_inside_a_function_without_stack_switching(
    playground_without_jspi: Playground, call: str
) -> None:
    # Only module-level asyncio.run() can become an await; inside a function, a browser without
    # stack switching cannot run it, and the failed attempt would leave Pyodide's event loop in a
    # state that hangs every later Run in that Python: the next Run here must work.
    playground = playground_without_jspi
    panel = playground.run(
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
        f"    print('slept')\n\n\ndef start():\n    {call}\n\n\n"
        "start()\n"
    )
    expect(panel).to_have_attribute("data-state", "error")
    expect(panel.locator(".run-output__hint")).to_contain_text("stack switching")
    playground.run(
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
        "    print('slept')\n\n\nasyncio.run(main())\n",
        timeout=patient(20_000),
    )
    expect(panel).to_have_attribute("data-state", "ok")
    assert playground.log.text_content() == "slept\n"


# (A second event loop run inside a function, `new_event_loop().run_until_complete()`, runs
# but Pyodide's own loop then logs "is not the running loop": a limit of Pyodide, not tested.)
@BACKGROUND
@pytest.mark.parametrize(
    "call",
    [
        "asyncio.run(main())",
        "asyncio.get_event_loop().run_until_complete(main())",
    ],
    ids=["asyncio-run", "get-event-loop"],
)
def test_asyncio_run_inside_a_function_with_stack_switching(
    playground: Playground, call: str
) -> None:
    panel = playground.run(
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
        f"    print('slept')\n\n\ndef start():\n    {call}\n\n\nstart()\n"
    )
    expect(panel).to_have_attribute("data-state", "ok")
    assert playground.log.text_content() == "slept\n"
