"""Offline: once a reader reads on (a second page, a Run) the service worker keeps the site, so
pages, instant navigation, diagrams and Run work with the network cut; and `make serve` needs no
network at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from asyncio_notes.catalogue import ROOT
from asyncio_notes.offline import offline_groups
from asyncio_notes.serve import serve
from asyncio_notes.vendor import pyodide_versions
from support.lanes import BACKGROUND, patient
from support.reader import (
    RECORDED,
    RUN_TIMEOUT,
    expect_diagram_drawn,
    expect_ran_ok,
    page_error,
    record_requests,
    run,
    same_lines,
    wait_until_settled,
)

KEPT = """async ([group, count]) => {
  const names = (await caches.keys()).filter((name) => name.startsWith(`asyncio-notes-${group}-`));
  if (names.length !== 1) return false;
  return (await (await caches.open(names[0])).keys()).length >= count;
}"""


@BACKGROUND
@pytest.mark.slow
def test_the_build_lists_what_the_service_worker_keeps(built_site: Path) -> None:
    groups = offline_groups(built_site)
    assert {
        "./",
        "playground/",
        "ko/",
        "ko/playground/",
        "404.html",
        "sitemap.xml",
        "search/search_index.json",
        "assets/runner/worker.js",
        "assets/vendor/editor.js",
    } <= set(groups["site"])
    # The browser's own Python reaches it as a wheel, kept with the rest of Python.
    assert not [path for path in groups["site"] if path.endswith(".py")]
    assert [path for path in groups["python"] if path.endswith(".whl")]
    runtime = "assets/vendor/pyodide/" + pyodide_versions()["pyodide"]
    assert {
        "assets/vendor/pyodide/pyodide.mjs",
        "assets/vendor/pyodide/runtime.json",
        f"{runtime}/pyodide.asm.wasm.br",
        f"{runtime}/python_stdlib.zip",
    } <= set(groups["python"])
    # Each snapshot is a group of its own: a browser keeps the one it starts from.
    assert len(groups["snapshot"]) == 1 and len(groups["snapshot-ios"]) == 1
    assert "-ios-" in groups["snapshot-ios"][0] and "-ios-" not in groups["snapshot"][0]
    # What the worker decodes itself is kept compressed, and only so; no other precompressed copy.
    python = groups["python"] + groups["snapshot"] + groups["snapshot-ios"]
    compressed = [path for path in python if path.endswith((".br", ".gz"))]
    assert sorted(compressed) == sorted(
        "assets/vendor/pyodide/" + entry["url"]
        for entry in json.loads(
            (built_site / "assets/vendor/pyodide/runtime.json").read_text()
        ).values()
        if isinstance(entry, dict) and entry["url"].endswith(".br")
    )
    assert f"{runtime}/pyodide.asm.wasm" not in groups["python"]
    assert groups["mermaid"] and all(path.endswith(".mjs") for path in groups["mermaid"])
    every = [path for files in groups.values() for path in files]
    assert len(every) == len(set(every)), "a file is in two groups"
    assert not [path for path in every if path.endswith(".map") or path == "sw.js"]
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert worker.rstrip().endswith('importScripts("assets/offline/service-worker.js");')
    assert (built_site / "assets/offline/service-worker.js").is_file()


def wait_until_kept(page: Page, group: str, count: int, seconds: float = 120) -> None:
    """Wait until the service worker keeps `count` files of `group` (page.wait_for_function
    would take the promise KEPT returns for a true value)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(KEPT, [group, count]):
        assert time.monotonic() < deadline, f"the service worker did not keep {group!r}"
        page.wait_for_timeout(250)


def run_first_example(page: Page) -> str:
    block = page.locator(".example").first
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".run-output")).to_have_attribute("data-state", "ok", timeout=RUN_TIMEOUT)
    return block.get_by_role("log").text_content()


@BACKGROUND
@pytest.mark.browser
def test_a_run_holds_the_offline_copy_of_python(page: Page, built_site: Path) -> None:
    # The host holds back the full standard library, which this page's runs do not need: the
    # service worker is still copying Python when the second Run comes, however fast the rest.
    python = offline_groups(built_site)["python"]
    assert any(path.endswith("/python_stdlib.zip") for path in python)
    released = threading.Event()

    def hold(path: str) -> None:
        if path.endswith("/python_stdlib.zip"):
            released.wait(patient(120_000) / 1000)

    with serve(built_site, hold=hold) as site_url:
        try:
            page.goto(site_url)
            run_first_example(page)  # Python started; copied for offline use once idle
            page.evaluate("""() => {
              window.__replies = [];
              navigator.serviceWorker.addEventListener("message", ({ data }) => __replies.push(data));
            }""")
            page.evaluate(
                "async () => (await import('/assets/offline/register.js')).keepOffline('python')"
            )
            run_first_example(page)  # a Run while the service worker copies
            page.wait_for_function(
                "() => __replies.some((r) => r.group === 'python' && r.held)",
                timeout=patient(30_000),
            )
        finally:
            released.set()
        # Idle again, the page asks to go on, and the copy is finished.
        wait_until_kept(page, "python", len(python))


@BACKGROUND
@pytest.mark.browser
def test_a_diagram_page_does_not_restart_a_held_copy(page: Page, site_url: str) -> None:
    page.goto(site_url)
    sent = page.evaluate("""async () => {
      await navigator.serviceWorker.ready;
      const sent = [];
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (message) {
        sent.push(message);
        return post.call(this, message);
      };
      const { holdKeeping, keepOffline } = await import("/assets/offline/register.js");
      const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
      // A Run starts right away: the copy of Python (a few MB, quick on loopback) is held.
      keepOffline("python");
      holdKeeping();
      await settle();
      keepOffline("mermaid");  // what a diagram page asks right after instant navigation
      await settle();
      const afterDiagram = sent.length;
      keepOffline("mermaid", { andHeld: true });  // what the idle timer asks
      await settle();
      return { byDiagram: sent.slice(2, afterDiagram), byIdle: sent.slice(afterDiagram) };
    }""")
    assert sent["byDiagram"] == [{"type": "keep", "group": "mermaid"}]
    assert {"type": "keep", "group": "python"} in sent["byIdle"]


@pytest.mark.browser
def test_pages_and_run_work_offline_after_a_first_visit(
    browser: Browser, site_url: str, built_site: Path, site_network: threading.Event
) -> None:
    groups = offline_groups(built_site)
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(page_error(error)))

    # The first visit: a page with examples and a diagram; Run starts Python once.
    page.goto(site_url + "tasks/")
    expect_diagram_drawn(page)
    online_output = run_first_example(page)
    for group in ("site", "python", "snapshot", "mermaid"):
        wait_until_kept(page, group, len(groups[group]))

    site_network.clear()
    try:
        assert (
            page.evaluate(
                "fetch('nowhere-' + Date.now()).then(() => 'answered', () => 'no network')"
            )
            == "no network"
        )

        # The same page again: a fresh Python starts from the kept runtime.
        page.reload()
        expect_diagram_drawn(page)
        offline_output = run_first_example(page)
        assert same_lines(online_output, offline_output), offline_output

        # An exercise is checked offline too: its judge comes from the kept site.
        exercise = page.locator("[data-exercise]").first
        exercise.get_by_role("button", name="Check", exact=True).click()
        verdict = exercise.locator(".exercise__verdict")
        expect(verdict).to_have_attribute("data-verdict", "failed", timeout=RUN_TIMEOUT)
        expect(verdict).to_contain_text("Not yet")

        # Instant navigation to a page never visited, then Run and Edit there.
        page.evaluate("window.__sameDocument = true")
        page.locator("nav.md-nav a", has_text="Playground").first.click()
        expect(page).to_have_url(site_url + "playground/")
        assert page.evaluate("window.__sameDocument === true"), "not an instant navigation"
        playground = page.locator("[data-playground] .example")
        expect(playground.locator(".cm-content")).to_be_visible()
        playground.get_by_role("button", name="Run", exact=True).click()
        expect_ran_ok(playground, "00_playground/starter")

        # A Korean page never visited, loaded in full, with its diagram.
        page.goto(site_url + "ko/futures/")
        expect(page.locator("html")).to_have_attribute("lang", "ko")
        expect_diagram_drawn(page)
    finally:
        site_network.set()
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


STARTED = "async () => (await import('/assets/offline/register.js')).offlineStarted()"


@BACKGROUND
@pytest.mark.browser
def test_one_page_fetches_that_page_only_until_the_reader_reads_on(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    """A reader who came for one page downloads that page; a second page keeps the site."""
    groups = offline_groups(built_site)
    context = browser.new_context()
    page = context.new_page()
    requested = record_requests(page)
    page.goto(site_url + "tasks/")
    expect_diagram_drawn(page)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    wait_until_settled(page)
    assert page.evaluate(STARTED) is False
    pages = {url for url in requested if url.startswith(site_url) and url.endswith("/")}
    assert pages == {site_url + "tasks/"}, sorted(pages)
    mermaid = [url for url in requested if url.split("?")[0].endswith(".mjs") and "mermaid" in url]
    assert len(mermaid) < len(groups["mermaid"]), "every diagram chunk was fetched"

    page.locator("nav.md-nav a", has_text="Futures").first.click()  # instant navigation
    expect(page).to_have_url(site_url + "futures/")
    expect(page.locator("h1")).to_contain_text("Futures")  # the new page's content is in
    assert page.evaluate(STARTED) is True
    for group in ("site", "mermaid"):
        wait_until_kept(page, group, len(groups[group]))
    context.close()


@BACKGROUND
@pytest.mark.browser
def test_run_offline_before_python_was_kept_says_why(page: Page, site_url: str) -> None:
    page.goto(site_url + "playground/")
    block = page.locator("[data-playground] .example")
    expect(block.locator(".cm-content")).to_be_visible()
    page.context.set_offline(True)
    try:
        block.get_by_role("button", name="Run", exact=True).click()
        panel = block.locator(".run-output")
        expect(panel).to_have_attribute("data-state", "error", timeout=RUN_TIMEOUT)
        expect(panel.locator(".run-output__status")).to_contain_text("Python could not start")
        expect(panel.locator(".run-output__hint")).to_contain_text("You are offline")
    finally:
        page.context.set_offline(False)
    block.get_by_role("button", name="Run", exact=True).click()  # online again: it starts
    expect_ran_ok(block, "00_playground/starter")


@BACKGROUND
@pytest.mark.slow
@pytest.mark.browser
def test_make_serve_works_with_no_network_at_all() -> None:
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("cutting the network needs unprivileged user namespaces (unshare -rn)")
    done = subprocess.run(
        ["unshare", "-rn", sys.executable, "tests/serve_without_network.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["state"] == "ok", result["server_log"]
    assert same_lines(RECORDED["00_playground/starter"], result["output"]), result["output"]
    assert result["types"]["wasm"] == "application/wasm"
    for kind in ("js", "mjs"):  # a module worker refuses any other type
        assert result["types"][kind] in ("text/javascript", "application/javascript"), result
    assert not result["errors"] and not result["violations"], result


OUR_CACHES = (
    """async () => (await caches.keys()).filter((name) => name.startsWith("asyncio-notes-"))"""
)
REGISTERED = """async () => (await navigator.serviceWorker.getRegistrations()).length"""


@BACKGROUND
@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_reader_can_remove_the_offline_copy_and_keep_it_again(
    browser: Browser, site_url: str, built_site: Path, language: str
) -> None:
    """Browser Python's Offline section says how much is kept; Remove deletes it and keeps
    nothing more, across reloads and Run; Keep brings the service worker back. A first page
    alone keeps nothing yet, and Keep keeps it at once."""
    words = {
        "en": (
            "about",
            "Remove the offline copy",
            "Removed.",
            "Keep this site for offline use",
            "Nothing is kept yet",
        ),
        "ko": (
            "약",
            "오프라인 사본 지우기",
            "지웠습니다.",
            "이 사이트를 오프라인용으로 보관하기",
            "아직 보관한 것이 없습니다",
        ),
    }[language]
    about, remove, removed, keep, not_yet = words
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + ("ko/" if language == "ko" else "") + "browser-python/")
    control = page.locator("[data-offline-control]")
    expect(control.get_by_role("status")).to_contain_text(not_yet)
    control.get_by_role("button", name=keep, exact=True).click()
    wait_until_kept(page, "site", len(offline_groups(built_site)["site"]))
    page.reload()  # the figure is read once the copy is there
    expect(control.get_by_role("status")).to_contain_text(about)
    control.get_by_role("button", name=remove, exact=True).click()
    expect(control.get_by_role("status")).to_contain_text(removed)
    expect(control.get_by_role("button", name=keep, exact=True)).to_be_focused()
    assert page.evaluate(OUR_CACHES) == [] and page.evaluate(REGISTERED) == 0

    # A reload, another page and a Run keep nothing.
    page.goto(site_url + "playground/")
    block = page.locator("[data-playground] .example")
    expect(block.locator(".cm-content")).to_be_visible()
    panel = run(block)  # what it prints is test_browser's; here, that it keeps nothing
    expect(panel).to_have_attribute("data-state", "ok")
    assert page.evaluate(OUR_CACHES) == [] and page.evaluate(REGISTERED) == 0

    page.goto(site_url + ("ko/" if language == "ko" else "") + "browser-python/")
    control.get_by_role("button", name=keep, exact=True).click()
    expect(control.get_by_role("button", name=remove, exact=True)).to_be_visible()
    assert page.evaluate(REGISTERED) == 1
    wait_until_kept(page, "site", len(offline_groups(built_site)["site"]))
    context.close()


@BACKGROUND
@pytest.mark.browser
def test_a_browser_that_saves_data_keeps_nothing_until_asked(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"
    )
    page = context.new_page()
    page.goto(site_url + "browser-python/")
    control = page.locator("[data-offline-control]")
    expect(control.get_by_role("status")).to_contain_text("save data")
    assert page.evaluate(REGISTERED) == 0
    control.get_by_role("button", name="Keep this site for offline use", exact=True).click()
    expect(control.get_by_role("status")).to_contain_text("Keeping the site.")
    assert page.evaluate(REGISTERED) == 1
    context.close()
