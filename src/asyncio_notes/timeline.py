"""The task timeline's Python modules, shared with the browser, and drawing a recorded one.

`docs/assets/timeline/recorder.py` records and `render.py` draws; both are served to the
browser (Pyodide runs them for the live timeline) and loaded here from the same files, so the
recorded and the live figure are drawn by one piece of code.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

from asyncio_notes.catalogue import ROOT, Snippet
from asyncio_notes.i18n import text

TIMELINE_ASSETS = ROOT / "docs" / "assets" / "timeline"

LABELS = ("caption", "summary", "task", "start", "end", "state", "awaited", "running",
          "suspended", "done", "cancelled", "error", "pending", "prints", "created", "ran",
          "waited", "printed", "more", "label")
"""Keys of the translated labels the renderer takes (`timeline_<key>` in `asyncio_notes.i18n`)."""


@cache
def load(name: str) -> ModuleType:
    """`recorder` or `render`, loaded from `docs/assets/timeline/<name>.py`."""
    path = TIMELINE_ASSETS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"asyncio_notes_timeline_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labels(lang: str) -> dict[str, str]:
    """The renderer's labels in `lang`."""
    return {key: text(lang, f"timeline_{key}") for key in LABELS}


def render_recorded(snippet: Snippet, lang: str) -> str | None:
    """The recorded timeline of `snippet` as HTML (one line), or `None` if it has none."""
    data = snippet.recorded_timeline
    if data is None:
        return None
    figure_id = "timeline-" + snippet.name.replace("/", "-")
    return load("render").render(data, labels(lang), figure_id)
