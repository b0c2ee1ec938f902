"""Shared fixtures: the snippet catalogue, the pages of each language, and the built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from support.tabs import ReaderTabs

from asyncio_notes.catalogue import ROOT, Snippet, find_snippets
from asyncio_notes.i18n import LANGUAGES
from support import lanes

DOCS = ROOT / "docs"
ONE_EXAMPLE = os.environ.get("ASYNCIO_NOTES_EXAMPLE")
"""Set by `make check NAME=...`: the example tests run for that example only."""
SNIPPETS = [s for s in find_snippets() if ONE_EXAMPLE in (None, s.name)]


def pages(language: str) -> list[str]:
    """Page paths (relative to `docs/<language>/`) of one language."""
    folder = DOCS / language
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


ALL_PAGES = sorted(set().union(*(pages(language) for language in LANGUAGES)))


def build_site(site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `site_dir`, as `make build` does, for `site_url`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the browser tests last: the quick tests first, so that a broken example fails early."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    lanes.list_background(config, items)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--lanes",
        action="store_true",
        help="with -n 2 or more: tests marked background run in the workers after the first, "
        "at the lowest CPU priority, the rest in the first (tests/support/lanes.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    lanes.configure(config)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hooks: `-p no:xdist` leaves them out
def pytest_configure_node(node) -> None:
    lanes.tell_worker(node)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    return lanes.LaneScheduling.for_config(config, log) if config.getoption("lanes") else None


@pytest.fixture(autouse=True)
def no_running_loop_outside_the_browser(request: pytest.FixtureRequest) -> Iterator[None]:
    """Once a browser test has started Playwright's sync API, its event loop is marked as running
    in the main thread between Playwright's calls; a test that drives no browser gets the thread
    as a program would, so that its own event loop runs whatever ran before it."""
    if request.node.get_closest_marker("browser") or "browser" in request.fixturenames:
        yield
        return
    import asyncio

    running = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(running)


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the tests serve the site on (Material's instant navigation needs it at build)."""
    from asyncio_notes.serve import free_port

    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The whole site, built once per test session with `--strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    done = build_site(site_dir, f"http://127.0.0.1:{site_port}/")
    if done.returncode != 0:
        # What failed the strict build first: its warnings name the file and the link or page.
        failures = [
            line for line in done.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
        ]
        shown = "\n".join(failures) or done.stderr[-4000:]
        pytest.fail(f"mkdocs build --strict failed:\n{shown}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def site_network() -> threading.Event:
    """Set while the test server answers: a test clears it to cut the network (and sets it
    again when done)."""
    up = threading.Event()
    up.set()
    return up


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int, site_network: threading.Event) -> Iterator[str]:
    """The built site, served on 127.0.0.1 as a static host would serve it."""
    from asyncio_notes.serve import serve

    with serve(built_site, site_port, network=site_network) as url:
        yield url


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[Browser]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        lanes.yield_the_browsers_cpu(request.config)
        lanes.wait_longer(browser, request.config)
        yield browser
        browser.close()


@pytest.fixture
def scheme() -> str:
    """The colour scheme of the reader's system, for `page`: a test parametrizes it to read in the
    dark."""
    return "light"


@pytest.fixture
def page(browser: Browser, scheme: str) -> Iterator[Page]:
    """A fresh browser context (empty cache and storage) and a page in it; fails the test on a
    JavaScript error in the page."""
    from support.reader import page_error

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(page_error(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


_SESSION: dict[str, float] = {}


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note when the session began (for `build/test-times.json`)."""
    import time

    _SESSION["began"] = time.monotonic()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Record how long a full `make test` took, for `make bench` to report (only when every test
    was selected: no paths, `-k` or `-m`)."""
    import json
    import time
    from datetime import UTC, datetime

    config = session.config
    if (
        hasattr(config, "workerinput")  # a pytest-xdist worker: the controller records
        or config.args_source != pytest.Config.ArgsSource.TESTPATHS
        or config.option.keyword
        or config.option.markexpr
        or config.option.collectonly
        or "began" not in _SESSION
    ):
        return
    reports = config.pluginmanager.get_plugin("terminalreporter").stats
    record = {
        "seconds": round(time.monotonic() - _SESSION["began"], 1),
        # What ran, counted from the reports: a pytest-xdist controller collects nothing itself.
        "tests": sum(
            1
            for outcome in ("passed", "failed", "skipped", "xfailed", "xpassed")
            for report in reports.get(outcome, [])
            if report.when == "call" or report.skipped
        ),
        "exitstatus": int(exitstatus),
        "finished": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    target = ROOT / "build" / "test-times.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(record) + "\n", encoding="utf-8")


RUNS_AT_ONCE = 4
"""Examples run side by side: most of their time is spent waiting (asyncio.sleep), not
computing, so four at once on two CPUs keep their timings within the recordings' slack."""

USES_THREADS = re.compile(r"to_thread|threading|run_in_executor|ThreadPoolExecutor")
"""Examples whose threads need a CPU each while they run: side by side with others on two CPUs,
five threads' 0.3 s became 0.5 s. They run one at a time, after the rest."""


@dataclass(frozen=True)
class SnippetRun:
    """One run of an example under the task recorder: its output, recording, or failure."""

    output: str = ""
    timeline: dict | None = None
    error: str | None = None


@pytest.fixture(scope="session")
def snippet_runs(request: pytest.FixtureRequest) -> dict[str, SnippetRun]:
    """Each example the session's tests ask about, run once under CPython with the recorder,
    several at a time: the output and timeline checks read the same run."""
    from concurrent.futures import ThreadPoolExecutor

    from asyncio_notes.outputs import SnippetError, record_run

    wanted = {
        item.callspec.params["snippet"]
        for item in request.session.items
        if "snippet_runs" in getattr(item, "fixturenames", ())
        and "snippet" in getattr(getattr(item, "callspec", None), "params", {})
    }

    def run(snippet: Snippet) -> SnippetRun:
        try:
            return SnippetRun(*record_run(snippet))
        except SnippetError as exc:
            return SnippetRun(error=str(exc))

    threaded = [s for s in wanted if USES_THREADS.search(s.source)]
    waiting = [s for s in wanted if s not in threaded]
    with ThreadPoolExecutor(RUNS_AT_ONCE) as pool:
        runs = dict(zip(waiting, pool.map(run, waiting), strict=True))
    runs.update((snippet, run(snippet)) for snippet in threaded)
    return {snippet.name: result for snippet, result in runs.items()}


@pytest.fixture(scope="module")
def reader_tabs(browser: Browser) -> Iterator[ReaderTabs]:
    """One reader's tab per language, kept across a module's tests (`support.tabs`)."""
    from support.tabs import ReaderTabs

    tabs = ReaderTabs(browser)
    yield tabs
    tabs.close()
