"""The names and limits the browser's runner and the build's Python share.

Each is written once, as `export const NAME = value;` in `docs/assets/runner/protocol.js`, which
also describes the messages between the page and the Python worker; this module reads them.
"""

from __future__ import annotations

import json
import re
from functools import cache

from asyncio_notes.catalogue import ROOT

PROTOCOL_JS = ROOT / "docs" / "assets" / "runner" / "protocol.js"

CONSTANT = re.compile(r"^export const (?P<name>[A-Z_]+) = (?P<value>[^;]+);$", re.MULTILINE)
"""A shared constant: a JSON literal (numbers may group digits with `_`)."""


@cache
def constants() -> dict[str, object]:
    """Every constant of `protocol.js`, by name.

    Raises:
        ValueError: A constant's value is not a JSON literal, which this reader needs.
    """
    found = {}
    for match in CONSTANT.finditer(PROTOCOL_JS.read_text(encoding="utf-8")):
        value = re.sub(r"(?<=\d)_(?=\d)", "", match["value"])
        try:
            found[match["name"]] = json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{PROTOCOL_JS}: {match['name']} must be a JSON literal") from exc
    return found


BROWSER_PACKAGE: str = constants()["BROWSER_PACKAGE"]  # type: ignore[assignment]
"""The wheel of the browser's Python, by its name in the site's pyodide-lock.json."""

JUDGE_MODULE: str = constants()["JUDGE_MODULE"]  # type: ignore[assignment]
"""The exercises' judge (judge.py) as Python imports it in the browser."""

RUNNER_MODULE: str = constants()["RUNNER_MODULE"]  # type: ignore[assignment]
"""The runner (pyrun.py) as Python imports it in the browser."""

TIMELINE_MODULES: list[str] = constants()["TIMELINE_MODULES"]  # type: ignore[assignment]
"""The live timeline's modules, imported in the browser as `timeline_<name>`."""

MAX_OUTPUT_CHARS: int = constants()["MAX_OUTPUT_CHARS"]  # type: ignore[assignment]
"""Characters of output one run may send to the page."""
