"""The YAML front matter of a page: read it as MkDocs does, and change one key in place.

Translations keep their freshness record here (`source_hash: 1a2b3c4d5e6f`), and the glossary
check reads its allow-lists from here. Only the lines of the key that changes are rewritten, so
a contributor's own front matter keeps its comments and order.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.utils.meta import YAML_RE, get_data

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):")


def split(text: str) -> tuple[str, str]:
    """Split a page into its front matter block and its body.

    Args:
        text: The whole file, as read from disk.

    Returns:
        `(front matter, body)`: the front matter block with its `---` lines (empty when the
        page has none) and everything after it. The two joined give back `text`.
    """
    text = text.replace("\r\n", "\n")
    match = YAML_RE.match(text)
    if match is None:
        return "", text
    return text[: match.end()], text[match.end() :]


def read(text: str) -> dict[str, Any]:
    """The front matter of a page as a dictionary (empty when it has none), parsed as MkDocs
    parses it for `page.meta`."""
    return get_data(text.replace("\r\n", "\n"))[1]


def body(text: str) -> str:
    """The page without its front matter."""
    return split(text)[1]


def set_key(text: str, key: str, value: str) -> str:
    """Set `key: value` in the front matter of a page, adding the front matter if it has none.

    An existing top-level `key:` line (and any indented lines that continue it) is replaced
    where it stands; otherwise the line is added at the end of the front matter.

    Args:
        text: The whole page.
        key: A top-level key, e.g. `"source_hash"`.
        value: A plain scalar written as is (no quoting), e.g. a hex digest.

    Returns:
        The page with the key set; the body is unchanged.
    """
    front, rest = split(text)
    line = f"{key}: {value}\n"
    if not front:
        return f"---\n{line}---\n\n{rest}"
    lines = front.splitlines(keepends=True)
    opening, inner, closing = lines[0], lines[1:-1], lines[-1]
    kept: list[str] = []
    replaced = False
    skipping = False
    for current in inner:
        match = KEY_LINE.match(current)
        if skipping and (match or current.startswith("#")):
            skipping = False
        if skipping:  # a line that continues the replaced key: an indented or `- ` line
            continue
        if match and match["key"] == key:
            if not replaced:
                kept.append(line)
                replaced = True
            skipping = True
            continue
        kept.append(current)
    if not replaced:
        kept.append(line)
    return opening + "".join(kept) + closing + rest
