"""MkDocs hooks: thin calls into the plain functions of `asyncio_notes`.

Registered in `mkdocs.yml` under `hooks:`. Each hook runs once per language build
(mkdocs-static-i18n builds English at `/`, then Korean at `/ko/`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from asyncio_notes.browser_package import LockToolMissing, browser_package
from asyncio_notes.catalogue import find_snippets
from asyncio_notes.csp import add_policy_meta, header_policy
from asyncio_notes.exercises import find_exercises
from asyncio_notes.glossary import fill_glossary, load_glossary
from asyncio_notes.i18n import LANGUAGES, text
from asyncio_notes.metadata import page_description
from asyncio_notes.minify import MinifyError, minify_scripts
from asyncio_notes.offline import write_service_worker
from asyncio_notes.pages import (
    UnknownSnippetError,
    drop_alternate_links,
    focusable_code,
    mark_row_headers,
    wrap_examples,
)
from asyncio_notes.practice import PracticeError, expand_exercises, expand_predictions
from asyncio_notes.runtime import (
    HEADERS,
    host_headers,
    install_runtime,
    precompress_runtime,
    runtime_folder,
)
from asyncio_notes.search import set_page_base, write_language_search
from asyncio_notes.snapshot import preloaded_modules, wanted_snapshots
from asyncio_notes.stdlib_core import ensure_core
from asyncio_notes.timeline import write_live_labels
from asyncio_notes.translation_markdown import (
    SiteLayout,
    add_translation_notice,
    fill_status,
    translation_notice,
)
from asyncio_notes.translations import translation_status
from asyncio_notes.vendor import copy_vendor, pyodide_versions

log = logging.getLogger("mkdocs.plugins.asyncio_notes")


class _SwitcherSolved(logging.Filter):
    """Drops mkdocs-static-i18n's warning that its switcher and instant navigation do not mix.

    `docs/assets/javascripts/language-switch.js` rewrites the switcher's links after every
    instant navigation, and a browser test checks it; every other warning still fails the build.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but that one warning."""
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_SwitcherSolved())

SHARED_ASSETS = "assets/"
"""Files under `docs/assets/` are shared by both languages and served once, from the root."""

_LIVE_RELOAD = {"on": False}
"""Whether `mkdocs serve` runs (this module lives across its rebuilds)."""


def on_startup(command: str, dirty: bool) -> None:
    """Note `mkdocs serve`: its live-reload script is inline, so the page policy must allow it."""
    _LIVE_RELOAD["on"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load once per build what every page needs: versions, snippets, translations, glossary.

    `mkdocs serve` loads the configuration again for every rebuild, so an edited page's
    translation state is fresh each time.
    """
    config.extra["versions"] = pyodide_versions()
    config.extra["snippets"] = {s.name: s for s in find_snippets()}
    try:
        config.extra["exercises"] = {e.name: e for e in find_exercises()}
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from None
    try:
        config.extra["translations"] = translation_status(Path(config.docs_dir))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    config.extra["glossary"] = load_glossary()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Put the footer in the language being built."""
    # Runs again for each language build, after mkdocs-static-i18n has set the language.
    config.copyright = text(_language(config), "footer").format(**config.extra["versions"])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve the shared assets once, from the root, rather than once per language."""
    # mkdocs-static-i18n copies shared files into every language folder; one copy at the root
    # lets every page load the same script URLs, so the runtime survives a change of language.
    # The tree at the root is the default language's (Korean alone when previewing Korean).
    if _language(config) == _layout(config).default_language:
        return files
    for file in [f for f in files if f.src_uri.startswith(SHARED_ASSETS)]:
        files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Examples with their output, exercises, the generated tables, and the translation notice."""
    language, layout = _language(config), _layout(config)
    translations = config.extra["translations"]
    try:
        markdown = expand_predictions(markdown, config.extra["snippets"])
        markdown = wrap_examples(markdown, language, config.extra["snippets"])
        markdown = expand_exercises(markdown, config.extra["exercises"], language)
    except (UnknownSnippetError, PracticeError) as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
    markdown = fill_status(markdown, translations, language, page.url, layout)
    markdown = fill_glossary(markdown, config.extra["glossary"], language)
    path, file_language = _page_path(page)
    notice = translation_notice(translations, path, language, file_language, page.url, layout)
    return add_translation_notice(markdown, notice)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Row headers for comparison tables; code blocks the keyboard can reach; the page's
    description, from its first paragraph when its front matter gives none (a page shown in
    another language keeps the site's description, which is in the reader's)."""
    given = page.meta.get("description")
    if given is not None or _page_path(page)[1] == _language(config):
        description = page_description(given, html)
        if description is not None:
            page.meta["description"] = description
    return focusable_code(mark_row_headers(html))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Drop the alternate-language links that made Material fetch missing sitemaps; pages not
    at the root search their own language (see `asyncio_notes.search`)."""
    output = drop_alternate_links(output)
    language = _language(config)
    if language != _layout(config).default_language:
        output = set_page_base(output, language)
    return add_policy_meta(output, serving=_LIVE_RELOAD["on"])


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the 404 page the same Content Security Policy as every other page. Hosts serve one
    404 page at the root, for every reader: the other languages' builds keep the default
    language's (its text is in both languages: docs/overrides/404.html)."""
    if template_name != "404.html":
        return output
    written = Path(config.site_dir) / "404.html"
    if _language(config) != _layout(config).default_language and written.exists():
        return written.read_text(encoding="utf-8")
    return add_policy_meta(output, serving=_LIVE_RELOAD["on"])


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built: one search index per language, the pinned browser
    runtime (Pyodide, editor, Mermaid) with Python's memory snapshot and precompressed copies,
    the live timeline's labels (`asyncio_notes.timeline.write_live_labels`), the site's own
    scripts minified, and the service worker's list of the files."""
    # mkdocs-static-i18n builds the other languages, and then writes the one search index of
    # the site, in its own post-build step (priority -100): this one runs after it.
    if config.plugins["i18n"].building:
        return
    site_dir = Path(config.site_dir)
    root = _layout(config).default_language
    folders = [lang for lang in config.plugins["i18n"].build_languages if lang != root]
    write_language_search(site_dir, config.site_url or "/", folders)
    try:
        copied = copy_vendor(site_dir)
    except FileNotFoundError as exc:
        raise PluginError(str(exc)) from None
    log.debug("copied %d vendor files", copied)
    write_live_labels(site_dir)  # shared, like the other assets: every language's labels
    try:
        package = browser_package()
    except LockToolMissing as exc:
        raise PluginError(str(exc)) from None
    lock = package.install(runtime_folder(site_dir, pyodide_versions()["pyodide"]))
    modules = preloaded_modules()
    snapshots = wanted_snapshots(package=package)
    manifest = install_runtime(
        site_dir,
        snapshots["snapshot"],
        core=ensure_core(modules),
        modules=modules,
        snapshot_ios=snapshots["snapshotIos"],
        lock=lock,
    )
    precompress_runtime(site_dir)
    if not _LIVE_RELOAD["on"]:  # the preview keeps the commented sources, for the debugger
        try:
            minify_scripts(site_dir)
        except MinifyError as exc:
            raise PluginError(str(exc)) from None
    write_service_worker(site_dir)
    (site_dir / HEADERS).write_text(
        host_headers(manifest["version"], header_policy(site_dir)), encoding="utf-8"
    )


def _language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n sets the theme's language per build)."""
    return config.theme["language"]


def _layout(config: MkDocsConfig) -> SiteLayout:
    """Where pages and files are: the root language comes from mkdocs-static-i18n's settings
    (its `build_only_locale` makes the one language built the root one), file links from
    `repo_url` and `edit_uri` when the site names its repository."""
    languages = config.plugins["i18n"].config.languages
    default = next(lang.locale for lang in languages if lang.default)
    file_base = None
    if config.edit_uri and "://" in config.edit_uri:
        file_base = config.edit_uri
    elif config.repo_url and config.edit_uri:
        file_base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/")
    return SiteLayout(default, file_base, config.use_directory_urls)


def _page_path(page: Page) -> tuple[str, str]:
    """The page's path below `docs/<language>/` and the language of the file shown."""
    file = page.file
    return getattr(file, "norm_src_uri", file.src_uri), getattr(file, "locale", LANGUAGES[0])
