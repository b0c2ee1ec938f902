"""The live timeline of a run in the browser: records the tasks of the page's event loop while
the reader's program runs, and sends the drawing (render.py) as it grows.

Used by the runner's worker (Pyodide): the worker writes recorder.py and render.py next to this
file as `timeline_recorder` and `timeline_render`.
"""

from __future__ import annotations

import asyncio

import timeline_recorder
import timeline_render

REDRAW_SECONDS = 0.25


class LiveTimeline:
    """Record one run; call `send(html)` every REDRAW_SECONDS while it runs, and at the end.

    The redraws are loop callbacks, not tasks, so they never show up in the recording. An empty
    `html` means the run made no tasks (no timeline to show).
    """

    def __init__(self, send, labels: dict, figure_id: str = "timeline-live") -> None:
        self._send = send
        self._labels = labels
        self._figure_id = figure_id
        self._recorder = None
        self._redraw = None
        self._sent = None

    def start(self) -> None:
        timeline_recorder.patch_pyodide_task_name()
        self._recorder = timeline_recorder.Recorder()
        loop = asyncio.get_running_loop()
        self._recorder.install(loop)
        self._redraw = loop.call_later(REDRAW_SECONDS, self._tick)

    def stop(self) -> None:
        if self._redraw is not None:
            self._redraw.cancel()
        self._recorder.uninstall()
        self._draw()

    def _tick(self) -> None:
        self._draw()
        self._redraw = asyncio.get_running_loop().call_later(REDRAW_SECONDS, self._tick)

    def _draw(self) -> None:
        data = self._recorder.to_data()
        html = timeline_render.render(data, self._labels, self._figure_id) if data["tasks"] else ""
        if html != self._sent:
            self._sent = html
            self._send(html)
