"""Every documented way to run an event loop, in the Playground, with and without WebAssembly
stack switching (JSPI): it prints what CPython prints, or, where the browser cannot block on the
loop, ends with the explanation that says so; never with the runner's own files or frames."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from asyncio_notes.protocol import JUDGE_MODULE, RUNNER_MODULE
from support.reader import run, set_editor_text
from support.tabs import ReaderTabs

pytestmark = pytest.mark.browser

WORK = """import asyncio


async def work(n):
    await asyncio.sleep(0.01)
    return n * 10

"""

ENTRY_POINTS = {
    "asyncio.run": WORK + "print(asyncio.run(work(1)))\n",
    "asyncio.run in a function": WORK
    + "def main():\n    print(asyncio.run(work(2)))\n\n\nif __name__ == '__main__':\n    main()\n",
    "asyncio.Runner, several runs": WORK + "with asyncio.Runner() as runner:\n"
    "    print(runner.run(work(1)))\n"
    "    print(runner.run(work(2)))\n",
    "new_event_loop + run_until_complete": WORK + "loop = asyncio.new_event_loop()\n"
    "asyncio.set_event_loop(loop)\n"
    "try:\n"
    "    print(loop.run_until_complete(work(3)))\n"
    "finally:\n"
    "    loop.close()\n",
    "run_forever + stop": WORK + "loop = asyncio.new_event_loop()\n"
    "loop.call_soon(print, 'tick')\n"
    "loop.call_later(0.02, loop.stop)\n"
    "loop.run_forever()\n"
    "loop.close()\n"
    "print('stopped')\n",
    "asyncio.Runner in a function": WORK + "def main():\n"
    "    with asyncio.Runner() as runner:\n"
    "        print(runner.run(work(5)))\n"
    "        print(runner.run(work(6)))\n\n\n"
    "main()\n",
    "set_event_loop + run_until_complete in a function": WORK + "def main():\n"
    "    loop = asyncio.new_event_loop()\n"
    "    asyncio.set_event_loop(loop)\n"
    "    print(loop.run_until_complete(work(7)))\n"
    "    loop.close()\n\n\n"
    "main()\n",
    "run_forever, stopped through the running loop": WORK + "loop = asyncio.new_event_loop()\n"
    "loop.call_soon(lambda: asyncio.get_running_loop().stop())\n"
    "loop.run_forever()\n"
    "print('stopped')\n",
    "run_forever on a Runner's loop": WORK + "with asyncio.Runner() as runner:\n"
    "    print(runner.run(work(8)))\n"
    "    runner.get_loop().call_later(0.01, runner.get_loop().stop)\n"
    "    runner.get_loop().run_forever()\n"
    "print('stopped')\n",
    "top-level await": WORK + "print(await work(4))\n",
}
"""Programs as a reader would write them; top-level `await` is not valid in a CPython file, so
its expected output is the same program's under `python -m asyncio`'s rules (the value)."""

BLOCKING = {
    "asyncio.run in a function",
    "asyncio.Runner in a function",
    "set_event_loop + run_until_complete in a function",
}
"""Entry points that block on the loop inside a function: without JSPI the browser cannot
(module-level ones are run as awaits on the page's loop, which works everywhere)."""


def cpython_output(code: str) -> str:
    if "await work" in code and "asyncio.run" not in code:
        return "40\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout


@pytest.mark.parametrize("jspi", ["", "?jspi=off"], ids=["jspi", "no-jspi"])
@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_every_way_to_run_a_loop(
    reader_tabs: ReaderTabs, site_url: str, entry: str, jspi: str
) -> None:
    # A reader tries one program after another in the same Playground, on the same Python.
    with reader_tabs.reading(jspi or "jspi", site_url + "playground/" + jspi) as tab:
        check_entry_point(tab.page, entry, jspi)


def check_entry_point(page: Page, entry: str, jspi: str) -> None:
    code = ENTRY_POINTS[entry]
    block = page.locator("[data-playground] .example")
    set_editor_text(page, block, code)
    panel = run(block)
    log = block.get_by_role("log").text_content()
    for own in (RUNNER_MODULE, JUDGE_MODULE, "timeline_", "_pyodide", "pyodide/"):
        assert own not in log, f"the runner shows itself: {log!r}"
    if jspi and entry in BLOCKING:
        expect(panel).to_have_attribute("data-state", "error")
        expect(panel.locator(".run-output__hint")).to_contain_text("stack switching")
        assert "never awaited" not in log, log
        return
    expect(panel).to_have_attribute("data-state", "ok")
    assert log == cpython_output(code)
