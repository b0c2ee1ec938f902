"""Markdown the build adds for translations: the status table and the reader-facing notice.

Plain functions of page Markdown, called by the hooks once per page and language:

- `fill_status` replaces `<!-- translation-status -->` on the status page with a table of every
  translation, its state, and links to each page and its source file;
- `add_translation_notice` puts a notice under the title of an outdated translation, or of a
  page shown in the source language because its translation is missing (mkdocs-static-i18n's
  `fallback_to_default`), in the language of the page, linking to the source page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from asyncio_notes.fences import code_fences
from asyncio_notes.i18n import text
from asyncio_notes.translations import State, Translation

STATUS_MARKER = "<!-- translation-status -->"
"""Where the status page wants the table."""

STATUS_PAGE = "translation-status.md"
"""The page that shows the table, in every language."""

GUIDE_PAGE = "contributing.md"
"""The contributor guide, which explains how to translate a page."""

NOTICE_CLASS = "translation-notice"
"""Extra class of the notice's admonition, so that styles and tests can find it."""

TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class SiteLayout:
    """Where pages and their source files are, as seen from the built site.

    Attributes:
        default_language: The language built at the site root (the others live under
            `/<language>/`).
        file_base: A URL to which a path below `docs/` is appended to show that file (the
            repository's edit URL), or `None` when the site does not know its repository.
        use_directory_urls: MkDocs' setting of the same name.
    """

    default_language: str
    file_base: str | None = None
    use_directory_urls: bool = True

    def page_url(self, page: str, language: str) -> str:
        """The site-relative URL of `page` (a path below `docs/<language>/`) in `language`."""
        prefix = "" if language == self.default_language else f"{language}/"
        stem = page.removesuffix(".md")
        if not self.use_directory_urls:
            return f"{prefix}{stem}.html"
        if stem == "index" or stem.endswith("/index"):
            return prefix + stem.removesuffix("index")
        return f"{prefix}{stem}/"

    def file_link(self, language: str, page: str) -> str:
        """A Markdown link to the file `docs/<language>/<page>`, or its path in code font."""
        label = f"`docs/{language}/{page}`"
        if self.file_base is None:
            return label
        return f"[{label}]({self.file_base.rstrip('/')}/{language}/{page})"


BUILT_LINK = re.compile(r"\[(?P<label>[^\]]+)\]\((?P<url>(?!https?:)[^)\s]*/)\)")
"""A Markdown link to a built page's address (`../tasks/`), as the status table and notices make."""


def built_links_as_html(markdown: str) -> str:
    """Links to built pages' addresses written as HTML: MkDocs checks Markdown links against the
    `.md` files, and reported each of these as an "unrecognized relative link" on every build,
    burying a real broken link in the noise."""
    return BUILT_LINK.sub(r"<a href='\g<url>'>\g<label></a>", markdown)


def relative_url(to_url: str, from_url: str) -> str:
    """The link from the page at `from_url` to `to_url` (both site-relative, as `page.url`)."""
    link = get_relative_url(to_url, from_url)
    if (to_url == "" or to_url.endswith("/")) and not link.endswith("/"):
        link += "/"
    return link


def page_title(path: Path) -> str | None:
    """The level-1 title of a page file, without its attribute list; `None` when it has none."""
    markdown = path.read_text(encoding="utf-8")
    fenced = [(fence.start, fence.end) for fence in code_fences(markdown)]
    for match in TITLE.finditer(markdown):
        if not any(start <= match.start() < end for start, end in fenced):
            return match["title"]
    return None


def _state_label(translation: Translation, lang: str) -> str:
    """The state of a translation in words of `lang`; states that need work in bold."""
    key = "untracked" if translation.never_synced else translation.state.name.lower()
    label = text(lang, f"status_{key}")
    return f"**{label}**" if translation.needs_work else label


def status_table(
    translations: Iterable[Translation], lang: str, from_url: str, layout: SiteLayout
) -> str:
    """The status of every translation as Markdown: a summary line and a table.

    One row per translation: the page (linked in `lang` where it exists, else in its source
    language), the translation's language and file, its state, and the source page and file.

    Args:
        translations: From `asyncio_notes.translations.translation_status`.
        lang: The language of the page that shows it.
        from_url: That page's URL, for relative links.
        layout: Where pages and files are.
    """
    translations = list(translations)
    headers = [text(lang, f"status_{column}") for column in ("page", "language", "state", "source")]
    rows = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    for item in translations:
        shown = lang if (item.docs_dir / lang / item.page).exists() else item.source_language
        title = page_title(item.docs_dir / shown / item.page) or item.page
        page_link = f"[{title}]({relative_url(layout.page_url(item.page, shown), from_url)})"
        source_url = relative_url(layout.page_url(item.page, item.source_language), from_url)
        source = (
            f"[{text(lang, 'language_' + item.source_language)}]({source_url})<br>"
            f"{layout.file_link(item.source_language, item.page)}"
        )
        translation = (
            f"{text(lang, 'language_' + item.language)}<br>"
            f"{layout.file_link(item.language, item.page)}"
        )
        cells = [page_link, translation, _state_label(item, lang), source]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    needing = sum(item.needs_work for item in translations)
    summary = (
        text(lang, "status_summary").format(count=needing, total=len(translations))
        if needing
        else text(lang, "status_all_done")
    )
    return summary + "\n\n" + built_links_as_html("\n".join(rows))


def fill_status(
    markdown: str, translations: Iterable[Translation], lang: str, from_url: str, layout: SiteLayout
) -> str:
    """Replace `STATUS_MARKER` with `status_table`; pages without the marker are unchanged."""
    if STATUS_MARKER not in markdown:
        return markdown
    return markdown.replace(STATUS_MARKER, status_table(translations, lang, from_url, layout))


def translation_notice(
    translations: Iterable[Translation],
    page: str,
    build_language: str,
    file_language: str,
    from_url: str,
    layout: SiteLayout,
) -> str | None:
    """The notice a page needs, as a Markdown admonition in `build_language`, or `None`.

    Args:
        translations: From `asyncio_notes.translations.translation_status`.
        page: The page's path below `docs/<language>/`.
        build_language: The language of the site tree being built.
        file_language: The language of the file shown: another language than `build_language`
            when mkdocs-static-i18n fell back to the source because the translation is missing.
        from_url: The page's URL, for relative links.
        layout: Where pages are.
    """
    if file_language != build_language:
        kind, source = "missing", file_language
    else:
        found = [t for t in translations if t.page == page and t.language == build_language]
        if not found or found[0].state is State.UP_TO_DATE:
            return None
        kind = "untracked" if found[0].never_synced else "outdated"
        source = found[0].source_language
    body = built_links_as_html(
        text(build_language, f"translation_{kind}").format(
            language=text(build_language, f"language_{build_language}"),
            source_language=text(build_language, f"language_{source}"),
            source_url=relative_url(layout.page_url(page, source), from_url),
            status_url=relative_url(layout.page_url(STATUS_PAGE, build_language), from_url),
            guide_url=relative_url(layout.page_url(GUIDE_PAGE, build_language), from_url),
        )
    )
    title_key = "translation_missing_title" if kind == "missing" else "translation_outdated_title"
    return f'!!! warning {NOTICE_CLASS} "{text(build_language, title_key)}"\n\n    {body}\n'


def add_translation_notice(markdown: str, notice: str | None) -> str:
    """Put `notice` under the page's level-1 title (above everything when it has none).

    MkDocs takes a page's title from a level-1 heading only when it comes first, so the
    notice goes after it.
    """
    if notice is None:
        return markdown
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if TITLE.match(line.rstrip("\n")):
            return "".join(lines[: index + 1]) + "\n" + notice + "\n" + "".join(lines[index + 1 :])
        break
    return notice + "\n" + markdown
