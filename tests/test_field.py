"""The runtime as readers meet it: hosts that compress differently, slow links, iOS and Safari.

The worker fetches the snapshot and the wasm as brotli files and decodes them itself
(`docs/assets/runner/download.js`), and chooses a plain start where the snapshot's extra bytes
cost more than they save (`start-plan.js`). These tests check what happens, not how long it
takes: how many bytes went, which start was chosen, what the status said, what the run printed.
Timings on real links are `make bench`'s. A test that expects the snapshot runs in the
foreground lane: the start plan measures the link on the worker's clock, which a starved CPU
slows into a plain start.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from asyncio_notes.serve import serve
from support.lanes import BACKGROUND, patient
from support.reader import playground_with, python_start, run

pytestmark = pytest.mark.browser

PROGRAM = (
    "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.01)\n    print('ran')\n\n"
    "asyncio.run(main())\n"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1"
)
FIRST_RUN_BYTES = 7.7e6
"""What a first Run may fetch from any host (issue: bytes that do not depend on the host): about
7.45 MB, and a snapshot compresses to some tens of KB more or less from one build to the next
(60 KB seen), so a margin of 0.25 MB; the full standard library alone would be 2.5 MB more."""


@pytest.fixture(scope="module")
def hosts(built_site: Path) -> Iterator[dict[str, tuple[str, list]]]:
    """The built site served as GitHub Pages, as a host with no compression, and as a host
    that sends `.br` files with Content-Encoding: {name: (url, transfer log)}."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        served = {}
        for host in ("github-pages", "none", "encodes-br"):
            transfers: list[tuple[str, int]] = []
            url = stack.enter_context(serve(built_site, host=host, transfers=transfers))
            served[host] = (url, transfers)
        yield served


def run_in_playground(browser: Browser, url: str, **context_options):
    """A fresh reader runs PROGRAM in the Playground; returns (page, context, block)."""

    context = browser.new_context(**context_options)
    page = context.new_page()
    block = playground_with(page, url, PROGRAM)
    run(block)
    assert block.get_by_role("log").text_content() == "ran\n"
    return page, context, block


@pytest.mark.parametrize("host", ["github-pages", "none"])
def test_the_first_run_is_light_whatever_the_host(
    browser: Browser, hosts: dict, built_site: Path, host: str
) -> None:
    url, transfers = hosts[host]
    before = len(transfers)
    # The service worker's copies for offline reading are not the Run's: none here.
    page, context, _ = run_in_playground(browser, url, service_workers="block")
    assert python_start(page)["how"] == "snapshot"
    runtime = [
        (path, size)
        for path, size in transfers[before:]
        if "/vendor/pyodide/" in path or "/vendor/brotli/" in path
    ]
    manifest = json.loads((built_site / "assets/vendor/pyodide/runtime.json").read_text())
    fetched = {path.rsplit("/", 1)[-1] for path, _ in runtime}
    assert {Path(manifest["snapshot"]["url"]).name, "pyodide.asm.wasm.br"} <= fetched
    assert not fetched & {"pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"}
    # Python stays up after the run: the standard library comes later, while the reader reads.
    assert sum(size for _, size in runtime) <= FIRST_RUN_BYTES, runtime
    context.close()


def test_a_host_that_decodes_for_the_browser_is_not_decoded_twice(
    browser: Browser, hosts: dict
) -> None:
    url, _ = hosts["encodes-br"]
    page, context, _ = run_in_playground(browser, url)
    assert python_start(page)["how"] == "snapshot"
    context.close()


@BACKGROUND  # a starved CPU only makes the link seem slower
@pytest.mark.parametrize(
    "path, words",
    [
        ("", "a plain start: fewer bytes suit this connection"),
        ("ko/", "일반 시작: 이 연결에서는 내려받을 양이 적은 쪽이 빠릅니다"),
    ],
)
def test_a_slow_link_starts_plainly_and_says_so(
    browser: Browser, hosts: dict, path: str, words: str
) -> None:
    url, transfers = hosts["github-pages"]
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    # 2 Mbit/s: the snapshot's extra 1.7 MB would take about 7 s, a plain start's CPU 1.5 s.
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": 250_000,
            "uploadThroughput": 250_000,
        },
    )
    # The reader presses Run once it is there, not once every font and image has come.
    page.goto(url + path + "coroutines/", wait_until="domcontentloaded")
    block = page.locator(".example").first
    block.get_by_role("button", name="Run" if not path else "실행", exact=True).click()
    # The status says which start was chosen and how much has arrived, while it downloads.
    expect(block.get_by_role("status")).to_contain_text(words, timeout=patient(30_000))
    expect(block.get_by_role("status")).to_contain_text(" MB")
    context.close()


MAC_SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.5 Safari/605.1.15"
)


@pytest.mark.parametrize(
    "agent, snapshot", [(IPHONE, "ios"), (MAC_SAFARI, "usual")], ids=["iphone", "mac-safari"]
)
def test_ios_and_safari_start_from_a_snapshot_that_restores_there(
    browser: Browser, hosts: dict, agent: str, snapshot: str
) -> None:
    """iOS (by Pyodide's own test, which shapes Python's memory) gets the snapshot made for it,
    and fetches no other; Safari on a Mac restores the usual one. On iOS, a program that blocks
    on the loop inside a function is told why it cannot, instead of ending Python."""

    url, transfers = hosts["github-pages"]
    before = len(transfers)
    page, context, block = run_in_playground(browser, url, user_agent=agent)
    start = python_start(page)
    assert start["how"] == "snapshot", start
    fetched = [path for path, _ in transfers[before:] if "/snapshot-" in path]
    assert len(fetched) == 1 and ("-ios-" in fetched[0]) == (snapshot == "ios"), fetched
    if snapshot == "ios":
        block = playground_with(
            page,
            url,
            "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\n"
            "def go():\n    asyncio.run(main())\n\ngo()\n",
        )
        panel = run(block)
        expect(panel).to_have_attribute("data-state", "error")
        expect(panel.locator(".run-output__hint")).to_contain_text("stack switching")
    context.close()


@BACKGROUND
def test_a_plain_start_from_the_core_fetches_the_rest_when_a_program_needs_it(
    browser: Browser, hosts: dict
) -> None:

    url, transfers = hosts["github-pages"]
    context = browser.new_context()
    page = context.new_page()
    before = len(transfers)
    # colorsys is not in the core (nothing the snapshot imports needs it).
    block = playground_with(
        page, url, "import colorsys\nprint(colorsys.rgb_to_hsv(0, 0, 1))\n", query="?snapshot=off"
    )
    run(block)
    assert block.get_by_role("log").text_content() == "(0.6666666666666666, 1.0, 1)\n"
    assert python_start(page)["why"] == "off"
    fetched = [path.rsplit("/", 1)[-1] for path, _ in transfers[before:]]
    assert [name for name in fetched if name.startswith("stdlib-core-")]
    assert "python_stdlib.zip" in fetched
    context.close()
