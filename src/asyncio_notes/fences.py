"""Fenced code blocks in page Markdown: where they are, and the snippet one includes.

Every pass over a page's Markdown that must leave code alone (examples, practice blocks, the
glossary, translations, parity) finds the fences here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<opts>[^\n]*)\n"
    r"(?P<body>(?:.*\n)*?)"
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
)
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')


@dataclass(frozen=True)
class CodeFence:
    """One fenced code block found in a page."""

    lang: str
    options: str
    body: str
    line: int
    start: int
    end: int
    indent: str

    @property
    def included_snippet(self) -> str | None:
        """The snippet name this fence includes, if it is exactly one `--8<-- "x/y.py"` line."""
        lines = [line for line in self.body.splitlines() if line.strip()]
        if len(lines) == 1 and (match := INCLUDE.match(lines[0])):
            path = match["path"]
            if path.endswith(".py"):
                return path.removesuffix(".py")
        return None


def code_fences(markdown: str) -> Iterator[CodeFence]:
    """Every fenced code block in `markdown`, in order."""
    for match in FENCE.finditer(markdown):
        yield CodeFence(
            lang=match["lang"].lower(),
            options=match["opts"].strip(),
            body=match["body"],
            line=markdown.count("\n", 0, match.start()) + 1,
            start=match.start(),
            end=match.end(),
            indent=match["indent"],
        )
