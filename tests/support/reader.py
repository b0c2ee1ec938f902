"""A reader's actions in the built site, for the browser tests: open an example or the
Playground, press Run and wait for its end, type into the editor, search, watch what the page
fetches and what Python did."""

from __future__ import annotations

import re

from playwright.sync_api import Error, Locator, Page, expect

from asyncio_notes.catalogue import find_snippets
from asyncio_notes.outputs import SECONDS, same_output
from support.lanes import patient

FINISHED = re.compile(r"^(ok|error|stopped)$")
RUN_TIMEOUT = patient(60_000)  # the first run starts Python: seconds on a busy machine
READING_SCHEME = {"en": "light", "ko": "dark"}
"""The colour scheme each language's reader reads in, where a test reads each language once:
its checks (axe's on a played part, say) then see both schemes too."""
HELLO = "01_overview/hello_world"
RECORDED = {s.name: s.recorded_output for s in find_snippets()}
START = "async () => (await import('/assets/runner/client.js')).pythonStart()"


def address(language: str, page: str, query: str = "") -> str:
    """Where the site serves `page` (a file under docs/<language>/, "tasks.md") in `language`,
    below the site's root: "tasks/", "ko/tasks/", "" for the English home."""
    stem = page.removesuffix(".md")
    path = "" if stem == "index" else f"{stem}/"
    return ("" if language == "en" else f"{language}/") + path + query


def python_start(page: Page) -> dict | None:
    """How Python started in `page` (`how`: snapshot or plain, and `why`), or None before it has."""
    return page.evaluate(START)


def page_error(error: Error) -> str:
    """A JavaScript error the page raised, with where: its message and the first lines of its
    stack (which name the script, minified or not, and its line)."""
    where = [line.strip() for line in (error.stack or "").splitlines()[1:4]]
    return "; ".join([str(error), *where])


def python_workers(page: Page) -> list:
    """The runner's workers in `page` (Material's search has a worker of its own)."""
    return [worker for worker in page.workers if "/runner/worker.js" in worker.url]


WATCH_RUNNER = """
// What the page did with Python, as it happened: the runner's workers made (Material's search
// has a worker of its own), and how many said Python was up ("ready") or a run ended ("done").
(() => {
  const runner = (window.__runner = { workers: 0, ready: 0, done: 0 });
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes("/runner/worker.js")) return;
      runner.workers++;
      this.addEventListener("message", ({ data }) => {
        if (data?.type === "ready") runner.ready++;
        else if (data?.type === "done") runner.done++;
      });
    }
  };
})();
"""


def watch_runner(page: Page) -> None:
    """Count, in each document `page` loads from now on, what happens to Python (`runner`)."""
    page.add_init_script(WATCH_RUNNER)


def runner(page: Page) -> dict[str, int]:
    """What WATCH_RUNNER counted in the page's document: `workers`, `ready` and `done`."""
    return page.evaluate("window.__runner")


def record_requests(page: Page) -> list[str]:
    """The addresses `page` asks for from now on, its workers' requests included."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


SETTLED = """() => new Promise((resolve) => {
  const settle = () => requestIdleCallback(() =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  if (document.readyState === "complete") settle();
  else addEventListener("load", settle, { once: true });
})"""


def wait_until_settled(page: Page) -> None:
    """Wait until the page has done what its load set going: its load event, then the browser's
    next idle moment (the runner's start of Python for a returning reader waits for one, after
    the load), then two frames (those in which IntersectionObserver reports what is near the
    screen). What the page's set-up would start, it has started by then; timers it sets for
    later (an example in view for 5 s counts as intent to run it) are not waited for."""
    page.evaluate(SETTLED)


def search_box(page: Page, query: str) -> Locator:
    """Type `query` into Material's search box (as a reader does); returns the result links."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events, and `fill` sends none
    return page.locator(".md-search-result__link")


def close_search(page: Page) -> None:
    """Close Material's search (Escape), which leaves the page's content to click again."""
    page.keyboard.press("Escape")
    expect(page.locator("input.md-search__input")).not_to_be_focused()


def expect_search_answers(page: Page, query: str = "cancel") -> None:
    """The page answers the reader: a search shows its results, and the search closes again."""
    expect(search_box(page, query).first).to_be_visible()
    close_search(page)


def example(page: Page, name: str) -> Locator:
    return page.locator(f'.example[data-example="{name}"]')


def run(block: Locator, label: str = "Run") -> Locator:
    """Press Run in `block` and wait for the run to end; returns the output panel."""
    block.get_by_role("button", name=label, exact=True).click()
    panel = block.locator(".run-output")
    expect(panel).to_have_attribute("data-state", FINISHED, timeout=RUN_TIMEOUT)
    return panel


def expect_recorded_output(block: Locator, name: str) -> None:
    """Wait for the run in `block` to end well and print what snippet `name` recorded; printed
    durations may differ a little (a busy machine runs `took 1.0 s` as `took 1.1 s`)."""
    panel = block.locator(".run-output")
    expect(panel).to_have_attribute("data-state", FINISHED, timeout=RUN_TIMEOUT)
    log = block.get_by_role("log").text_content()
    assert panel.get_attribute("data-state") == "ok", log
    assert same_output(RECORDED[name], log), f"{name} printed:\n{log}"


def expect_diagram_drawn(page: Page) -> Locator:
    """Scroll to the page's first diagram, as a reader would, and wait until it is drawn."""
    diagram = page.locator("pre.diagram").first
    diagram.scroll_into_view_if_needed()
    expect(diagram).to_have_attribute("data-rendered", "", timeout=patient(30_000))
    return diagram


def playground_with(page: Page, site_url: str, code: str, query: str = "") -> Locator:
    """Open the Playground, put `code` in its editor; returns the example block."""
    page.goto(site_url + "playground/" + query)
    block = page.locator("[data-playground] .example")
    expect(block.locator(".cm-content")).to_be_visible()
    set_editor_text(page, block, code)
    return block


def set_editor_text(page: Page, block: Locator, text: str) -> None:
    content = block.locator(".cm-content")
    content.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


FOLLOW_LINK = """(address) => {
  // A link in the page, clicked: Material's instant navigation swaps the content in place, and
  // the runner's Python, already started, stays up for the next page.
  window.__leftArticle = document.querySelector("article");
  const link = Object.assign(document.createElement("a"), { href: address });
  document.body.append(link);
  link.click();
  link.remove();
}"""
ARRIVED = """(address) => {
  // Material's navigation.tracking puts the heading in view into the address's #fragment.
  const at = new URL(location.href), wanted = new URL(address);
  at.hash = wanted.hash = "";
  // A link to another language's pages is a full page load: its scripts have run once the
  // document is complete.
  return at.href === wanted.href && document.querySelector("article") !== window.__leftArticle
    && document.readyState === "complete";
}"""


def follow_link(page: Page, address: str) -> None:
    """Go to `address` (on the same site) as a reader's click on a link would: by Material's
    instant navigation, not a new page load. Returns once the new page's content is in."""
    page.evaluate(FOLLOW_LINK, address)
    page.wait_for_function(ARRIVED, arg=address)


def same_lines(recorded: str, printed: str) -> bool:
    """Whether `printed` has `recorded`'s lines in any order, durations aside: for tests whose
    subject is that a run works (offline, say). They run in the background lane, where Chromium
    yields the CPU and a busy machine both reorders close sleeps and stretches them; the
    durations themselves are judged where runs are not starved (the snippet tests, Node's
    Pyodide, the foreground's `expect_recorded_output`)."""

    def lines(output: str) -> list[str]:
        return sorted(SECONDS.sub("#", line) for line in output.splitlines())

    return lines(recorded) == lines(printed)


def expect_ran_ok(block: Locator, name: str) -> None:
    """Wait for the run in `block` to end well, having printed snippet `name`'s lines (in any
    order: `same_lines`)."""
    panel = block.locator(".run-output")
    expect(panel).to_have_attribute("data-state", FINISHED, timeout=RUN_TIMEOUT)
    log = block.get_by_role("log").text_content()
    assert panel.get_attribute("data-state") == "ok", log
    assert same_lines(RECORDED[name], log), f"{name} printed:\n{log}"
