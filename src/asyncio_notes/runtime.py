"""The Python runtime as the site serves it: versioned folder, snapshot, manifest, precompression.

After the vendor files are copied (`asyncio_notes.vendor`), the build

- puts the memory snapshot (`asyncio_notes.snapshot`) into `assets/vendor/pyodide/<version>/`
  under a name that carries its hash, with an empty standard-library zip beside it: a worker
  restoring the snapshot starts with that and fetches `python_stdlib.zip` after the first run
  (the modules the examples need are already in the snapshot);
- writes `assets/vendor/pyodide/runtime.json`, which tells the worker those names (no snapshot
  when none could be made: the worker then loads Python plainly);
- writes a brotli (`.br`) and a gzip (`.gz`) copy of every runtime file that compresses, for a
  host that serves precompressed files (`asyncio_notes.serve` does, as a good host would).
  Compressing is slow (brotli's best level takes about a minute for the snapshot), so the copies
  are cached under `build/compressed/`, keyed by the file's hash.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

from asyncio_notes.vendor import BUILD_DIR, SITE_VENDOR, pyodide_versions

MANIFEST = "runtime.json"
"""At `assets/vendor/pyodide/`: the names of the snapshot and the empty standard library."""
EMPTY_STDLIB = "stdlib-empty.zip"
COMPRESSED_CACHE = BUILD_DIR / "compressed"
PRECOMPRESSED = (".mjs", ".wasm", ".bin", ".json")
"""Runtime files worth compressing (`python_stdlib.zip` is compressed already)."""
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


def install_runtime(site_dir: Path, snapshot: Path | None, version: str | None = None) -> dict:
    """Put `snapshot` (or none) and the manifest into the built site; returns the manifest."""
    version = version or pyodide_versions()["pyodide"]
    folder = runtime_folder(site_dir, version)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("snapshot-*.bin*"):
        if snapshot is None or not old.name.startswith(snapshot.name):
            old.unlink()
    manifest: dict[str, str | int | None] = {"version": version, "snapshot": None,
                                             "snapshotSize": None, "emptyStdlib": None}
    if snapshot is not None:
        target = folder / snapshot.name
        if not target.exists() or target.stat().st_size != snapshot.stat().st_size:
            shutil.copyfile(snapshot, target)
        (folder / EMPTY_STDLIB).write_bytes(empty_zip())
        manifest["snapshot"] = f"{version}/{snapshot.name}"
        # The worker sizes Python's memory from it before the snapshot's bytes arrive.
        manifest["snapshotSize"] = snapshot.stat().st_size
        manifest["emptyStdlib"] = f"{version}/{EMPTY_STDLIB}"
    (folder.parent / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return manifest


def brotli_bytes(data: bytes, quality: int = BROTLI_QUALITY) -> bytes:
    """`data` compressed with brotli (a 16 MB window, which large wasm and heaps gain from)."""
    import brotli

    return brotli.compress(data, quality=quality, lgwin=24)


def _cached(data: bytes, suffix: str, cache: Path, make) -> bytes:
    name = hashlib.sha256(data).hexdigest()[:32] + suffix
    path = cache / name
    if path.is_file():
        return path.read_bytes()
    body = make(data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(body)
    partial.replace(path)
    return body


def precompress(path: Path, cache: Path = COMPRESSED_CACHE) -> list[Path]:
    """Write `path.br` and `path.gz` beside `path` (each only if smaller); returns them."""
    data = path.read_bytes()
    written = []
    for suffix, make in ((".br", brotli_bytes), (".gz", lambda d: gzip.compress(d, 9, mtime=0))):
        body = _cached(data, suffix, cache, make)
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
    written = []
    for path in sorted((site_dir / SITE_VENDOR / "pyodide").rglob("*")):
        if path.is_file() and path.suffix in PRECOMPRESSED and path.stat().st_size >= MIN_SIZE:
            written += precompress(path, cache)
    return written
