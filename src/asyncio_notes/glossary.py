"""The Korean glossary: one data file for the glossary page and for the check of Korean pages.

`data/glossary.tsv` lists each term's English name, the Korean rendering the official Korean
Python documentation uses, and renderings to avoid (transliterations such as 쓰레드 for
스레드). `glossary_table` renders the page; `glossary_violations` finds avoided renderings in a
Korean page's prose (code, inline code, link targets and HTML comments are not prose).

A page can allow a rendering on purpose in its front matter:

    ---
    glossary_allow_in_quotes: [쓰레드]   # only inside blockquotes: quotations stay as quoted
    glossary_allow: [쓰레드]             # anywhere on the page
    ---
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asyncio_notes import frontmatter
from asyncio_notes.fences import code_fences
from asyncio_notes.i18n import text

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.tsv"
"""The glossary's data file."""

ALLOW_KEY = "glossary_allow"
"""Front matter key: renderings allowed anywhere on the page."""

ALLOW_IN_QUOTES_KEY = "glossary_allow_in_quotes"
"""Front matter key: renderings allowed inside blockquotes only (quotations stay as quoted)."""

MARKER = "<!-- glossary -->"
"""Where the glossary page wants the table."""

COLUMNS = ("english", "korean", "avoid", "note")


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        english: The English term, e.g. `"thread"`.
        korean: Its Korean rendering, e.g. `"스레드"`.
        avoid: Renderings a Korean page must not use for it, e.g. `("쓰레드",)`.
        note: Where the official translation uses it, or how.
    """

    english: str
    korean: str
    avoid: tuple[str, ...]
    note: str


def load_glossary(path: Path = GLOSSARY_FILE) -> list[Term]:
    """Read the glossary's data file (tab-separated; lines starting with `#` are comments).

    Raises:
        ValueError: A row has the wrong number of columns or no Korean rendering, or a rendering
            to avoid is the term's own rendering.
    """
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{path}: the first row must name the columns {COLUMNS}")
    terms = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS) or not row[1].strip():
            raise ValueError(
                f"{path}: row {number} {row!r}: want {len(COLUMNS)} columns "
                f"{COLUMNS} with a Korean rendering"
            )
        english, korean, avoid, note = (cell.strip() for cell in row)
        variants = tuple(v.strip() for v in avoid.split(",") if v.strip())
        if korean in variants:
            raise ValueError(f"{path}: {english}: {korean!r} is both the rendering and avoided")
        terms.append(Term(english, korean, variants, note))
    return terms


def glossary_table(terms: Iterable[Term], lang: str) -> str:
    """The glossary as a Markdown table with headers in `lang`."""
    headers = [text(lang, f"glossary_{column}") for column in COLUMNS]
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    for term in terms:
        avoid = ", ".join(f"<del>{variant}</del>" for variant in term.avoid)
        cells = [term.english, f"**{term.korean}**", avoid, term.note]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def fill_glossary(markdown: str, terms: Iterable[Term], lang: str) -> str:
    """Replace `MARKER` in a page with the glossary table; pages without it are unchanged."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, glossary_table(terms, lang))


@dataclass(frozen=True)
class Violation:
    """An avoided rendering found in a Korean page.

    Attributes:
        line: The line number in the page file (1-based, front matter included).
        found: The rendering found, e.g. `"쓰레드"`.
        term: The glossary entry it renders.
    """

    line: int
    found: str
    term: Term

    def __str__(self) -> str:
        """The violation as a test failure states it."""
        return (
            f"line {self.line}: {self.found!r} for {self.term.english!r}; the glossary "
            f"writes {self.term.korean!r}"
        )


INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
BLOCKQUOTE = re.compile(r"^[ \t]*>")


def _blank(match: re.Match[str]) -> str:
    """The matched text with everything but line breaks turned into spaces."""
    return re.sub(r"[^\n]", " ", match[0])


def prose(markdown: str) -> str:
    """`markdown` with everything that is not prose blanked out, line numbers kept.

    Code fences, inline code, HTML comments and link targets become spaces.
    """
    parts, last = [], 0
    for fence in code_fences(markdown):
        code = markdown[fence.start : fence.end]
        parts += [markdown[last : fence.start], re.sub(r"[^\n]", " ", code)]
        last = fence.end
    parts.append(markdown[last:])
    result = "".join(parts)
    for pattern in (HTML_COMMENT, INLINE_CODE, LINK_TARGET):
        result = pattern.sub(_blank, result)
    return result


def _allowed(meta: dict, key: str) -> set[str]:
    """The renderings a front matter key allows (a list, or a single string)."""
    value = meta.get(key) or []
    return {str(value)} if isinstance(value, str) else {str(item) for item in value}


def glossary_violations(page_text: str, terms: Iterable[Term]) -> list[Violation]:
    """Every avoided rendering in the prose of a Korean page, in page order.

    A rendering counts where a word starts with it (Korean particles attach to the end of a
    word). Renderings listed in the page's `glossary_allow` front matter are not reported;
    those in `glossary_allow_in_quotes` are not reported inside blockquotes.

    Args:
        page_text: The whole page file, front matter included.
        terms: The glossary.
    """
    meta = frontmatter.read(page_text)
    allowed, allowed_in_quotes = _allowed(meta, ALLOW_KEY), _allowed(meta, ALLOW_IN_QUOTES_KEY)
    front, body = frontmatter.split(page_text)
    first_line = front.count("\n") + 1
    patterns = [
        (term, variant, re.compile(rf"(?<!\w){re.escape(variant)}"))
        for term in terms
        for variant in term.avoid
    ]
    found = []
    for offset, line in enumerate(prose(body).splitlines()):
        quoted = BLOCKQUOTE.match(line) is not None
        for term, variant, pattern in patterns:
            if variant in allowed or (quoted and variant in allowed_in_quotes):
                continue
            found += [Violation(first_line + offset, variant, term) for _ in pattern.finditer(line)]
    return found


POLITE_IMPERATIVE = re.compile(r"\w*(?:세요|세용)(?!\w)")
"""A 해요체 imperative (`보세요`, `마세요`): the pages write 합니다체, whose imperative is -십시오."""


def register_violations(page_text: str) -> list[tuple[int, str]]:
    """`(line, word)` for every 해요체 imperative in the prose of a Korean page, outside
    quotations; line numbers count the front matter, as in `glossary_violations`."""
    front, body = frontmatter.split(page_text)
    first_line = front.count("\n") + 1
    return [
        (first_line + offset, match[0])
        for offset, line in enumerate(prose(body).splitlines())
        if BLOCKQUOTE.match(line) is None
        for match in POLITE_IMPERATIVE.finditer(line)
    ]
