"""The two lanes of `make test` (support.lanes): the foreground worker runs every test a program's
timing can fail, the background worker only the others."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.lanes import FOREGROUND_WORKER, LaneScheduling, descendants

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


class Log:
    def __getattr__(self, name: str) -> Log:
        return self

    def __call__(self, *args: object) -> None:
        pass


@pytest.fixture
def lanes(tmp_path: Path) -> LaneScheduling:
    listed = tmp_path / "background.json"
    listed.write_text(json.dumps(sorted(BACKGROUND)))
    return LaneScheduling(2, listed, Log())


def start(lanes: LaneScheduling) -> tuple[Worker, Worker]:
    front, back = Worker(Gateway(FOREGROUND_WORKER)), Worker(Gateway("gw1"))
    for worker in (front, back):
        lanes.add_node(worker)
        lanes.add_node_collection(worker, TESTS)
    lanes.schedule()
    return front, back


def run_all(lanes: LaneScheduling, *workers: Worker) -> None:
    """Each worker finishes the first test it holds, in turn, until all have stopped."""
    while any(lanes.node2pending.get(w) for w in workers):
        for worker in workers:
            if pending := lanes.node2pending.get(worker):
                lanes.mark_test_complete(worker, pending[0])


def names(worker: Worker) -> list[str]:
    return [TESTS[index] for index in worker.sent]


def test_the_background_worker_runs_background_tests_only(lanes: LaneScheduling) -> None:
    front, back = start(lanes)
    run_all(lanes, front, back)
    assert set(names(back)) <= BACKGROUND
    assert sorted(names(front) + names(back)) == TESTS  # each test once
    assert front.shutting_down and back.shutting_down
    assert lanes.tests_finished


def test_the_foreground_worker_runs_its_own_tests_first(lanes: LaneScheduling) -> None:
    front, back = start(lanes)
    run_all(lanes, front, back)
    own = [name for name in names(front) if name not in BACKGROUND]
    assert names(front)[: len(own)] == own == [t for t in TESTS if t not in BACKGROUND]


def test_without_the_foreground_worker_the_others_take_its_tests(lanes: LaneScheduling) -> None:
    front, back = start(lanes)
    crashed = lanes.remove_node(front)
    assert crashed == TESTS[front.sent[0]]
    run_all(lanes, back)
    assert set(names(back)) | {crashed} == set(TESTS)


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
