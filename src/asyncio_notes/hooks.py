"""MkDocs hooks: thin calls into the plain functions of `asyncio_notes`.

Registered in `mkdocs.yml` under `hooks:`. Each hook runs once per language build
(mkdocs-static-i18n builds English at `/`, then Korean at `/ko/`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from asyncio_notes.catalogue import find_snippets
from asyncio_notes.i18n import LANGUAGES, text
from asyncio_notes.pages import UnknownSnippetError, drop_alternate_links, wrap_examples
from asyncio_notes.vendor import copy_vendor, pyodide_versions

log = logging.getLogger("mkdocs.plugins.asyncio_notes")


class _SwitcherSolved(logging.Filter):
    """Drops mkdocs-static-i18n's warning that its switcher and instant navigation do not mix.

    `docs/assets/javascripts/language-switch.js` rewrites the switcher's links after every
    instant navigation, and a browser test checks it; every other warning still fails the build.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_SwitcherSolved())

SHARED_ASSETS = "assets/"
"""Files under `docs/assets/` are shared by both languages and served once, from the root."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["versions"] = pyodide_versions()
    config.extra["snippets"] = {s.name: s for s in find_snippets()}
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Runs again for each language build, after mkdocs-static-i18n has set the language.
    config.copyright = text(_language(config), "footer").format(**config.extra["versions"])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # mkdocs-static-i18n copies shared files into every language folder; one copy at the root
    # lets every page load the same script URLs, so the runtime survives a change of language.
    if _language(config) == LANGUAGES[0]:
        return files
    for file in [f for f in files if f.src_uri.startswith(SHARED_ASSETS)]:
        files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return wrap_examples(markdown, _language(config), config.extra["snippets"])
    except UnknownSnippetError as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return drop_alternate_links(output)


def on_post_build(config: MkDocsConfig) -> None:
    try:
        copied = copy_vendor(Path(config.site_dir))
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from None
    log.debug("copied %d vendor files", copied)


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]
