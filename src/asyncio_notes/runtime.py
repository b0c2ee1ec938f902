"""The Python runtime as the site serves it: versioned folder, snapshot, manifest, precompression.

After the vendor files are copied (`asyncio_notes.vendor`), the build

- puts the memory snapshot (`asyncio_notes.snapshot`) into `assets/vendor/pyodide/<version>/`,
  brotli-compressed, under a name that carries its hash, with an empty standard-library zip
  beside it: a worker restoring the snapshot starts with that and fetches `python_stdlib.zip`
  after the first run (the modules the examples need are already in the snapshot);
- writes `assets/vendor/pyodide/runtime.json`, which tells the worker those names and, for each
  file it fetches compressed (the snapshot, `pyodide.asm.wasm`, Pyodide's JavaScript glue and
  package list, the standard library's core), its size before and after compression and the
  compressed file's first bytes (no snapshot when none could be made: the worker then loads
  Python plainly);
- writes a brotli (`.br`) and a gzip (`.gz`) copy of every runtime file that compresses, for a
  host that serves precompressed files (`asyncio_notes.serve` does, as a good host would).
  Compressing is slow (brotli's best level takes about a minute for the snapshot), so the copies
  are cached under `build/compressed/`, keyed by the file's hash.

The worker asks for those `.br` files by name and decodes them itself
(`docs/assets/runner/download.js`): most static hosts, GitHub Pages among them, send a `.bin` as
it is and gzip a `.wasm` at best, so the reader would otherwise get 31.5 MB of snapshot
uncompressed. No host recompresses a `.br` file, and one that sends it with `Content-Encoding`
has had the browser decode it already, which its first bytes tell the worker.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import time
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from asyncio_notes.build_cache import cache_lock
from asyncio_notes.vendor import BUILD_DIR, SITE_VENDOR, pyodide_versions

log = logging.getLogger("mkdocs.plugins.asyncio_notes")

MANIFEST = "runtime.json"
"""At `assets/vendor/pyodide/`: what the worker fetches to start Python, and how."""
EMPTY_STDLIB = "stdlib-empty.zip"
STDLIB = "python_stdlib.zip"
BROTLI_FETCHED = {
    "wasm": "pyodide.asm.wasm",
    "glue": "pyodide.asm.mjs",
    "lock": "pyodide-lock.json",
}
"""Runtime files the worker fetches as `.br` and decodes itself (besides the snapshot), by their
runtime.json names: the wasm, Pyodide's JavaScript glue and its package list."""
DECODER = Path("assets") / "vendor" / "brotli" / "brotli_dec_wasm_bg.wasm"
"""The brotli decoder's own wasm, which the worker fetches as `.gz` (no host recompresses it,
and every browser's DecompressionStream decodes gzip)."""
COMPRESSED_CACHE = BUILD_DIR / "compressed"
PRECOMPRESSED = (".mjs", ".wasm", ".json")
"""Runtime files worth compressing (`python_stdlib.zip` is compressed already)."""
HEAD_BYTES = 16
"""How many first bytes of a `.br` file the manifest records: a response that starts otherwise
was decoded by the browser (the host sent it with `Content-Encoding`)."""
MIN_SIZE = 1024
BROTLI_QUALITY = 11


def empty_zip() -> bytes:
    """A zip archive with no files (22 bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    return buffer.getvalue()


def runtime_folder(site_dir: Path, version: str) -> Path:
    """`<site>/assets/vendor/pyodide/<version>`."""
    return site_dir / SITE_VENDOR / "pyodide" / version


def install_runtime(
    site_dir: Path,
    snapshot: Path | None,
    version: str | None = None,
    cache: Path = COMPRESSED_CACHE,
    core: Path | None = None,
    modules: list[str] | None = None,
    snapshot_ios: Path | None = None,
    lock: str = BROTLI_FETCHED["lock"],
) -> dict:
    """Put `snapshot` (or none), the standard library's `core` (or none) for a plain start that
    imports `modules` (`asyncio_notes.stdlib_core`), the brotli copies the worker decodes and
    the manifest into the built site (the vendor files copied already); returns the manifest."""
    version = version or pyodide_versions()["pyodide"]
    folder = runtime_folder(site_dir, version)
    folder.mkdir(parents=True, exist_ok=True)
    fetched = [folder / file for file in {**BROTLI_FETCHED, "lock": lock}.values()]
    compress_ahead([*fetched, *(p for p in (core, snapshot, snapshot_ios) if p)], [".br"], cache)
    served = {f"{path.name}.br" for path in (snapshot, snapshot_ios) if path is not None}
    for old in folder.glob("snapshot-*.bin*"):
        if old.name not in served:
            old.unlink()
    manifest: dict = {
        "version": version,
        **{
            name: brotli_entry(folder / file, folder / file, version, cache)
            for name, file in {**BROTLI_FETCHED, "lock": lock}.items()
        },
        "stdlib": {"url": f"{version}/{STDLIB}", "bytes": (folder / STDLIB).stat().st_size},
        "snapshot": None,
        "snapshotIos": None,
        "emptyStdlib": None,
        "core": None,
    }
    for old in folder.glob("stdlib-core-*"):
        if core is None or old.name != core.name + ".br":
            old.unlink()
    if core is not None:
        manifest["core"] = {
            **brotli_entry(core, folder / core.name, version, cache),
            "modules": modules or [],
        }
    if snapshot is not None:
        # Only the compressed copy is served: nothing asks for the raw heap.
        manifest["snapshot"] = brotli_entry(snapshot, folder / snapshot.name, version, cache)
        if snapshot_ios is not None:
            manifest["snapshotIos"] = brotli_entry(
                snapshot_ios, folder / snapshot_ios.name, version, cache
            )
        (folder / EMPTY_STDLIB).write_bytes(empty_zip())
        manifest["emptyStdlib"] = f"{version}/{EMPTY_STDLIB}"
    (folder.parent / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    decoder = site_dir / DECODER
    if decoder.exists():
        decoder.with_name(decoder.name + ".gz").write_bytes(gzip_bytes(decoder.read_bytes()))
    return manifest


HEADERS = "_headers"
"""At the site root: response headers for hosts that read this file (Netlify, Cloudflare
Pages); GitHub Pages ignores it."""


def host_headers(version: str, policy: str) -> str:
    """The text of `_headers`: the site's Content-Security-Policy as a header (which covers the
    Web Workers too), and a year's immutable caching for the runtime below a folder named by its
    version (a new version has new addresses)."""
    return (
        "# Written by the site build (asyncio_notes.runtime): headers for Netlify and\n"
        '# Cloudflare Pages (see the contributor guide, "Publishing").\n'
        "/*\n"
        f"  Content-Security-Policy: {policy}\n"
        "  X-Content-Type-Options: nosniff\n"
        f"/assets/vendor/pyodide/{version}/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
    )


def brotli_entry(source: Path, target: Path, version: str, cache: Path = COMPRESSED_CACHE) -> dict:
    """Write `source` brotli-compressed to `target.br`; its manifest entry: the address below
    `assets/vendor/pyodide/`, `size` decoded (the worker sizes Python's memory from the
    snapshot's before its bytes arrive), `bytes` on the wire, and the first bytes as hex."""
    data = source.read_bytes()
    body = _cached(data, ".br", cache, brotli_bytes, source.name)
    out = target.with_name(target.name + ".br")
    if not out.exists() or out.stat().st_size != len(body):
        out.write_bytes(body)
    return {
        "url": f"{version}/{out.name}",
        "size": len(data),
        "bytes": len(body),
        "head": body[:HEAD_BYTES].hex(),
    }


def brotli_bytes(data: bytes, quality: int = BROTLI_QUALITY) -> bytes:
    """`data` compressed with brotli (a 16 MB window, which large wasm and heaps gain from)."""
    import brotli

    return brotli.compress(data, quality=quality, lgwin=24)


SAY_WHEN_BYTES = 1_000_000
"""Compressing a file this large takes seconds: the build says so (once; then it is cached)."""


def gzip_bytes(data: bytes) -> bytes:
    """`data` gzip-compressed at the best level, the same bytes at every build."""
    return gzip.compress(data, 9, mtime=0)


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {".br": brotli_bytes, ".gz": gzip_bytes}


def compress_ahead(
    sources: Sequence[Path], suffixes: Sequence[str], cache: Path = COMPRESSED_CACHE
) -> None:
    """Compress into `cache`, side by side on every CPU, the `sources` it lacks as each of
    `suffixes`: brotli and zlib let go of Python's lock while they work, and a new snapshot
    brings two 31 MB heaps that take about a minute each alone. The copies are then read as
    cached. Each source is read and hashed once."""
    wanted = []
    for source in sources:
        data = source.read_bytes()
        digest = _digest(data)
        wanted += [(source, data, cache / (digest + suffix), suffix) for suffix in suffixes]
    if all(path.is_file() for _, _, path, _ in wanted):
        return
    with cache_lock(cache), ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        jobs = [
            pool.submit(_make_cached, data, path, COMPRESSORS[suffix], source.name)
            for source, data, path, suffix in wanted
            if not path.is_file()  # made meanwhile by another build
        ]
        for job in jobs:
            job.result()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _cache_path(data: bytes, suffix: str, cache: Path) -> Path:
    return cache / (_digest(data) + suffix)


def _cached(data: bytes, suffix: str, cache: Path, make, what: str = "a file") -> bytes:
    path = _cache_path(data, suffix, cache)
    if path.is_file():
        return path.read_bytes()
    with cache_lock(cache):
        if path.is_file():  # made meanwhile by another build
            return path.read_bytes()
        return _make_cached(data, path, make, what)


def _make_cached(data: bytes, path: Path, make, what: str) -> bytes:
    began = time.perf_counter()
    body = make(data)
    if len(data) >= SAY_WHEN_BYTES:
        log.info(
            "Compressed %s (%.1f MB, %s) in %.0f s; cached in %s for later builds",
            what,
            len(data) / 1e6,
            path.suffix,
            time.perf_counter() - began,
            path.parent,
        )
    partial = path.with_suffix(".partial")
    partial.write_bytes(body)
    partial.replace(path)
    return body


def precompress(path: Path, cache: Path = COMPRESSED_CACHE) -> list[Path]:
    """Write `path.br` and `path.gz` beside `path` (each only if smaller); returns them."""
    data = path.read_bytes()
    written = []
    for suffix, make in COMPRESSORS.items():
        body = _cached(data, suffix, cache, make, path.name)
        target = path.with_name(path.name + suffix)
        if len(body) >= len(data):
            target.unlink(missing_ok=True)
            continue
        if not target.exists() or target.stat().st_size != len(body):
            target.write_bytes(body)
        written.append(target)
    return written


def precompress_runtime(site_dir: Path, cache: Path = COMPRESSED_CACHE) -> list[Path]:
    """Precompress every runtime file below `assets/vendor/pyodide/` that is worth it."""
    paths = [
        path
        for path in sorted((site_dir / SITE_VENDOR / "pyodide").rglob("*"))
        if path.is_file() and path.suffix in PRECOMPRESSED and path.stat().st_size >= MIN_SIZE
    ]
    compress_ahead(paths, list(COMPRESSORS), cache)
    return [target for path in paths for target in precompress(path, cache)]
