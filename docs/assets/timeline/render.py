"""Draws a task timeline (the JSON of recorder.py) as an SVG figure with a table alternative.

Plain standard-library Python: the build draws the recorded timeline of every page with it
(CPython), and the browser draws the live one after a run (Pyodide), so both look the same.
Colours come from CSS classes (docs/assets/stylesheets/site.css), so the figure follows the
light and dark themes. Everything taken from the recording is escaped.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from html import escape

MAX_LANES = 12
MAX_TABLE_ROWS = 300
MAX_BARS_PER_LANE = 60
MAX_CALLS_PER_TASK = 20  # as the recorder keeps, for the calls a figure by turns reads off
NAME_CHARS = 23  # what fits left of the plot at the figure's font size
LANE = 22
LABEL_WIDTH = 190
PLOT_WIDTH = 560
AXIS = 22
PRINTS = 12
MIN_BAR = 2.0
TURN_AXIS_BELOW = 0.05
"""A run shorter than this (seconds) is drawn by turns of the event loop: by time, all of its
steps would sit at 0 s."""

STRINGS_EN = {
    "caption": "What the event loop did: one lane per task, solid while running, light while suspended.",
    "summary": "The same timeline as a table",
    "task": "Task",
    "start": "Start",
    "end": "End",
    "state": "State",
    "awaited": "Awaited",
    "running": "running",
    "suspended": "suspended",
    "done": "done",
    "cancelled": "cancelled",
    "error": "raised {error}",
    "pending": "still pending",
    "prints": "print",
    "created": "created",
    "ran": "{task}: running {from_:.2f}–{to:.2f} s",
    "waited": "{task}: suspended {length:.2f} s in {what}",
    "printed": "line {n} printed at {at:.2f} s",
    "more": "{n} more tasks not shown",
    "more_calls": "{n} more coroutine calls not shown",
    "call": "awaited call",
    "label": "Timeline of {n} tasks over {duration:.2f} s",
    "label_one": "Timeline of 1 task over {duration:.2f} s",
    "turns": "turns",
    "turns_note": (
        "The whole run took under {seconds:g} s, so the figure spaces its steps by turns of the"
        " event loop (one step of one task each), not by time."
    ),
    "ran_turn": "{task}: running in turn {turn}",
    "waited_turns": "{task}: suspended for {turns} turns in {what}",
    "waited_turn_one": "{task}: suspended for 1 turn in {what}",
    "printed_turn": "line {n} printed in turn {turn}",
    "more_turns": "{n} more turns not shown",
    "label_turns": "Timeline of {n} tasks over {turns} turns of the event loop",
    "label_turns_one": "Timeline of 1 task over {turns} turns of the event loop",
}


def _nice_step(duration: float) -> float:
    for step in (0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60):
        if duration / step <= 8:
            return step
    return 120.0


def _nice_turns(turns: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if turns / step <= 10:
            return step
    return 200


def _fmt_seconds(value: float) -> str:
    return f"{value:g} s"


def by_turns(data: dict, axis_seconds: float = 0.0) -> dict | None:
    """The recording with turns of the event loop for times, when it ran too fast to draw by
    time (under TURN_AXIS_BELOW, on an axis not shared with another figure); else None.

    Turn k (from 0) spans k to k + 1: each step covers its turn's slot, a task is created at
    the start of the turn that created it, a line printed during turn k is marked in the middle
    of its slot, and the coroutine calls are read from the turns' frames as the recorder reads
    them from the `await` chain. Only the kept turns are drawn (see MAX_TURNS in recorder.py).
    """
    turns = data.get("turns")
    if not turns or axis_seconds or (data.get("duration") or 0.0) >= TURN_AXIS_BELOW:
        return None
    mine: list[list] = [[] for _ in data["tasks"]]
    for k, (task, frames, _) in enumerate(turns):
        mine[task].append((k, frames))
    tasks, hidden_calls = [], 0
    for task, kept in zip(data["tasks"], mine, strict=True):
        steps = [[k, k + 1, step[2]] for (k, _), step in zip(kept, task["steps"], strict=False)]
        ended = bool(kept) and kept[-1][1] is None
        calls = _calls_from_frames(kept)
        hidden_calls += max(len(calls) - MAX_CALLS_PER_TASK, 0)
        tasks.append(
            {
                **task,
                "created": float(task.get("created_turn", 0)),
                "finished": kept[-1][0] + 1 if ended else None,
                "steps": steps,
                "calls": calls[:MAX_CALLS_PER_TASK],
            }
        )
    # A line printed in a turn past the kept ones is not drawn; one printed after the last
    # turn of all (when the loop had stopped) goes with that last turn.
    drawn = len(turns) - (1 if data.get("hidden_turns") else 0)
    prints = [
        None if turn > drawn else min(turn, len(turns) - 1) + 0.5
        for turn in data.get("print_turns", [])
    ]
    return {
        **data,
        "duration": float(len(turns)),
        "tasks": tasks,
        "prints": prints,
        "hidden_calls": hidden_calls,
    }


def _calls_from_frames(kept: list) -> list:
    """A task's coroutine calls, in turns: each frame below the task's own, from the turn it
    was first seen in to the turn it was gone in (or the task's end)."""
    calls, active = [], []
    for k, frames in kept:
        chain = [label for label, _ in (frames or [])[1:]]
        same = 0
        while same < len(active) and same < len(chain) and active[same][0] == chain[same]:
            same += 1
        for _, call in active[same:]:
            call[1] = k + 1 if frames is None else k
        del active[same:]
        for depth, label in enumerate(chain[same:], start=same + 1):
            call = [float(k), None, depth, label]
            calls.append(call)
            active.append((label, call))
    return calls


def _rows(tasks: list[dict], hidden_calls: int) -> tuple[list, int, int]:
    """The lanes to draw, at most MAX_LANES: each task, then the coroutine calls it awaited.

    Tasks come first: calls get only the lanes the tasks leave, in the order of their tasks.
    Returns the rows (`(task, None)` or `(task, call)`), and how many tasks and calls are left
    out (those the recorder did not keep included).
    """
    shown = tasks[:MAX_LANES]
    room = MAX_LANES - len(shown)
    rows, calls_left = [], hidden_calls
    for task in shown:
        rows.append((task, None))
        calls = task.get("calls", ())
        rows += [(task, call) for call in calls[:room]]
        calls_left += max(len(calls) - room, 0)
        room = max(room - len(calls), 0)
    calls_left += sum(len(task.get("calls", ())) for task in tasks[MAX_LANES:])
    return rows, len(tasks) - len(shown), calls_left


def _figure_label(strings: dict, tasks: int, duration: float, turned=None) -> str:
    """ "Timeline of 3 tasks over 1.00 s", or of 1 task, or over 9 turns of the event loop."""
    if turned is not None:
        key = "label_turns_one" if tasks == 1 else "label_turns"
        return strings.get(key, strings["label_turns"]).format(n=tasks, turns=int(duration))
    template = strings.get("label_one", strings["label"]) if tasks == 1 else strings["label"]
    return template.format(n=tasks, duration=duration)


def render(
    data: dict,
    strings: dict | None = None,
    figure_id: str = "timeline",
    axis_seconds: float = 0.0,
    table: bool = True,
) -> str:
    """The timeline as HTML: an SVG figure and a table with the same data.

    Args:
        data: A recording (`Recorder.to_data()` or its JSON, loaded).
        strings: Translated labels (keys of `STRINGS_EN`); English by default.
        figure_id: An id prefix unique on the page.
        axis_seconds: The least the time axis shows, so that figures compared side by side
            can share a scale.
        table: Whether to add the table (the live timeline leaves it out of the drawings it
            makes while the program runs, which must cost the program little).
    """
    s = {**STRINGS_EN, **(strings or {})}
    recorded = data
    turned = by_turns(data, axis_seconds)
    if turned is not None:
        data = turned
    tasks = data["tasks"]
    rows, tasks_left, calls_left = _rows(tasks, data.get("hidden_calls", 0))
    tasks_left += data.get("hidden_tasks", 0)
    notes = [s["more"].format(n=tasks_left)] if tasks_left else []
    notes += [s["more_calls"].format(n=calls_left)] if calls_left else []
    if turned is not None and data.get("hidden_turns"):
        notes.append(s["more_turns"].format(n=data["hidden_turns"]))
    duration = max(data.get("duration") or 0.0, axis_seconds, 0.01)
    scale = PLOT_WIDTH / duration
    height = len(rows) * LANE + PRINTS + AXIS + (16 if notes else 0)
    width = LABEL_WIDTH + PLOT_WIDTH + 16

    def x(t: float) -> float:
        return LABEL_WIDTH + (t or 0.0) * scale

    x.scale = scale

    parts = [
        f'<svg class="timeline__plot" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{figure_id}-label" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{figure_id}-label">'
        f"{escape(_figure_label(s, len(tasks) + data.get('hidden_tasks', 0), duration, turned))}"
        f"</title>",
    ]
    index_of = {id(task): i for i, task in enumerate(tasks)}
    # By turns, a bar says which turn it is and a wait how many turns it lasted.
    lane_strings = (
        s
        if turned is None
        else {
            **s,
            "ran": s["ran_turn"],
            "waited": s["waited_turns"],
            "waited_one": s["waited_turn_one"],
        }
    )
    for lane, (task, call) in enumerate(rows):
        top = lane * LANE
        if call is None:
            parts.append(_task_lane(task, top, duration, x, lane_strings, index_of[id(task)]))
        else:
            parts.append(_call_lane(task, call, top, duration, x, lane_strings))

    prints_top = len(rows) * LANE
    for n, at in enumerate(data.get("prints", []), start=1):
        if at is None:  # printed past the turns drawn
            continue
        printed = s["printed"] if turned is None else s["printed_turn"]
        label = escape(printed.format(n=n, at=at, turn=int(at) + 1))
        # A mark per printed line; the page links it to that line of the output
        # (docs/assets/timeline/readout.js). The clear rectangle makes it easy to point at.
        parts.append(
            f'<g class="timeline__print" data-line="{n}" tabindex="0" '
            f'aria-label="{label}"><title>{label}</title>'
            f'<rect class="timeline__hit" x="{x(at) - 3:.1f}" y="{prints_top}" '
            f'width="6" height="{PRINTS}"/>'
            f'<line x1="{x(at):.1f}" x2="{x(at):.1f}" y1="{prints_top + 2}" '
            f'y2="{prints_top + PRINTS - 2}"/></g>'
        )
    parts.append(
        f'<text class="timeline__name" x="{LABEL_WIDTH - 8}" y="{prints_top + 10}" '
        f'text-anchor="end">{escape(s["prints"])}</text>'
    )
    if turned is not None:
        parts.append(
            f'<text class="timeline__name" x="{LABEL_WIDTH - 8}" y="{prints_top + PRINTS + 16}" '
            f'text-anchor="end">{escape(s["turns"])}</text>'
        )

    axis_top = prints_top + PRINTS
    parts.append(
        f'<line class="timeline__axis" x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + PLOT_WIDTH}" '
        f'y1="{axis_top}" y2="{axis_top}"/>'
    )
    step = _nice_step(duration) if turned is None else _nice_turns(duration)
    tick = 0.0
    while tick <= duration + 1e-9:
        text = _fmt_seconds(round(tick, 2)) if turned is None else f"{tick:g}"
        parts.append(
            f'<line class="timeline__axis" x1="{x(tick):.1f}" x2="{x(tick):.1f}" '
            f'y1="{axis_top}" y2="{axis_top + 4}"/>'
            f'<text class="timeline__tick" x="{x(tick):.1f}" y="{axis_top + 16}" '
            f'text-anchor="middle">{text}</text>'
        )
        tick += step
    if notes:
        parts.append(
            f'<text class="timeline__more" x="{LABEL_WIDTH}" y="{height - 3}">'
            f"{escape('; '.join(notes))}</text>"
        )
    parts.append("</svg>")
    # One tab stop per figure: its first bar; the arrow keys move on from there
    # (docs/assets/timeline/readout.js), and the table below says it all in words.
    svg = (
        "".join(parts)
        .replace('tabindex="0"', 'tabindex="-1"')
        .replace('tabindex="-1"', 'tabindex="0"', 1)
    )
    lanes = [None] * len(tasks)
    for lane, (task, call) in enumerate(rows):
        if call is None:
            lanes[index_of[id(task)]] = lane * LANE
    replay = _replay(recorded, LABEL_WIDTH, scale, prints_top + PRINTS, lanes) if table else None
    if replay is not None and turned is not None:
        replay["by_turn"] = True  # the step-through marks turn k at its slot's middle
    caption = s["caption"]
    if turned is not None:
        caption += " " + s["turns_note"].format(seconds=TURN_AXIS_BELOW)
    # The step-through (docs/assets/timeline/stepper.js) reads it; the live drawings made while
    # the program runs leave it out, as they leave out the table.
    replay_json = json.dumps(replay, ensure_ascii=False, separators=(",", ":"))
    # Single quotes around it: the JSON's many double quotes stay as they are.
    replay_attribute = (
        f" data-replay='{escape(replay_json, quote=False).replace(chr(39), '&#x27;')}'"
        if replay
        else ""
    )
    return (
        f'<figure class="timeline" id="{figure_id}" data-search-exclude{replay_attribute}>'
        + svg
        + f"<figcaption>{escape(caption)}</figcaption>"
        + (_table(recorded["tasks"], s) if table else "")
        + "</figure>"
    )


def _replay(data: dict, x0: float, scale: float, bottom: float, lanes: list) -> dict | None:
    """What the step-through needs of a recording (version 3, with turns): the turns, and of
    each task its name, state and the steps the turns reach; where the plot's time axis starts,
    its pixels per second, how far down the marks go and the top of each task's lane (null for
    a task without one), in the SVG's units."""
    turns = data.get("turns")
    if not turns:
        return None
    counts = [0] * len(data["tasks"])
    for turn in turns:
        counts[turn[0]] += 1
    tasks = []
    for task, count in zip(data["tasks"], counts, strict=True):
        entry = {
            "name": task["name"],
            "state": task["state"],
            "created_turn": task.get("created_turn", 0),
            "steps": [[step[0], step[1], step[2]] for step in task["steps"][:count]],
        }
        if "error" in task:
            entry["error"] = task["error"]
        tasks.append(entry)
    return {
        "turns": turns,
        "tasks": tasks,
        "print_turns": data.get("print_turns", []),
        "hidden_turns": data.get("hidden_turns", 0),
        "x0": x0,
        "scale": round(scale, 4),
        "bottom": bottom,
        "lane": LANE,
        "lanes": lanes,
    }


def _task_lane(task: dict, top: float, duration: float, x, s: dict, index: int = 0) -> str:
    """One task: its steps (solid) and the waits between them (light), created and end marks."""
    mid = top + LANE / 2
    name = escape(task["name"])
    parts = [
        f'<g class="timeline__lane" data-state="{escape(task["state"])}" data-task="{index}">',
        f'<text class="timeline__name" x="{LABEL_WIDTH - 8}" y="{mid + 4}" '
        f'text-anchor="end">{escape(_shorten(task["name"], NAME_CHARS))}<title>{name}</title></text>',
    ]
    parts += _bars(task["name"], task["steps"], 0.0, task["finished"], duration, top, x, s)
    parts.append(
        f'<circle class="timeline__created" cx="{x(task["created"]):.1f}" '
        f'cy="{mid:.1f}" r="3"><title>{escape(s["created"])}</title></circle>'
    )
    if task["finished"] is not None:
        parts.append(_end_mark(task, x(task["finished"]), mid, s))
    parts.append("</g>")
    return "".join(parts)


def _call_lane(task: dict, call: list, top: float, duration: float, x, s: dict) -> str:
    """One coroutine call the task awaited: the task's steps while the call was in progress."""
    start, end, depth, what = call
    mid = top + LANE / 2
    label = "↳ " + _shorten(what, max(NAME_CHARS + 2 - 2 * depth, 10))
    parts = [
        f'<g class="timeline__lane timeline__lane--call" data-depth="{int(depth)}">',
        f'<text class="timeline__name timeline__call" x="{LABEL_WIDTH - 8}" y="{mid + 4}" '
        f'text-anchor="end">{escape(label)}<title>{escape(what)}</title></text>',
    ]
    steps = [
        [max(a, start), b if end is None else min(b, end), w]
        for a, b, w in task["steps"]
        if b >= start and (end is None or a <= end)
    ]
    parts += _bars(what, steps, start, end, duration, top, x, s, inset=2)
    parts.append("</g>")
    return "".join(parts)


def _merge(steps: list, gap: float) -> list:
    """Steps closer together than `gap` (a pixel's worth of time) as one: a task that takes
    thousands of quick steps is drawn with a bar per visible run, not one per step. Past
    MAX_BARS_PER_LANE, wider gaps are merged too, so a drawing stays small enough to resend."""
    while True:
        merged = []
        for begin, end, what in steps:
            if merged and begin - merged[-1][1] < gap:
                merged[-1][1] = max(merged[-1][1], end)
                merged[-1][2] = what
            else:
                merged.append([begin, end, what])
        if len(merged) <= MAX_BARS_PER_LANE:
            return merged
        gap *= 2


def _bars(
    name: str,
    steps: list,
    start: float,
    finished,
    duration: float,
    top: float,
    x,
    s: dict,
    inset: int = 0,
) -> list[str]:
    """Solid bars for the steps, light bars for the waits between them (and after the last
    one while still pending)."""
    parts = []
    previous_end, previous_what = None, None
    for begin, end, what in _merge(steps, 1 / x.scale):
        if previous_end is not None and begin > previous_end:
            parts.append(
                _bar(
                    "wait",
                    x(previous_end),
                    x(begin),
                    top,
                    s[
                        "waited_one"
                        if begin - previous_end == 1 and "waited_one" in s
                        else "waited"
                    ].format(
                        task=name,
                        length=begin - previous_end,
                        turns=int(begin - previous_end),
                        what=previous_what or "?",
                    ),
                    inset,
                )
            )
        parts.append(
            _bar(
                "run",
                x(begin),
                x(end),
                top,
                s["ran"].format(task=name, from_=begin, to=end, turn=int(end)),
                inset,
            )
        )
        previous_end, previous_what = end, what
    if finished is None and previous_end is not None and previous_end < duration:
        parts.append(
            _bar(
                "wait",
                x(previous_end),
                x(duration),
                top,
                s["waited"].format(
                    task=name,
                    length=duration - previous_end,
                    turns=int(duration - previous_end),
                    what=previous_what or "?",
                ),
                inset,
            )
        )
    return parts


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _bar(kind: str, x1: float, x2: float, top: float, label: str, extra: int = 0) -> str:
    width = max(x2 - x1, MIN_BAR)
    inset = (4 if kind == "run" else 7) + extra
    return (
        f'<rect class="timeline__{kind}" x="{x1:.1f}" y="{top + inset}" width="{width:.1f}" '
        f'height="{LANE - 2 * inset}" tabindex="0" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title></rect>"
    )


def _end_mark(task: dict, cx: float, cy: float, s: dict) -> str:
    state = task["state"]
    label = escape(s["error"].format(error=task.get("error", "")) if state == "error" else s[state])
    if state == "cancelled":
        shape = (
            f'<path class="timeline__cancelled" d="M{cx - 4:.1f},{cy - 4:.1f} l8,8 m0,-8 l-8,8"/>'
        )
    elif state == "error":
        shape = f'<path class="timeline__error" d="M{cx:.1f},{cy - 6:.1f} l5,9 h-10 z"/>'
    else:
        shape = f'<rect class="timeline__done" x="{cx - 1:.1f}" y="{cy - 6:.1f}" width="2" height="12"/>'
    return (
        f'<g class="timeline__end" data-state="{escape(state)}"><title>{label}</title>{shape}</g>'
    )


def _table(tasks: list[dict], s: dict) -> str:
    """The same data for screen readers: a row per task, then a row per call it awaited."""
    rows, calls_left = [], 0
    for task in tasks:
        steps = task["steps"]
        starts = [step[0] for step in steps]
        state = (
            s["error"].format(error=task.get("error", ""))
            if task["state"] == "error"
            else s[task["state"]]
        )
        rows.append(_row(task["name"], task["created"], task["finished"], state, task["steps"], s))
        for start, end, depth, what in task.get("calls", ()):
            if len(rows) >= MAX_TABLE_ROWS:
                calls_left += 1
                continue
            # The steps from the one in progress at `start` to the last one begun by `end`.
            first = max(bisect_left(starts, start) - 1, 0)
            last = len(steps) if end is None else bisect_right(starts, end)
            rows.append(
                _row(
                    "\u00a0\u00a0" * depth + "\u21b3 " + what,
                    start,
                    end,
                    s["call"],
                    steps[first:last],
                    s,
                )
            )
    if calls_left:
        rows.append(f'<tr><td colspan="5">{escape(s["more_calls"].format(n=calls_left))}</td></tr>')
    head = "".join(f"<th>{escape(s[k])}</th>" for k in ("task", "start", "end", "state", "awaited"))
    return (
        f'<details class="timeline__table"><summary>{escape(s["summary"])}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></details>"
    )


def _row(name: str, start: float, end, state: str, steps: list, s: dict) -> str:
    """A table row; each cell carries its column's name, which a phone shows beside it when
    the rows are stacked (site.css)."""
    awaited = sorted({what for _, _, what in steps if what})
    cells = (
        f"<code>{escape(name)}</code>",
        f"{start:.2f}",
        "" if end is None else f"{end:.2f}",
        escape(state),
        escape(", ".join(awaited)),
    )
    keys = ("task", "start", "end", "state", "awaited")
    return (
        "<tr>"
        + "".join(
            f'<td data-label="{escape(s[key])}">{cell}</td>'
            for key, cell in zip(keys, cells, strict=True)
        )
        + "</tr>"
    )
