"""The two lanes of `make test` (support.lanes): the foreground worker runs every test a program's
timing can fail, the background worker only the others."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.lanes import (
    FOREGROUND_WORKER,
    PATIENCE,
    PLAYWRIGHT_TIMEOUT,
    LaneScheduling,
    descendants,
    patient,
    wait_longer,
)

TESTS = ["t.py::a", "t.py::b", "t.py::c", "t.py::d", "t.py::e", "t.py::f"]
BACKGROUND = {"t.py::b", "t.py::d", "t.py::e"}


@dataclass
class Gateway:
    id: str


@dataclass(eq=False)  # a worker is itself, as xdist's are
class Worker:
    """What the scheduler sees of a pytest-xdist worker: it is sent tests, or told to stop."""

    gateway: Gateway
    sent: list[int] = field(default_factory=list)
    shutting_down: bool = False

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent += indices

    def shutdown(self) -> None:
        self.shutting_down = True


def scheduler(
    tmp_path: Path, background: set[str] = BACKGROUND, workers: int = 2
) -> LaneScheduling:
    listed = tmp_path / "background.json"
    listed.write_text(json.dumps(sorted(background)))
    return LaneScheduling(workers, listed)


def start(lanes: LaneScheduling, count: int = 2, tests: list[str] = TESTS) -> list[Worker]:
    workers = [Worker(Gateway(FOREGROUND_WORKER if n == 0 else f"gw{n}")) for n in range(count)]
    for worker in workers:
        lanes.add_node(worker)
        lanes.add_node_collection(worker, tests)
    lanes.schedule()
    return workers


def run_all(lanes: LaneScheduling, workers: list[Worker]) -> None:
    """Run as pytest-xdist's workers do: a worker runs a test once it holds the next one or has
    been told to stop. Fails if no worker can go on while tests are left."""
    while any(lanes.node2pending.get(w) for w in workers):
        ready = [
            w
            for w in workers
            if (pending := lanes.node2pending.get(w)) and (len(pending) >= 2 or w.shutting_down)
        ]
        assert ready, "every worker waits for a next test that never comes"
        for worker in ready:
            lanes.mark_test_complete(worker, lanes.node2pending[worker][0])
    assert lanes.tests_finished


def names(worker: Worker) -> list[str]:
    return [TESTS[index] for index in worker.sent]


def test_each_lane_gets_its_own_tests_first(tmp_path: Path) -> None:
    lanes = scheduler(tmp_path)
    front, back = start(lanes)
    assert names(front) == ["t.py::a", "t.py::c"]
    assert names(back) == ["t.py::b", "t.py::d"]


def test_the_background_worker_runs_background_tests_only(tmp_path: Path) -> None:
    lanes = scheduler(tmp_path)
    front, back = start(lanes)
    run_all(lanes, [front, back])
    assert set(names(back)) <= BACKGROUND
    assert Counter(names(front) + names(back)) == Counter(TESTS)  # each test once
    assert front.shutting_down and back.shutting_down


def test_the_foreground_worker_runs_its_own_tests_first(tmp_path: Path) -> None:
    lanes = scheduler(tmp_path)
    front, back = start(lanes)
    run_all(lanes, [front, back])
    own = [name for name in names(front) if name not in BACKGROUND]
    assert names(front)[: len(own)] == own == [t for t in TESTS if t not in BACKGROUND]


@pytest.mark.parametrize(
    ("background", "workers"),
    [({"t.py::b"}, 2), (set(), 2), (set(TESTS), 2), ({"t.py::b", "t.py::d", "t.py::f"}, 3)],
    ids=["one background test", "none", "all", "three workers"],
)
def test_every_test_runs_once_whatever_the_lanes_hold(
    tmp_path: Path, background: set[str], workers: int
) -> None:
    lanes = scheduler(tmp_path, background, workers)
    started = start(lanes, workers)
    run_all(lanes, started)
    assert Counter(name for w in started for name in names(w)) == Counter(TESTS)
    for worker in started[1:]:
        assert set(names(worker)) <= background


def test_a_background_worker_keeps_to_a_module_no_other_worker_is_in(tmp_path: Path) -> None:
    tests = ["a.py::1", "b.py::1", "b.py::2", "b.py::3", "c.py::1", "c.py::2", "c.py::3"]
    lanes = scheduler(tmp_path, set(tests[1:]), workers=3)
    front, *back = start(lanes, 3, tests)
    run_all(lanes, [front, *back])
    modules = sorted(sorted({tests[i].split("::")[0] for i in worker.sent}) for worker in back)
    assert modules == [["b.py"], ["c.py"]]


def test_a_worker_shares_a_module_rather_than_wait(tmp_path: Path) -> None:
    tests = ["a.py::1", "b.py::1", "b.py::2", "b.py::3", "b.py::4", "b.py::5", "b.py::6"]
    lanes = scheduler(tmp_path, set(tests[1:]), workers=3)
    front, *back = start(lanes, 3, tests)
    run_all(lanes, [front, *back])
    assert all(worker.sent for worker in back)
    assert Counter(i for worker in (front, *back) for i in worker.sent) == Counter(range(7))


def test_without_the_foreground_worker_the_others_take_its_tests(tmp_path: Path) -> None:
    lanes = scheduler(tmp_path)
    front, back = start(lanes)
    crashed = lanes.remove_node(front)
    assert crashed == TESTS[front.sent[0]]
    run_all(lanes, [back])
    assert Counter(names(back)) + Counter([crashed]) == Counter(TESTS)


def test_workers_that_collect_different_tests_fail_the_run(tmp_path: Path) -> None:
    lanes = scheduler(tmp_path)
    for n, tests in enumerate((TESTS, TESTS[:-1])):
        worker = Worker(Gateway(f"gw{n}"))
        lanes.add_node(worker)
        lanes.add_node_collection(worker, tests)
    with pytest.raises(RuntimeError, match="collected different tests"):
        lanes.schedule()


def test_descendants_finds_the_children_of_children() -> None:
    # The shell starts a sleep and says its number: a child of a child of this process.
    shell = subprocess.Popen(["sh", "-c", "sleep 30 & echo $!; wait"], stdout=subprocess.PIPE)
    try:
        grandchild = int(shell.stdout.readline())
        assert {shell.pid, grandchild} <= set(descendants(os.getpid()))
        assert descendants(grandchild) == []
    finally:
        subprocess.run(["kill", str(grandchild)], check=False)
        shell.wait()
        shell.stdout.close()


@dataclass
class Context:
    timeout: float | None = None

    def set_default_timeout(self, timeout: float) -> None:
        self.timeout = timeout


@dataclass
class Browser:
    opened: list[dict] = field(default_factory=list)

    def new_context(self, **options) -> Context:
        self.opened.append(options)
        return Context()


@dataclass
class Config:
    """What `wait_longer` reads of pytest's config: `--lanes`, and the worker's id, if any."""

    lanes: bool
    workerinput: dict | None

    def getoption(self, name: str) -> bool:
        assert name == "lanes"
        return self.lanes


@pytest.mark.parametrize(
    "config, timeout",
    [
        (Config(lanes=True, workerinput={"workerid": "gw1"}), PLAYWRIGHT_TIMEOUT * PATIENCE),
        (Config(lanes=True, workerinput={"workerid": FOREGROUND_WORKER}), None),
        (Config(lanes=False, workerinput={"workerid": "gw1"}), None),
        (Config(lanes=True, workerinput=None), None),
    ],
    ids=["background", "foreground", "no-lanes", "controller"],
)
def test_only_the_background_lanes_browser_waits_longer(config: Config, timeout) -> None:
    browser = Browser()
    wait_longer(browser, config)
    context = browser.new_context(color_scheme="dark")
    assert context.timeout == timeout
    assert browser.opened == [{"color_scheme": "dark"}]  # the test's own options still apply


@pytest.mark.parametrize(
    "worker, waited", [(None, 1_000), (FOREGROUND_WORKER, 1_000), ("gw1", 1_000 * PATIENCE)]
)
def test_a_tests_own_timeout_is_longer_in_the_background(
    monkeypatch: pytest.MonkeyPatch, worker: str | None, waited: float
) -> None:
    if worker is None:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    else:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    assert patient(1_000) == waited
