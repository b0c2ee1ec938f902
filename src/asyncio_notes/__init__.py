"""The site's own tooling: the snippet catalogue, recorded outputs and page checks.

MkDocs calls it through the thin hooks in `asyncio_notes.hooks`; the test suite and the
`make` targets call the plain functions below directly.
"""

from asyncio_notes.catalogue import Snippet, find_snippets
from asyncio_notes.outputs import record_output, run_snippet
from asyncio_notes.pages import (
    bare_code_blocks,
    heading_anchors,
    included_snippets,
    wrap_examples,
)

__all__ = [
    "Snippet",
    "bare_code_blocks",
    "find_snippets",
    "heading_anchors",
    "included_snippets",
    "record_output",
    "run_snippet",
    "wrap_examples",
]
