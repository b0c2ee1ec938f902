"""Task timelines: the recorder (CPython), the recorded files, and the drawing."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from asyncio_notes.catalogue import Snippet
from asyncio_notes.outputs import same_timeline
from asyncio_notes.timeline import labels, load, load_live
from conftest import SNIPPETS, SnippetRun

recorder_module = load("recorder")
render = load("render").render
USES_ASYNCIO = re.compile(r"^(import asyncio|from asyncio import)", re.MULTILINE)


def record(main, program: str | None = None) -> dict:
    """Run `main()` on a fresh loop under the recorder (in a thread: Playwright may hold one);
    `program` is the recorder's (the file whose lines the turns keep)."""
    recorder = recorder_module.Recorder(program=program)

    def go():
        loop = asyncio.new_event_loop()
        recorder.install(loop)
        try:
            loop.run_until_complete(main())
        finally:
            recorder.uninstall()
            loop.close()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(go).result()
    return recorder.to_data()


async def say_after(delay, what):
    await asyncio.sleep(delay)
    return what


def test_sleep_and_create_task() -> None:
    async def main():
        first = asyncio.create_task(say_after(0.05, "a"))
        second = asyncio.create_task(say_after(0.1, "b"))
        await first
        await second

    data = record(main)
    names = [t["name"] for t in data["tasks"]]
    assert names == ["main()", "say_after(0.05, 'a')", "say_after(0.1, 'b')"]
    assert [t["parent"] for t in data["tasks"]] == [None, 0, 0]
    assert data["tasks"][1]["steps"][0][2] == "asyncio.sleep(0.05)"
    assert data["tasks"][0]["steps"][0][2] == "task say_after(0.05, 'a')"
    # A sleep is never shorter than asked (times are rounded to 10 ms); a busy machine may make
    # it longer, so only the order and the lower bound are checked.
    assert data["tasks"][2]["finished"] >= max(0.09, data["tasks"][1]["finished"])
    assert all(t["state"] == "done" for t in data["tasks"])


def test_awaited_calls_in_one_task_are_a_staircase() -> None:
    async def outer():
        await say_after(0.05, "inner")

    async def main():
        await say_after(0.05, "a")
        await say_after(0.1, "b")
        await outer()
        print("done")

    data = record(main)
    assert len(data["tasks"]) == 1
    calls = data["tasks"][0]["calls"]
    assert [(depth, name) for _, _, depth, name in calls] == [
        (1, "say_after(0.05, 'a')"),
        (1, "say_after(0.1, 'b')"),
        (1, "outer()"),
        (2, "say_after(0.05, 'inner')"),
    ]
    (a0, a1, _, _), (b0, b1, _, _), (o0, o1, _, _), (i0, i1, _, _) = calls
    # A sleep is never shorter than asked (times are rounded to 10 ms); a busy machine may
    # make it longer, so only the order and the lower bounds are checked.
    assert a0 == 0.0 and a1 >= 0.04
    assert b0 == a1 and b1 - b0 >= 0.09  # one after the other: a staircase
    assert o0 == b1 and (i0, i1) == (o0, o1)
    html = render(data, labels("en"))
    assert html.count("timeline__lane--call") == 4
    assert "awaited call" in html  # the table's rows for the calls


def test_calls_still_in_progress_have_no_end() -> None:
    recorder = recorder_module.Recorder()
    loop = asyncio.new_event_loop()
    recorder.install(loop)

    async def main():
        await say_after(10, "never")

    try:
        task = loop.create_task(main())
        loop.run_until_complete(asyncio.sleep(0.02))
        data = recorder.to_data()
        task.cancel()
        loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    finally:
        recorder.uninstall()
        loop.close()
    assert data["tasks"][0]["calls"] == [[0.0, None, 1, "say_after(10, 'never')"]]
    assert "timeline__lane--call" in render(data)
    assert recorder.to_data()["tasks"][0]["calls"][0][1] is not None  # cancelled: ended


def test_gather_overlaps() -> None:
    async def main():
        await asyncio.gather(say_after(0.1, "a"), say_after(0.1, "b"))

    data = record(main)
    assert data["tasks"][0]["steps"][0][2] == "gather(...)"
    children = data["tasks"][1:]
    # Both made at once and each sleeping 0.1 s (at least: a busy machine may make it longer),
    # so they overlap however long the run takes.
    assert len(children) == 2 and all(t["created"] == 0.0 for t in children)
    assert all(t["finished"] >= 0.09 for t in children)
    assert data["duration"] >= max(t["finished"] for t in children)
    # gather's children are tasks (their own lanes, overlapping), not calls of main.
    assert data["tasks"][0]["calls"] == []


def test_task_group_cancellation_and_exception() -> None:
    async def broken():
        await asyncio.sleep(0.05)
        raise ValueError("no")

    async def main():
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(broken())
                group.create_task(asyncio.sleep(1))
        except* ValueError:
            pass

    data = record(main)
    states = {t["name"]: (t["state"], t.get("error")) for t in data["tasks"]}
    assert states["broken()"] == ("error", "ValueError")
    assert states["sleep(1, None)"] == ("cancelled", None)
    assert data["tasks"][0]["steps"][0][2] == "TaskGroup exit"
    assert data["tasks"][0]["calls"] == []  # TaskGroup.__aexit__ is asyncio's, not a call


def test_cancel() -> None:
    async def main():
        task = asyncio.create_task(asyncio.sleep(10), name="sleeper")
        await asyncio.sleep(0.02)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    data = record(main)
    assert data["tasks"][1]["name"] == "sleeper"
    assert data["tasks"][1]["state"] == "cancelled"


def test_task_flood_is_capped() -> None:
    async def main():
        await asyncio.gather(*(asyncio.sleep(0) for _ in range(1000)))

    data = record(main)
    assert len(data["tasks"]) == recorder_module.MAX_TASKS
    assert data["hidden_tasks"] == 1001 - recorder_module.MAX_TASKS
    html = render(data, labels("en"))
    assert f"{1001 - load('render').MAX_LANES} more tasks not shown" in html


def test_repeated_calls_are_capped_and_tasks_keep_their_lanes() -> None:
    async def tick():
        await asyncio.sleep(0)

    async def worker():
        for _ in range(100):
            await tick()

    async def main():
        await asyncio.gather(*(worker() for _ in range(3)))

    data = record(main)
    workers = data["tasks"][1:]
    assert all(len(t["calls"]) == recorder_module.MAX_CALLS_PER_TASK for t in workers)
    assert data["hidden_calls"] == 3 * (100 - recorder_module.MAX_CALLS_PER_TASK)
    html = render(data, axis_seconds=0.1)  # by time: by turns, the calls come from the turns
    lanes = html.count('class="timeline__lane"')
    assert lanes == 4, "every task keeps its lane; calls only get what is left"
    shown_calls = html.count("timeline__lane--call")
    assert f"{300 - shown_calls} more coroutine calls not shown" in html


def test_render_escapes_what_the_program_named() -> None:
    async def main():
        await asyncio.create_task(asyncio.sleep(0), name="<img src=x onerror=alert(1)>")

    html = render(record(main), labels("ko"))
    assert "<img" not in html and "&lt;img src=x" in html
    assert "태스크" in html and "일시 중단" in html or "실행 중" in html


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_timeline_matches_recording(snippet: Snippet, snippet_runs: dict[str, SnippetRun]) -> None:
    recorded = snippet.recorded_timeline
    if not USES_ASYNCIO.search(snippet.source):
        assert recorded is None, f"{snippet.timeline_path} exists, but the example runs no tasks"
        return
    assert recorded is not None, f"{snippet.timeline_path} is missing: run `make update-outputs`"
    run = snippet_runs[snippet.name]
    assert run.error is None, run.error
    fresh = run.timeline
    assert fresh is not None and same_timeline(recorded, fresh), (
        f"{snippet.path} no longer runs the way {snippet.timeline_path.name} recorded (its tasks, "
        "what they awaited, or when): if the change is intended, record it again: "
        f"make check NAME={snippet.name} RECORD=1"
    )


PYODIDE_PROGRAM = """
import asyncio

async def child(delay):
    await asyncio.sleep(delay)
    if delay > 0.1:
        raise ValueError("late")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(child(0.05))
            group.create_task(child(0.15))
            group.create_task(asyncio.sleep(5))
    except* ValueError:
        pass
    await asyncio.gather(child(0.01), child(0.02))
    await asyncio.create_task(sequential())

async def sequential():
    await child(0.01)
    await child(0.02)
"""


@pytest.mark.pyodide
@pytest.mark.parametrize("patched", [True, False])
def test_recorder_under_pyodide(tmp_path, patched: bool) -> None:
    import json
    import subprocess

    from asyncio_notes.catalogue import ROOT

    program = tmp_path / "program.py"
    program.write_text(PYODIDE_PROGRAM)
    done = subprocess.run(
        [
            "node",
            "tests/pyodide/record_timeline.mjs",
            *([] if patched else ["--no-patch"]),
            str(program),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    if not patched:
        # Pyodide 314.0.7's loop needs the helper Python 3.13 removed; the guard says so.
        assert data["needs_patch"] and "_set_task_name" in data["error"]
        return
    states = [(t["name"], t["state"]) for t in data["tasks"]]
    assert states == [
        ("child(0.05)", "done"),
        ("child(0.15)", "error"),
        ("sleep(5, None)", "cancelled"),
        ("child(0.01)", "done"),
        ("child(0.02)", "done"),
        ("sequential()", "done"),
    ]
    assert data["tasks"][0]["steps"][0][2] == "asyncio.sleep(0.05)"
    calls = data["tasks"][-1]["calls"]
    assert [(depth, name) for _, _, depth, name in calls] == [
        (1, "child(0.01)"),
        (1, "child(0.02)"),
    ]
    assert calls[0][1] <= calls[1][0] + 0.01, "a staircase under Pyodide too"


def test_compared_timelines_can_share_a_time_axis() -> None:
    from asyncio_notes.catalogue import find_snippets
    from asyncio_notes.pages import wrap_examples

    snippets = {s.name: s for s in find_snippets()}
    page = (
        '```python hl_lines="15"{}\n--8<-- "08_when_asyncio_helps/concurrent_downloads.py"\n```\n'
    )
    plain = wrap_examples(page.format(""), "en", snippets)
    shared = wrap_examples(page.format(' timeline-seconds="1.6"'), "en", snippets)
    assert ">1.6 s<" not in plain and ">1.6 s<" in shared
    assert "timeline-seconds" not in shared and 'hl_lines="15"' in shared


def test_live_timeline_grows_and_sends_the_table_last() -> None:
    live = load_live()
    sent: list[str] = []
    drawn: asyncio.Event | None = None  # set by each drawing sent

    def send(html: str) -> None:
        sent.append(html)
        drawn.set()

    async def until_drawn(drawings: int) -> None:
        """Run until the timeline has sent `drawings` drawings, however long they take."""
        while len(sent) < drawings:
            drawn.clear()
            await drawn.wait()

    async def main():
        await asyncio.gather(until_drawn(1), until_drawn(2))
        print("done")

    async def run():
        nonlocal drawn
        drawn = asyncio.Event()
        timeline = live.LiveTimeline(send, labels("en", live=True), "live")
        timeline.start()
        try:
            await asyncio.ensure_future(main())
        finally:
            timeline.stop()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()
    assert len(sent) >= 3, "two drawings while running (the program waits for them), one at the end"
    durations = [float(re.search(r"over ([\d.]+) s", html)[1]) for html in sent]
    assert durations == sorted(durations) and durations[0] < durations[-1], "it grows"
    assert all("<table" not in html for html in sent[:-1]) and "<table" in sent[-1]
    assert "in your run" in sent[-1] and sent[-1].count('class="timeline__lane"') == 3


def test_a_run_draws_with_the_renderer_even_if_the_last_run_replaced_it() -> None:
    live = load_live()
    render = live.timeline_render.render
    drawings: list[str] = []

    async def program(source: str, filename: str) -> None:
        exec(source, {"__name__": "__main__"})
        await asyncio.create_task(asyncio.sleep(0))

    def run(source: str) -> None:
        recorded = live.run_recorded(
            program, source, "main.py", drawings.append, labels("en", live=True), "live"
        )
        asyncio.run(recorded)

    run("import asyncio, timeline_render\ntimeline_render.render = None\n")
    assert drawings[-1] == ""  # that run's own figure is what its renderer made: none
    run("import asyncio\n")
    assert live.timeline_render.render is render
    assert "Timeline of 1 task" in drawings[-1]


@pytest.mark.parametrize(
    "source, uses",
    [
        ("import asyncio\n", True),
        ("from asyncio import run\n", True),
        ("def f():\n    import asyncio\n", True),
        ("print('asyncio')\n", False),
        ("import asyncio_notes\n", False),
    ],
)
def test_only_programs_that_import_asyncio_get_a_live_timeline(source: str, uses: bool) -> None:
    assert load_live().uses_asyncio(source) is uses


def test_a_figure_of_one_task_says_task() -> None:
    async def main():
        await asyncio.sleep(0.01)

    html = render(record(main), labels("en"))
    assert "Timeline of 1 task over" in html


# -- turns: the step-through's data (version 3) ---------------------------------------------


def line_of(function, text: str) -> int:
    """The line of `function`'s source that contains `text`."""
    import inspect

    lines, first = inspect.getsourcelines(function)
    return first + next(i for i, line in enumerate(lines) if text in line)


async def turns_main():
    first = asyncio.create_task(say_after(0.02, "a"))
    second = asyncio.create_task(say_after(0.04, "b"))
    print(await first)
    print(await second)


def test_turns_follow_the_loop_step_by_step() -> None:
    data = record(turns_main)
    main_first, main_second = (
        line_of(turns_main, "await first"),
        line_of(turns_main, "await second"),
    )
    sleep_line = line_of(say_after, "await asyncio.sleep")
    assert data["version"] == 3
    assert data["turns"] == [
        [0, [["turns_main()", main_first]], [1]],
        [1, [["say_after(0.02, 'a')", sleep_line]], []],
        [2, [["say_after(0.04, 'b')", sleep_line]], []],
        [1, None, []],
        [0, [["turns_main()", main_second]], [2]],
        [2, None, []],
        [0, None, []],
    ]
    # The n-th turn of a task is its n-th step.
    for index, task in enumerate(data["tasks"]):
        assert len(task["steps"]) == sum(turn[0] == index for turn in data["turns"])
    assert [t["created_turn"] for t in data["tasks"]] == [0, 0, 0]
    # "a" is printed in main's second turn (turn 4), after three turns... and "b" in its last.
    assert data["print_turns"] == [4, 6]
    assert data["hidden_turns"] == 0


def test_turns_name_the_tasks_a_task_waits_on() -> None:
    async def main():
        await asyncio.gather(say_after(0.01, "a"), say_after(0.02, "b"))
        async with asyncio.TaskGroup() as group:
            group.create_task(say_after(0.01, "c"))
            group.create_task(say_after(0.02, "d"))
        await asyncio.wait([asyncio.create_task(say_after(0.01, "e"))])

    data = record(main)
    main_turns = [turn for turn in data["turns"] if turn[0] == 0]
    assert [turn[2] for turn in main_turns] == [[1, 2], [3, 4], [5], []]


def test_turns_keep_the_programs_frames_only() -> None:
    """Only the program's file: asyncio's and contextlib's frames between the program's own
    are left out, and a task running asyncio's coroutine (to_thread) has no frames at all. An
    async generator's frame is not reached: what awaits it (`anext()`) does not say which."""
    import contextlib

    @contextlib.asynccontextmanager
    async def opened():
        await asyncio.sleep(0.01)
        yield

    async def fetch():
        async with opened():
            await asyncio.wait_for(asyncio.sleep(0.01), 1)

    async def main():
        await fetch()
        await asyncio.create_task(asyncio.to_thread(sum, [1, 2]))

    data = record(main, program=__file__)
    frames = [frames for task, frames, _ in data["turns"] if task == 0 and frames]
    assert frames[0] == [
        ["main()", line_of(main, "await fetch()")],
        ["fetch()", line_of(fetch, "async with opened()")],
    ]
    assert frames[1][-1] == ["fetch()", line_of(fetch, "await asyncio.wait_for")]
    to_thread = [frames for task, frames, _ in data["turns"] if task == 1]
    assert to_thread and all(not frames for frames in to_thread if frames is not None)


def test_turns_past_the_cap_are_counted() -> None:
    async def main():
        for _ in range(recorder_module.MAX_TURNS + 50):
            await asyncio.sleep(0)

    data = record(main)
    assert len(data["turns"]) == recorder_module.MAX_TURNS
    assert data["hidden_turns"] == 51  # 250 sleeps and the last turn, minus the 200 kept


def test_the_final_drawing_carries_the_replay_and_the_running_ones_do_not() -> None:
    import html as html_module
    import json

    data = record(turns_main)
    final = render(data, figure_id="t")
    replay = json.loads(html_module.unescape(re.search(r"data-replay='([^']*)'", final)[1]))
    assert replay["turns"] == data["turns"] and replay["print_turns"] == data["print_turns"]
    assert [len(t["steps"]) for t in replay["tasks"]] == [3, 2, 2]
    assert replay["lanes"] == [0, 22, 44]
    assert 'data-task="2"' in final
    assert "data-replay" not in render(data, figure_id="t", table=False)
    # What the program named is escaped in the attribute too.
    assert "<" not in re.search(r"data-replay='([^']*)'", final)[1]


REPLAYED_IN_THE_ISSUE = [
    "03_tasks/create_task",
    "03_tasks/gather",
    "03_tasks/cancel_task",
    "03_tasks/task_group",
    "03_tasks/task_group_failure",
    "03_tasks/timeout",
    "08_when_asyncio_helps/sequential_downloads",
    "08_when_asyncio_helps/concurrent_downloads",
]


def event_order(recording: dict) -> tuple[list, list]:
    """The turns as the step-through shows them, without the calls' argument text (a clock
    reading passed as an argument reads differently in each Python): task, lines, awaited."""
    turns = [
        [task, None if frames is None else [line for _, line in frames], awaits]
        for task, frames, awaits in recording["turns"]
    ]
    return turns, recording["print_turns"]


@pytest.fixture(scope="module")
def pyodide_recordings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Live runs under Pyodide, through the site's runner, of the examples replayed in the issue:
    a few Node programs at once, each running its share of the examples in one Python."""
    import json

    from asyncio_notes.catalogue import find_snippets
    from asyncio_notes.interpreters import PYODIDE_RECORDER
    from support.node import run_node, shares

    folder = tmp_path_factory.mktemp("recordings")
    snippets = {s.name: s for s in find_snippets()}
    outs = {name: folder / f"{name.replace('/', '-')}.json" for name in REPLAYED_IN_THE_ISSUE}
    arguments = [
        [path for name in share for path in (str(snippets[name].path), str(outs[name]))]
        for share in shares(list(outs))
    ]
    run_node(str(PYODIDE_RECORDER), arguments, 120)
    return {name: json.loads(out.read_text()) for name, out in outs.items()}


@pytest.mark.pyodide
@pytest.mark.parametrize("name", REPLAYED_IN_THE_ISSUE)
def test_pyodide_and_cpython_agree_on_the_order_of_turns(
    name: str, pyodide_recordings: dict[str, dict]
) -> None:
    """The page's recording (CPython) and a live run's (Pyodide, through the site's runner):
    the same turns in the same order, at the same lines, printing at the same turns."""
    from asyncio_notes.catalogue import find_snippets

    snippet = next(s for s in find_snippets() if s.name == name)
    assert event_order(pyodide_recordings[name]) == event_order(snippet.recorded_timeline)


def test_a_fast_run_is_drawn_by_turns() -> None:
    """Under TURN_AXIS_BELOW, steps that all happened "at 0 s" are drawn one turn apart."""
    from asyncio_notes.catalogue import find_snippets

    snippet = next(s for s in find_snippets() if s.name == "05_event_loop/take_turns")
    data = snippet.recorded_timeline
    assert load("render").by_turns(data) is not None, "the example no longer runs fast"
    html = render(data, labels("en"), "t")
    assert "over 9 turns of the event loop" in html and "not by time" in html
    worker_a = re.search(r'data-task="1">(.*?)</g>', html)[1]
    starts = [float(x) for x in re.findall(r'class="timeline__run" x="([\d.]+)"', worker_a)]
    assert len(starts) == 4 and len(set(starts)) == 4, "worker A's four steps are apart"
    assert "worker(&#x27;A&#x27;, 3): running in turn 2" in html
    assert '"by_turn":true' in html
    # The table keeps the times, and a shared time axis keeps a figure by time.
    assert '<td data-label="Created (s)">0.00</td>' in html
    assert "turns of the event loop" not in render(data, labels("en"), "t", axis_seconds=0.5)
    ko = render(data, labels("ko"), "t")
    assert "이벤트 루프 9차례" in ko and "2번째 차례에 실행 중" in ko
