"""One search per language: Korean pages search Korean pages, English pages English ones.

mkdocs-static-i18n builds one search index for the whole site, so a Korean word on an English
page (the glossary, the contributor guide) put English pages among Korean results. Material
loads its index, and the sitemap that instant navigation follows, from the page's `base`. So
after the build the index is split by language folder, each folder other than the root gets its
own `search/search_index.json` and `sitemap.xml`, and the pages of that language name their
folder as their `base`. Links between languages then load the whole page, as they must for the
language switcher.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"

_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")'
)
_URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def split_search_index(index: dict, folders: list[str]) -> dict[str, dict]:
    """The index of each language folder (`""` for the root language), locations relative to
    that folder."""
    split: dict[str, dict] = {folder: {**index, "docs": []} for folder in ["", *folders]}
    for doc in index["docs"]:
        folder = next((f for f in folders if doc["location"].startswith(f + "/")), "")
        location = doc["location"][len(folder) + 1 :] if folder else doc["location"]
        split[folder]["docs"].append({**doc, "location": location})
    return split


def language_sitemap(sitemap: str, site_url: str, folder: str) -> str:
    """`sitemap` with only the pages under `folder`."""
    prefix = site_url.rstrip("/") + f"/{folder}/"

    def keep(entry: re.Match) -> str:
        loc = _LOC.search(entry.group(0))
        return entry.group(0) if loc and loc.group(1).startswith(prefix) else ""

    return _URL_ENTRY.sub(keep, sitemap)


def set_page_base(html: str, folder: str) -> str:
    """Make Material's `base` (in the page's `__config`) the language folder: search and
    instant navigation then stay within the language."""

    def rebase(match: re.Match) -> str:
        base = match.group(2).rstrip("/") or "."
        return f"{match.group(1)}{base}/{folder}/{match.group(3)}"

    html, found = _CONFIG_BASE.subn(rebase, html, count=1)
    if not found:
        raise ValueError("no Material __config with a base in the page")
    return html


def write_language_search(site_dir: Path, site_url: str, folders: list[str]) -> None:
    """Split the built site's search index and sitemap by language folder."""
    index_path = site_dir / INDEX
    if not index_path.exists():  # the search plugin is off
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    sitemap_path = site_dir / SITEMAP
    sitemap = sitemap_path.read_text(encoding="utf-8") if sitemap_path.exists() else None
    for folder, part in split_search_index(index, folders).items():
        target = site_dir / folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        if folder and sitemap is not None:
            (site_dir / folder / SITEMAP).write_text(
                language_sitemap(sitemap, site_url, folder), encoding="utf-8"
            )
