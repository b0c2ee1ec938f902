"""The task timeline's Python modules, shared with the browser, and drawing a recorded one.

`docs/assets/timeline/recorder.py` records and `render.py` draws; both are served to the
browser (Pyodide runs them for the live timeline) and loaded here from the same files, so the
recorded and the live figure are drawn by one piece of code.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from asyncio_notes.catalogue import ROOT, Snippet
from asyncio_notes.i18n import LANGUAGES, text

TIMELINE_ASSETS = ROOT / "docs" / "assets" / "timeline"

LABELS = (
    "caption",
    "summary",
    "task",
    "start",
    "end",
    "state",
    "awaited",
    "running",
    "suspended",
    "done",
    "cancelled",
    "error",
    "pending",
    "prints",
    "created",
    "ran",
    "waited",
    "printed",
    "more",
    "more_calls",
    "call",
    "label",
    "label_one",
    "turns",
    "turns_note",
    "ran_turn",
    "waited_turns",
    "waited_turn_one",
    "printed_turn",
    "more_turns",
    "label_turns",
    "label_turns_one",
)
"""Keys of the translated labels the renderer takes (`timeline_<key>` in `asyncio_notes.i18n`)."""


@cache
def load(name: str) -> ModuleType:
    """`recorder` or `render`, loaded from `docs/assets/timeline/<name>.py`."""
    path = TIMELINE_ASSETS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"asyncio_notes_timeline_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_live() -> ModuleType:
    """`docs/assets/timeline/live.py`, which imports the other two by the names the browser's
    worker gives them (`timeline_recorder`, `timeline_render`)."""
    for name in ("recorder", "render"):
        sys.modules.setdefault(f"timeline_{name}", load(name))
    return load("live")


LIVE_LABELS = "assets/timeline/labels.json"
"""Where the site serves the labels of the live timeline (`live_labels_json`), for the worker."""


def labels(lang: str, live: bool = False, python: str = "CPython") -> dict[str, str]:
    """The renderer's labels in `lang`; `live` for a run in the reader's browser (its caption
    names no Python), else the caption says `python` recorded it."""
    result = {key: text(lang, f"timeline_{key}") for key in LABELS}
    result["caption"] = (
        text(lang, "timeline_caption_live") if live else result["caption"].format(python=python)
    )
    return result


def live_labels_json() -> str:
    """The live timeline's labels in every language, as the JSON served at `LIVE_LABELS`."""
    return json.dumps({lang: labels(lang, live=True) for lang in LANGUAGES}, ensure_ascii=False)


def write_live_labels(site_dir: Path) -> Path:
    """Write `live_labels_json` into the built site at `LIVE_LABELS`; returns its path."""
    target = site_dir / LIVE_LABELS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(live_labels_json(), encoding="utf-8")
    return target


def render_recorded(snippet: Snippet, lang: str, axis_seconds: float = 0.0) -> str | None:
    """The recorded timeline of `snippet` as HTML (one line), or `None` if it has none; its
    time axis reaches at least `axis_seconds`."""
    data = snippet.recorded_timeline
    if data is None:
        return None
    figure_id = "timeline-" + snippet.name.replace("/", "-")
    python = snippet.recorded_with or "CPython"
    return load("render").render(data, labels(lang, python=python), figure_id, axis_seconds)
