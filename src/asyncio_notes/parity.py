"""What two language versions of a page must share, and a readable account of what differs.

The two versions of a page include the same examples in the same order
(`asyncio_notes.pages.included_snippets`), have the same heading anchors
(`asyncio_notes.pages.heading_anchors`) and the same admonitions (`admonitions`, by kind, so the
count matches too). `sequence_difference` says where two of these lists part, for a test
failure a translator can act on (tests/test_pages.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from asyncio_notes.fences import code_fences

ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)", re.MULTILINE)


def admonitions(markdown: str) -> list[str]:
    """The kind (`note`, `tip`, `warning`, ...) of every admonition or collapsible block, in
    order; examples of the syntax inside code fences do not count."""
    fenced = [(fence.start, fence.end) for fence in code_fences(markdown)]
    return [
        match["kind"]
        for match in ADMONITION.finditer(markdown)
        if not any(start <= match.start() < end for start, end in fenced)
    ]


def sequence_difference(source: Sequence[str], translation: Sequence[str]) -> str | None:
    """Where two sequences part, in words; `None` when they are equal.

    Returns:
        E.g. `"item 3: the source has 'tasks/gather', the translation has 'tasks/timeout'"`,
        or `"the source has 2 more at the end: ['a', 'b']"`.
    """
    if list(source) == list(translation):
        return None
    for index, (want, got) in enumerate(zip(source, translation, strict=False), start=1):
        if want != got:
            return f"item {index}: the source has {want!r}, the translation has {got!r}"
    if len(source) > len(translation):
        extra = list(source[len(translation) :])
        return f"the source has {len(extra)} more at the end: {extra}"
    extra = list(translation[len(source) :])
    return f"the translation has {len(extra)} more at the end: {extra}"
