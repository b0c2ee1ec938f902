"""What a page says about itself to search engines and link previews.

Material writes `page.meta.description` into `<meta name="description">`, and the Open Graph
and Twitter card tags of `docs/overrides/main.html` repeat it. A page whose front matter gives
no `description:` gets the first paragraph of its own text (the `on_page_content` hook calls
`page_description`), so that each page, in each language, is described by what it says rather
than by the site's one line.

The first paragraph is the first `<p>` of the page that is not inside an admonition (the
translation notice is one), a collapsible block, a quotation, a table, a figure or an example:
those are asides, not what the page is about.

The link-preview image (`docs/assets/images/social-card.png`, 1200 x 630) is drawn by
Chromium from `card_html`:

    python -c "from asyncio_notes.metadata import render_card; render_card()"
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from asyncio_notes.catalogue import ROOT

DESCRIPTION_LIMIT = 160
"""The most characters a description has (search engines show about this many)."""

ELLIPSIS = "…"
"""Ends a description cut short."""

SKIPPED_TAGS = frozenset(
    {"details", "blockquote", "table", "figure", "nav", "aside", "pre", "script", "style"}
)
"""Elements whose paragraphs are not the page's own first paragraph."""

SKIPPED_CLASSES = frozenset(
    "admonition translation-notice notices example example-output exercise predict footnote "
    "footnote-ref headerlink md-source-file".split()
)
"""Classes of elements whose paragraphs (or, inline, whose text) are left out."""

VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
"""Elements without an end tag."""

CARD = ROOT / "docs" / "assets" / "images" / "social-card.png"
"""The link-preview image, shown by `og:image` and `twitter:image`."""

CARD_SIZE = (1200, 630)
TOUCH_ICON = ROOT / "docs" / "assets" / "images" / "apple-touch-icon.png"
"""The icon iOS puts on a home screen (it takes no SVG), drawn from the favicon."""
TOUCH_ICON_SIZE = 180
"""The size Open Graph and Twitter's large card expect."""

PRIMARY = "#4051b5"
"""Material's indigo, the site's primary colour (`theme.palette` in `mkdocs.yml`)."""


class _FirstParagraph(HTMLParser):
    """Collects the text of the first paragraph outside the skipped elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped: itself or an ancestor)
        self.parts: list[str] | None = None  # the paragraph being read
        self.depth = 0  # where in the stack that paragraph is
        self.found: str | None = None

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = set()
        for name, value in attrs:
            if name == "class" and value:
                classes.update(value.split())
        return tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None:
            return
        if tag in VOID_TAGS:
            if tag == "br" and self.parts is not None:
                self.parts.append(" ")
            return
        inside = bool(self.stack) and self.stack[-1][1]
        skipped = inside or self._skipped(tag, attrs)
        self.stack.append((tag, skipped))
        if tag == "p" and self.parts is None and not skipped:
            self.parts, self.depth = [], len(self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.parts is not None:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.found is not None or tag in VOID_TAGS:
            return
        # Close up to the matching start tag (a stray end tag closes nothing).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if self.parts is not None and len(self.stack) < self.depth:
            text = collapse("".join(self.parts))
            self.parts = None
            if text:
                self.found = text

    def handle_data(self, data: str) -> None:
        if self.parts is not None and self.found is None and not self.stack[-1][1]:
            self.parts.append(data)


def collapse(text: str) -> str:
    """`text` with every run of whitespace made one space, and none at either end."""
    return re.sub(r"\s+", " ", text).strip()


READ_AT_ONCE = 4096
"""How many characters of a page `first_paragraph` parses before it looks for the paragraph."""


def first_paragraph(content: str) -> str | None:
    """The plain text of the page's first paragraph, or `None` when it has none.

    Args:
        content: The page's HTML, as MkDocs passes it to `on_page_content`.

    Returns:
        The paragraph's text, tags stripped, entities decoded and whitespace collapsed; its
        footnote references left out. Paragraphs inside admonitions (the translation notice),
        details, quotations, tables, figures and examples are passed over, and so are empty
        ones.
    """
    parser = _FirstParagraph()
    # In pieces, to stop at the first paragraph: most of a page comes after it, and parsing all
    # of it was a tenth of the site's build.
    for start in range(0, len(content), READ_AT_ONCE):
        parser.feed(content[start : start + READ_AT_ONCE])
        if parser.found is not None:
            return parser.found
    parser.close()
    return parser.found


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """`text`, or as many of its first words as fit in `limit` characters with `…` after them.

    Args:
        text: Plain text, whitespace already collapsed.
        limit: The most characters the result has, the ellipsis included.

    Returns:
        `text` unchanged when it fits; otherwise its words up to the last one that fits (cut
        inside a word only when the first word alone is too long), without a trailing comma or
        the like, followed by `…`.
    """
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]  # the character after the room: a space ends a word
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[: limit - len(ELLIPSIS)]
    return kept.rstrip(" ,;:–—-(") + ELLIPSIS


def describe(content: str, limit: int = DESCRIPTION_LIMIT) -> str | None:
    """The description of a page made from its first paragraph (`first_paragraph`, `shorten`).

    Args:
        content: The page's HTML.
        limit: The most characters the description has.

    Returns:
        Plain text (not escaped), or `None` when the page has no paragraph to describe it.
    """
    paragraph = first_paragraph(content)
    return shorten(paragraph, limit) if paragraph else None


def page_description(given: object, content: str) -> Markup | None:
    """What the hook puts in `page.meta["description"]`: ready for an HTML attribute.

    Material writes the description into its `<meta name="description">` as it is (MkDocs'
    templates do not escape), so the text is escaped here and marked safe, which Jinja's `e`
    filter in `docs/overrides/main.html` leaves as it is.

    Args:
        given: The `description:` of the page's front matter, or `None`: it is kept (escaped)
            when it is there.
        content: The page's HTML, described when `given` is `None`.

    Returns:
        The escaped description, or `None` when there is neither (Material then falls back to
        the site's description).
    """
    if isinstance(given, Markup):
        return given
    text = collapse(str(given)) if given is not None else describe(content)
    return Markup(html.escape(text, quote=True)) if text else None


def card_html(name: str = "asyncio notes", tagline: str = "", *, korean: str = "") -> str:
    """The link-preview card as a page for Chromium to screenshot at `CARD_SIZE`.

    Args:
        name: The site's name, large.
        tagline: A line under it.
        korean: The Korean site name, shown smaller under the tagline (the one image serves
            both languages).
    """
    width, height = CARD_SIZE
    bars = (
        '<svg width="220" height="220" viewBox="0 0 32 32" aria-hidden="true">'
        '<rect width="32" height="32" rx="7" fill="#fff" fill-opacity=".14"/>'
        '<rect x="5" y="9" width="15" height="5.5" rx="2.75" fill="#fff"/>'
        '<rect x="12" y="17.5" width="15" height="5.5" rx="2.75" fill="#64ffda"/>'
        "</svg>"
    )
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {width}px; height: {height}px; overflow: hidden; }}
body {{ background: {PRIMARY}; color: #fff; display: flex; align-items: center; gap: 64px;
  padding: 0 96px; box-sizing: border-box;
  font-family: "Liberation Sans", "DejaVu Sans", "Noto Sans CJK KR", sans-serif; }}
h1 {{ font-size: 112px; line-height: 1; margin: 0 0 28px; letter-spacing: -2px; }}
p {{ font-size: 34px; line-height: 1.3; margin: 0; opacity: .88; }}
p.ko {{ margin-top: 24px; font-family: "Noto Sans CJK KR", sans-serif; word-break: keep-all; }}
</style></head><body>{bars}<div><h1>{html.escape(name)}</h1>
<p>{html.escape(tagline)}</p><p class="ko">{html.escape(korean)}</p></div></body></html>"""


def render_card(target: Path = CARD) -> Path:
    """Draw the link-preview card (`card_html`) into `target` as a PNG, with Debian's Chromium.

    Run it again when the site's name or colour changes; the build only copies the file.

    Args:
        target: Where the PNG goes (`CARD`, which the pages name, unless told otherwise).

    Returns:
        `target`.
    """
    from playwright.sync_api import sync_playwright

    from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS

    width, height = CARD_SIZE
    page_html = card_html(
        "asyncio notes",
        "Python asyncio, explained with examples that run in your browser.",
        korean="asyncio 노트 · 브라우저에서 바로 실행되는 예제로 배우는 파이썬 asyncio",
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_content(page_html)
        page.screenshot(path=str(target))
        browser.close()
    return target


def render_touch_icon(target: Path = TOUCH_ICON) -> Path:
    """Draw the favicon into `target` as the square PNG that iOS asks for (`TOUCH_ICON_SIZE`
    pixels, no transparency: iOS rounds the corners itself and would fill see-through ones with
    black), with Debian's Chromium. Run it again when the favicon changes.

    Args:
        target: Where the PNG goes (`TOUCH_ICON`, which the pages name, unless told otherwise).

    Returns:
        `target`.
    """
    from playwright.sync_api import sync_playwright

    from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS

    size = TOUCH_ICON_SIZE
    svg = (ROOT / "docs" / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8")
    square = svg.replace('rx="7" ', "", 1)  # the background fills the square
    page_html = (
        f"<!doctype html><style>html, body {{ margin: 0; background: {PRIMARY}; }}"
        f"svg {{ display: block; width: {size}px; height: {size}px; }}</style>{square}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(page_html)
        page.screenshot(path=str(target), omit_background=False)
        browser.close()
    return target
