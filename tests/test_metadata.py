"""Each page describes itself: its first paragraph as its description, Open Graph and Twitter
card tags, the site's own icon and preview image (asyncio_notes.metadata, main.html)."""

from __future__ import annotations

import re
import struct
from html import unescape
from pathlib import Path

import pytest
from markupsafe import Markup

from asyncio_notes.catalogue import ROOT
from asyncio_notes.metadata import (
    CARD,
    CARD_SIZE,
    DESCRIPTION_LIMIT,
    ELLIPSIS,
    PRIMARY,
    READ_AT_ONCE,
    card_html,
    collapse,
    describe,
    first_paragraph,
    page_description,
    shorten,
)

# ── The description, from the page's HTML ────────────────────────────────────────────────

NOTICE = (
    '<div class="admonition warning translation-notice">'
    '<p class="admonition-title">번역이 오래되었습니다</p>'
    "<p>이 번역은 원문보다 오래되었습니다.</p></div>"
)


def test_the_first_paragraph_is_plain_text() -> None:
    html = (
        '<h1 id="tasks">Tasks<a class="headerlink" href="#tasks">&para;</a></h1>\n'
        "<p>A coroutine does <em>nothing</em> until\n   something awaits it, and "
        "<code>await</code> runs it &amp; waits.</p>\n<p>Second.</p>"
    )
    assert first_paragraph(html) == (
        "A coroutine does nothing until something awaits it, and await runs it & waits."
    )


def test_admonitions_and_the_translation_notice_are_passed_over() -> None:
    html = f"<h1>태스크</h1>{NOTICE}<p>코루틴은 누군가 어웨이트하기 전까지는 아무 일도 하지 않습니다.</p>"
    assert first_paragraph(html) == "코루틴은 누군가 어웨이트하기 전까지는 아무 일도 하지 않습니다."


@pytest.mark.parametrize(
    "aside",
    [
        '<div class="admonition note"><p>A note.</p></div>',
        '<details class="timeline__table"><summary>Table</summary><p>In a table.</p></details>',
        "<blockquote><p>A quotation.</p></blockquote>",
        "<table><tr><td><p>In a cell.</p></td></tr></table>",
        '<div class="example"><p class="runner-not-run">Not run yet.</p></div>',
        '<p class="notices">A notice.</p>',
        "<p>   </p>",
        "<p><img alt='a picture' src='x.png'></p>",
    ],
)
def test_asides_and_empty_paragraphs_are_not_the_first_paragraph(aside: str) -> None:
    assert first_paragraph(f"{aside}<p>The page itself.</p>") == "The page itself."


def test_footnote_references_and_line_breaks() -> None:
    html = (
        '<p>Tasks run concurrently<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a>'
        "</sup>.<br>They share one thread.</p>"
    )
    assert first_paragraph(html) == "Tasks run concurrently. They share one thread."


def test_a_first_paragraph_read_in_pieces_is_whole() -> None:
    # The paragraph, an entity and a tag straddle the end of the first piece the parser reads.
    lead = "<h1>Tasks</h1>".ljust(READ_AT_ONCE - 20)
    html = lead + "<p>Run <code>gather</code> &amp; wait.</p><p>Later.</p>"
    assert html.index("<code>") < READ_AT_ONCE < html.index("</p>")
    assert first_paragraph(html) == "Run gather & wait."


def test_a_page_without_paragraphs_has_no_first_paragraph() -> None:
    assert first_paragraph("<h1>Glossary</h1><dl><dt>a</dt><dd>b</dd></dl>") is None
    assert describe('<div class="admonition"><p>Only a note.</p></div>') is None


def test_nested_content_is_read_in_order() -> None:
    html = '<div class="doc"><div class="doc-contents"><p>From a <a href="#">docstring</a>.</p></div></div>'
    assert first_paragraph(html) == "From a docstring."


def test_collapse() -> None:
    assert collapse("  a\n\tb   c \u3000 ") == "a b c"


# ── Shortening ─────────────────────────────────────────────────────────────────────────────


def test_short_text_is_unchanged() -> None:
    text = "x" * DESCRIPTION_LIMIT
    assert shorten(text) == text


def test_long_text_is_cut_at_a_word() -> None:
    words = "Python asyncio, explained with examples that run in your browser, one page at a time"
    text = " ".join([words] * 5)
    short = shorten(text)
    assert len(short) <= DESCRIPTION_LIMIT
    assert short.endswith(ELLIPSIS)
    kept = short.removesuffix(ELLIPSIS)
    assert text.startswith(kept)
    assert text[len(kept)] in " ,", "cut between words"
    assert not kept.endswith((",", " "))
    assert len(short) > DESCRIPTION_LIMIT - 20, "not cut much shorter than it must"


def test_a_word_that_ends_exactly_at_the_limit_is_kept() -> None:
    text = "a" * (DESCRIPTION_LIMIT - 1) + " more words"
    assert shorten(text) == "a" * (DESCRIPTION_LIMIT - 1) + ELLIPSIS


def test_one_endless_word_is_cut_inside() -> None:
    short = shorten("x" * 500)
    assert short == "x" * (DESCRIPTION_LIMIT - 1) + ELLIPSIS


def test_korean_is_cut_at_a_space() -> None:
    sentence = (
        "코루틴을 동시에 실행하려면 asyncio.create_task()로 각 코루틴을 태스크로 감싸야 합니다."
    )
    text = " ".join([sentence] * 6)
    short = shorten(text, 100)
    assert len(short) <= 100
    kept = short.removesuffix(ELLIPSIS)
    assert text.startswith(kept) and text[len(kept)] == " "


# ── What the hook stores ──────────────────────────────────────────────────────────────────


def test_the_description_is_escaped_once_for_an_attribute() -> None:
    described = page_description(None, '<p>Use "await" &amp; <code>&lt;task&gt;</code>.</p>')
    assert isinstance(described, Markup)
    assert str(described) == "Use &quot;await&quot; &amp; &lt;task&gt;."
    # Jinja's `e` filter (docs/overrides/main.html) leaves it as it is.
    assert str(Markup.escape(described)) == str(described)


def test_a_front_matter_description_wins_and_is_escaped() -> None:
    described = page_description("Tasks & \n futures", "<p>First paragraph.</p>")
    assert str(described) == "Tasks &amp; futures"
    assert page_description(described, "<p>Again.</p>") is described


def test_no_paragraph_leaves_the_site_description() -> None:
    assert page_description(None, "<h1>Only a title</h1>") is None


# ── The icon and the preview image ───────────────────────────────────────────────────────


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_the_preview_image_is_a_large_card() -> None:
    assert png_size(CARD) == CARD_SIZE == (1200, 630)
    assert CARD.stat().st_size < 200_000, "a preview image small enough to fetch quickly"


def test_the_card_names_the_site() -> None:
    page = card_html("asyncio notes", "A <tagline>", korean="asyncio 노트")
    assert "<h1>asyncio notes</h1>" in page
    assert "A &lt;tagline&gt;" in page and "asyncio 노트" in page


def test_the_favicon_is_the_sites_own() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    favicon = re.search(r"^  favicon: (\S+)$", config, re.MULTILINE)
    assert favicon, "theme.favicon in mkdocs.yml"
    svg = (ROOT / "docs" / favicon[1]).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and PRIMARY in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", ""), "nothing fetched"


# ── The built pages ──────────────────────────────────────────────────────────────────────


def head_meta(html: str) -> dict[str, str]:
    """`{name or property: content}` of the page head's meta tags (the first of each)."""
    head = html.split("</head>", 1)[0]
    found: dict[str, str] = {}
    for tag in re.findall(r"<meta\s[^>]*>", head):
        key = re.search(r'\s(?:name|property)="([^"]+)"', tag)
        content = re.search(r'\scontent="([^"]*)"', tag)
        if key and content:
            found.setdefault(key[1], unescape(content[1]))
    return found


def built(site: Path, route: str) -> str:
    return (site / route / "index.html").read_text(encoding="utf-8")


HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("route", "language", "locale", "start"),
    [
        ("tasks", "en", "en_US", "A coroutine does nothing until something awaits it"),
        ("ko/tasks", "ko", "ko_KR", "코루틴은 누군가 어웨이트하기 전까지는"),
        ("", "en", "en_US", "These pages turn personal study notes"),
        ("ko", "ko", "ko_KR", "이 사이트는 파이썬 asyncio를"),
    ],
)
def test_pages_describe_themselves(
    built_site: Path, route: str, language: str, locale: str, start: str
) -> None:
    meta = head_meta(built(built_site, route))
    description = meta["description"]
    assert description.startswith(start)
    assert len(description) <= DESCRIPTION_LIMIT
    assert meta["og:description"] == meta["twitter:description"] == description
    assert meta["og:locale"] == locale
    assert bool(HANGUL.search(description)) == (language == "ko")
    assert meta["og:url"].endswith(f"/{route}/" if route else "/")
    assert meta["og:type"] == ("website" if route in ("", "ko") else "article")
    assert meta["twitter:card"] == "summary_large_image"
    site_name = "asyncio 노트" if language == "ko" else "asyncio notes"
    assert meta["og:site_name"] == site_name
    if route in ("", "ko"):
        assert meta["og:title"] == site_name
    else:
        assert meta["og:title"].endswith(f" — {site_name}")
        assert meta["og:title"] == meta["twitter:title"]


SITE_DESCRIPTIONS = set(
    re.findall(
        r"^\s*site_description: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    )
)
"""Each language's description of the whole site (mkdocs.yml), which a page falls back to."""


@pytest.mark.slow
def test_every_page_has_a_description_of_its_own_in_its_language(built_site: Path) -> None:
    routes: dict[str, list[str]] = {}
    for page in sorted(built_site.rglob("index.html")):
        route = page.parent.relative_to(built_site).as_posix()
        if route.split("/")[0] in ("assets", "search"):
            continue
        html = page.read_text(encoding="utf-8")
        meta = head_meta(html)
        korean = route == "ko" or route.startswith("ko/")
        assert bool(HANGUL.search(meta["description"])) == korean, (route, meta["description"])
        assert len(meta["description"]) <= DESCRIPTION_LIMIT
        assert meta["og:description"] == meta["description"]
        assert meta["og:locale"] == ("ko_KR" if korean else "en_US")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
        assert meta["og:url"] == canonical
        routes.setdefault(meta["description"], []).append(route)
    shared = {d: r for d, r in routes.items() if len(r) > 1 and d not in SITE_DESCRIPTIONS}
    assert not shared, "pages that describe themselves alike"
    assert len(routes) > 20


@pytest.mark.slow
def test_the_image_and_icon_are_absolute_and_served(built_site: Path) -> None:
    for route in ("tasks", "ko/tasks"):
        html = built(built_site, route)
        meta = head_meta(html)
        image = meta["og:image"]
        assert re.match(r"https?://", image) and image == meta["twitter:image"]
        assert image.endswith("/assets/images/social-card.png")
        assert "/ko/assets/" not in image, "one copy, at the site root"
        assert png_size(built_site / "assets" / "images" / "social-card.png") == CARD_SIZE
        icon = re.search(r'<link rel="icon" href="([^"]+)"', html)[1]
        assert icon == "../" * (route.count("/") + 1) + "assets/images/favicon.svg"
        assert (built_site / "assets" / "images" / "favicon.svg").is_file()
        touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', html)[1]
        assert touch == "../" * (route.count("/") + 1) + "assets/images/apple-touch-icon.png"
        assert png_size(built_site / "assets" / "images" / "apple-touch-icon.png") == (180, 180)
