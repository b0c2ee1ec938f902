"""The live timeline of a run in the browser: records the tasks of the page's event loop while
the reader's program runs, and sends the drawing (render.py) as it grows.

Used by the runner's Web Worker (Pyodide): the worker writes recorder.py, render.py and this file
as `timeline_recorder`, `timeline_render` and `timeline_live`, then runs each program through
`run_recorded`.
"""

from __future__ import annotations

import asyncio
import re
import time

import timeline_recorder
import timeline_render

PRISTINE = {module: dict(vars(module)) for module in (timeline_recorder, timeline_render)}
"""The timeline modules as imported. A reader's program may replace what is in them (its run
then draws with what it put there: the page trusts no drawing); each run starts from these."""

REDRAW_SECONDS = 0.25
USES_ASYNCIO = re.compile(r"^\s*(import\s+asyncio\b|from\s+asyncio\b)", re.MULTILINE)
"""A program that never imports asyncio makes no tasks: it gets no recorder and no figure."""


def uses_asyncio(source: str) -> bool:
    """Whether `source` imports asyncio (at any level, as a line of its own)."""
    return USES_ASYNCIO.search(source) is not None


class LiveTimeline:
    """Record one run; call `send(html)` every REDRAW_SECONDS while it runs, and at the end.

    The redraws are loop callbacks, not tasks, so they never show up in the recording; the table
    comes with the last drawing only, to keep the redraws cheap. An empty `html` means the run
    made no tasks (no timeline to show).
    """

    def __init__(
        self, send, labels: dict, figure_id: str = "timeline-live", program: str | None = None
    ) -> None:
        self._send = send
        self._program = program
        self._labels = labels
        self._figure_id = figure_id
        self._recorder = None
        self._redraw = None
        self._sent = None

    def start(self) -> None:
        """Install the recorder on the running loop and schedule the first redraw."""
        timeline_recorder.patch_pyodide_task_name()
        self._recorder = timeline_recorder.Recorder(program=self._program)
        loop = asyncio.get_running_loop()
        self._recorder.install(loop)
        self._redraw = loop.call_later(REDRAW_SECONDS, self._tick)

    def stop(self) -> dict:
        """Uninstall the recorder and send the final drawing; returns the recording's data."""
        if self._redraw is not None:
            self._redraw.cancel()
        self._recorder.uninstall()
        return self._draw(final=True)

    def _tick(self) -> None:
        started = time.perf_counter()
        self._draw()
        # A big recording takes a while to draw: draw less often, so that drawing never takes
        # more than a fifth of the program's time.
        pause = max(REDRAW_SECONDS, 4 * (time.perf_counter() - started))
        self._redraw = asyncio.get_running_loop().call_later(pause, self._tick)

    def _draw(self, final: bool = False) -> dict | None:
        data = None
        try:
            # While the program runs, the time axis reaches the present: waits grow as they last.
            data = self._recorder.to_data(until=None if final else self._recorder.now())
            html = (
                timeline_render.render(data, self._labels, self._figure_id, table=final)
                if data["tasks"]
                else ""
            )
        except Exception:  # the program may have broken the renderer: no figure, same run
            html = ""
        if html != self._sent:
            self._sent = html
            self._send(html)
        return data


async def run_recorded(
    run, source: str, filename: str, send, labels: dict, figure_id: str, kept: dict | None = None
):
    """`await run(source, filename)`, with a live timeline if the program uses asyncio; the
    recording's data goes into `kept["timeline"]` if given (an exercise's checks read it)."""
    for module, names in PRISTINE.items():
        vars(module).update(names)
    if not uses_asyncio(source):
        return await run(source, filename)
    live = LiveTimeline(send, labels, figure_id, program=filename)
    live.start()
    try:
        return await run(source, filename)
    finally:
        data = live.stop()
        if kept is not None:
            kept["timeline"] = data
