"""What the service worker keeps for offline reading, listed from the built site.

The browser side is `docs/assets/offline/` (`service-worker.js`, `register.js`); the build writes
`sw.js` at the site root (a service worker controls only the pages below its own folder), with
the list of files made here, grouped:

- `site`: every page, the search index and the site's own scripts and styles (11 MB, about
  3 MB compressed), kept once the reader reads on: a second page, or a Run;
- `python`: the Pyodide runtime and the wasm as the brotli files the worker fetches and decodes
  (about 7 MB), kept once the reader started Python, with the snapshot for this browser
  (`snapshot`, or `snapshot-ios` on iOS; 4.3 MB);
- `mermaid`: Mermaid's diagram chunks (3.5 MB, 1 MB compressed), kept with the site on a page
  that shows a diagram.

Each group has a version (a hash of its files), so a new build replaces only the groups that
changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from asyncio_notes.runtime import DECODER, HEADERS

SERVICE_WORKER = "sw.js"
"""The service worker's file, at the site root."""

LOGIC = "assets/offline/service-worker.js"
"""The service worker's code, which `sw.js` imports."""

RUNTIME = "assets/vendor/pyodide/"
"""Where runtime.json and the runtime live."""

GROUP_FOLDERS = {
    "python": ("assets/vendor/pyodide/", "assets/vendor/brotli/"),
    "mermaid": ("assets/vendor/mermaid/chunks/",),
}
"""Groups kept on demand, by the folders that hold them."""

SNAPSHOT_GROUPS = ("snapshot", "snapshot-ios")
"""Python's memory snapshots, out of the `python` group: a browser keeps only its own (iOS has
one of its own, `asyncio_notes.snapshot`), 4.3 MB each."""

LUNR = "assets/javascripts/lunr/"
LUNR_ALWAYS = frozenset({"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"})
LUNR_EXTRA = {"ja": "tinyseg.js", "th": "wordcut.js"}
"""Material ships search support for every language; only the site's languages are kept."""


def _page_url(path: str) -> str:
    """`playground/index.html` -> `playground/`, the address pages are linked and fetched by."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path


def _search_languages(site_dir: Path) -> list[str]:
    index = site_dir / "search" / "search_index.json"
    if not index.exists():
        return []
    return json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])


def _keeps_lunr_file(path: str, languages: list[str]) -> bool:
    name = path.removeprefix(LUNR)
    wanted = set(LUNR_ALWAYS) | {f"min/lunr.{lang}.min.js" for lang in languages}
    wanted |= {LUNR_EXTRA[lang] for lang in languages if lang in LUNR_EXTRA}
    return name in wanted


def _runtime_fetched_compressed(site_dir: Path) -> set[str]:
    """The runtime's compressed files that the worker asks for by name and decodes itself:
    the `.br` files runtime.json names, and the brotli decoder's `.gz`, as addresses."""
    manifest = site_dir / RUNTIME / "runtime.json"
    if not manifest.exists():
        return set()
    entries = json.loads(manifest.read_text(encoding="utf-8")).values()
    fetched = {
        RUNTIME + entry["url"]
        for entry in entries
        if isinstance(entry, dict) and entry.get("url", "").endswith(".br")
    }
    decoder = DECODER.as_posix() + ".gz"
    return fetched | ({decoder} if (site_dir / decoder).exists() else set())


def _kept_files(site_dir: Path) -> dict[str, dict[str, Path]]:
    """`{group: {address: file}}` for the built site in `site_dir`."""
    groups: dict[str, dict[str, Path]] = {
        "site": {},
        **{group: {} for group in (*GROUP_FOLDERS, *SNAPSHOT_GROUPS)},
    }
    languages = _search_languages(site_dir)
    # The worker decodes these itself: they are kept compressed, and their decoded twins not.
    fetched = _runtime_fetched_compressed(site_dir)
    replaced = {address.removesuffix(".br") for address in fetched}
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        if path in replaced:
            continue
        compressed = path.endswith((".br", ".gz")) and path not in fetched
        if path in (SERVICE_WORKER, HEADERS) or path.endswith(".map") or compressed:
            # Precompressed copies are the host's business (the browser gets either), and so is
            # _headers, which the hosts that read it do not serve.
            continue
        if path.startswith(LUNR) and not _keeps_lunr_file(path, languages):
            continue
        group = next(
            (g for g, folders in GROUP_FOLDERS.items() if path.startswith(folders)), "site"
        )
        if group == "python" and "/snapshot-" in path:
            group = SNAPSHOT_GROUPS[1] if "-ios-" in path else SNAPSHOT_GROUPS[0]
        groups[group][_page_url(path)] = file
    return groups


def offline_groups(site_dir: Path) -> dict[str, list[str]]:
    """The built site's files by group, as addresses relative to the site root (a page by its
    folder, `playground/`). Source maps, `_headers` and the service worker itself are left out."""
    return {group: list(files) for group, files in _kept_files(site_dir).items()}


def _version(files: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for address, file in files.items():
        digest.update(address.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def service_worker(site_dir: Path) -> str:
    """The text of `sw.js` for the site built in `site_dir`."""
    manifest = {
        "groups": {
            group: {"version": _version(files), "files": list(files)}
            for group, files in _kept_files(site_dir).items()
        }
    }
    return (
        "// Written by the site build (asyncio_notes.offline): the files kept for offline use.\n"
        f"self.OFFLINE = {json.dumps(manifest, indent=1)};\n"
        f'importScripts("{LOGIC}");\n'
    )


def write_service_worker(site_dir: Path) -> Path:
    """Write `sw.js` into the built site; returns its path."""
    target = site_dir / SERVICE_WORKER
    target.write_text(service_worker(site_dir), encoding="utf-8")
    return target
