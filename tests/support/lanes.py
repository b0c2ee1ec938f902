"""Two lanes for `pytest -n 3 --lanes` (`make test`): a test whose outcome can depend on how
promptly a program's `asyncio.sleep` ends runs where nothing else takes its CPU.

On two CPUs, two workers starve each other for a tenth of a second at times, and an example whose
lines come 0.1 s apart then prints them in another order. So the first worker (the foreground
lane) runs every test not marked `background`, then helps with the rest; the other workers (the
background lane) run only `background` tests, at the lowest CPU priority: whenever the
foreground wants a CPU, it gets one. The foreground often waits while programs sleep: two
background workers use the CPUs meanwhile (three workers on two CPUs). The background may then
wait for tens of seconds, so its browsers wait `PATIENCE` times longer before a check fails.
Each worker keeps to one module while it has tests left: a module's shared tabs and built sites
are then set up once, not in every worker.

The scheduler runs in pytest-xdist's controller, which collects no tests: the workers write the
ids of the background tests to a file the controller names (`pytest_configure_node`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # Playwright loads in a fifth of a second; `make test-fast` needs none of it
    from playwright.sync_api import Browser, BrowserContext

BACKGROUND = pytest.mark.background
"""For a test that no program's timing can fail: it may run beside the foreground, slowed."""
FOREGROUND_WORKER = "gw0"
PLAYWRIGHT_TIMEOUT = 30_000
PLAYWRIGHT_EXPECT_TIMEOUT = 5_000
"""Playwright's own defaults (ms): for pages and actions, for `expect`."""
AHEAD = 2
"""Tests a worker holds: the one it runs and the next (a worker runs a test only once it knows
the next one, or that there is none)."""
PATIENCE = 4
"""How many times longer a background worker's browser waits before a check fails: the lane may
get no CPU for tens of seconds while the foreground runs Node's Pyodide three at a time. Only a
failing test waits longer."""
_LIST = pytest.StashKey[Path]()


def configure(config: pytest.Config) -> None:
    """In the controller: where the workers will list the background tests. In a background
    worker: the lowest CPU priority, which its browser inherits, and `PATIENCE` for `expect`."""
    if not config.getoption("lanes"):
        return
    worker = getattr(config, "workerinput", None)
    if worker is None:
        folder = tempfile.mkdtemp(prefix="lanes-")
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        config.stash[_LIST] = Path(folder) / "background.json"
    elif worker["workerid"] != FOREGROUND_WORKER:
        # A worker started again after a crash gets a new id and so runs in the background;
        # the crash has failed the run already.
        os.nice(19)
        from playwright.sync_api import expect

        expect.set_options(timeout=PLAYWRIGHT_EXPECT_TIMEOUT * PATIENCE)


def patient(milliseconds: float) -> float:
    """A test's own timeout: `milliseconds`, or `PATIENCE` times that in any worker but the
    foreground's (pytest-xdist names the worker in its environment). Without `--lanes` such a
    worker is not slowed, and only a failing test waits longer."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", FOREGROUND_WORKER)
    return milliseconds * (1 if worker == FOREGROUND_WORKER else PATIENCE)


def in_background(config: pytest.Config) -> bool:
    """Whether this process is a background worker of `--lanes`."""
    worker = getattr(config, "workerinput", None)
    in_a_background_worker = worker is not None and worker["workerid"] != FOREGROUND_WORKER
    return bool(config.getoption("lanes")) and in_a_background_worker


def wait_longer(browser: Browser, config: pytest.Config) -> None:
    """In a background worker: every new context of `browser` waits `PATIENCE` times longer for
    pages and actions (the tests open contexts themselves, with their own options)."""
    if not in_background(config):
        return
    new_context = browser.new_context

    def patient_context(**options) -> BrowserContext:
        context = new_context(**options)
        context.set_default_timeout(PLAYWRIGHT_TIMEOUT * PATIENCE)
        return context

    browser.new_context = patient_context


def yield_the_browsers_cpu(config: pytest.Config) -> None:
    """In a background worker, once its browser is up: the lowest CPU priority for the browser.

    Playwright starts Chromium in a session of its own, and Linux shares the CPUs between
    sessions first (autogroups), so Chromium's processes are not slowed by the worker's nice
    value, nor by their own: the nice value of their session's group is what counts."""
    if not in_background(config):
        return
    ours = os.getsid(0)
    for pid in descendants(os.getpid()):
        try:
            os.setpriority(os.PRIO_PROCESS, pid, 19)
            if os.getsid(pid) != ours:
                Path(f"/proc/{pid}/autogroup").write_text("19")
        except OSError:  # gone already, or a kernel without autogroups
            pass


def descendants(pid: int) -> list[int]:
    """The processes started by `pid`, and by them, and so on (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (name) state ppid ...": the name may hold spaces, so split after its ")".
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def tell_worker(node) -> None:
    """In the controller, for each worker it starts: the file of background tests."""
    if _LIST in node.config.stash:
        node.workerinput["lanes_background"] = str(node.config.stash[_LIST])


def list_background(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In a worker, once it has collected: the ids of the background tests, for the scheduler."""
    target = getattr(config, "workerinput", {}).get("lanes_background")
    if target:
        ids = [item.nodeid for item in items if item.get_closest_marker("background")]
        Path(target).write_text(json.dumps(ids), encoding="utf-8")


class LaneScheduling:
    """pytest-xdist's scheduler protocol (`xdist.scheduler.protocol.Scheduling`), in two lanes."""

    def __init__(self, numnodes: int, listed: Path, config: pytest.Config | None = None) -> None:
        self.numnodes = numnodes
        self.listed = listed
        self.config = config
        self.node2collection: dict = {}
        self.node2pending: dict = {}
        self.collection: list[str] | None = None
        self.in_background: set[int] = set()
        self.foreground: list[int] = []
        self.background: list[int] = []
        self.module_of: dict = {}  # worker → the module of the last test it was sent

    @classmethod
    def for_config(cls, config: pytest.Config, log) -> LaneScheduling:
        """The scheduler pytest-xdist's controller asks for (`pytest_xdist_make_scheduler`)."""
        from xdist.workermanage import parse_tx_spec_config

        return cls(len(parse_tx_spec_config(config)), config.stash[_LIST], config)

    @property
    def nodes(self) -> list:
        return list(self.node2pending)

    @property
    def collection_is_completed(self) -> bool:
        return len(self.node2collection) >= self.numnodes

    @property
    def tests_finished(self) -> bool:
        if not self.collection_is_completed or self.foreground or self.background:
            return False
        return all(len(pending) < 2 for pending in self.node2pending.values())

    @property
    def has_pending(self) -> bool:
        return bool(self.foreground or self.background or any(self.node2pending.values()))

    def add_node(self, node) -> None:
        self.node2pending[node] = []

    def add_node_collection(self, node, collection: Sequence[str]) -> None:
        self.node2collection[node] = list(collection)

    def schedule(self) -> None:
        if self.collection is None:
            collections = list(self.node2collection.values())
            if any(c != collections[0] for c in collections):
                self.fail_collection("the workers collected different tests: nothing ran")
                return
            self.collection = collections[0]
            background = set(json.loads(self.listed.read_text(encoding="utf-8")))
            for index, test_id in enumerate(self.collection):
                if test_id in background:
                    self.in_background.add(index)
                    self.background.append(index)
                else:
                    self.foreground.append(index)
        for node in self.nodes:
            self.top_up(node)

    def fail_collection(self, message: str) -> None:
        """Fail the run as pytest-xdist's own schedulers do (a failed collection report)."""
        if self.config is None:
            raise RuntimeError(message)
        report = pytest.CollectReport(nodeid="lanes", outcome="failed", longrepr=message, result=[])
        self.config.hook.pytest_collectreport(report=report)

    def lane_of(self, index: int) -> list[int]:
        return self.background if index in self.in_background else self.foreground

    def mark_test_complete(self, node, item_index: int, duration: float = 0) -> None:
        self.node2pending[node].remove(item_index)
        self.top_up(node)

    def mark_test_pending(self, item: str) -> None:
        index = self.collection.index(item)
        self.lane_of(index).insert(0, index)
        for node in self.nodes:
            self.top_up(node)

    def remove_pending_tests_from_node(self, node, indices: Sequence[int]) -> None:
        raise NotImplementedError

    def remove_node(self, node) -> str | None:
        pending = self.node2pending.pop(node)
        self.module_of.pop(node, None)
        if not pending:
            return None
        crashed = self.collection[pending.pop(0)]
        for index in reversed(pending):
            self.lane_of(index).insert(0, index)
        for other in self.nodes:
            self.top_up(other)
        return crashed

    def lanes_for(self, node) -> list[list[int]]:
        """The lanes `node` takes tests from, first choice first. Without a foreground worker
        (it crashed), the others take its tests too rather than leave them."""
        foreground_up = any(n.gateway.id == FOREGROUND_WORKER for n in self.nodes)
        if node.gateway.id == FOREGROUND_WORKER or not foreground_up:
            return [self.foreground, self.background]
        return [self.background]

    def module(self, index: int) -> str:
        return self.collection[index].split("::")[0]

    def take(self, lane: list[int], node) -> int:
        """The next test from `lane` for `node`: one of the module it is in, while any is left, as
        a module's fixtures (a built site, a started Python) are set up in each worker that runs
        its tests; else one of a module no other worker is in; else the lane's first."""
        current = self.module_of.get(node)
        others = {module for worker, module in self.module_of.items() if worker is not node}
        index = next((i for i in lane if self.module(i) == current), None)
        if index is None:
            index = next((i for i in lane if self.module(i) not in others), lane[0])
        lane.remove(index)
        self.module_of[node] = self.module(index)
        return index

    def top_up(self, node) -> None:
        if node.shutting_down or self.collection is None:
            return
        lanes = [lane for lane in self.lanes_for(node) if lane]
        if not lanes:
            node.shutdown()  # once it has run the tests it holds
            return
        pending = self.node2pending[node]
        taken: list[int] = []
        for lane in lanes:
            while lane and len(pending) + len(taken) < AHEAD:
                taken.append(self.take(lane, node))
        if taken:
            pending.extend(taken)
            node.send_runtest_some(taken)
        if not any(self.lanes_for(node)):
            node.shutdown()  # else it would hold its last test, waiting to hear of the next
