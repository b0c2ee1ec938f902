"""The standard library's core: what a plain start needs before its first line.

A reader on a slow link starts Python plainly (no memory snapshot: fewer bytes), and Pyodide's
`python_stdlib.zip` is 2.5 MB. The core is the part that Python reads when it imports what the
snapshot holds imported (`asyncio_notes.snapshot.preloaded_modules`: asyncio, the runner, the
timeline and what the examples import): 152 files. Stored uncompressed in a zip and brotli-
compressed as a whole, it is about 0.6 MB. The worker starts with it, imports the same modules
(so that a program needing more waits for the full library, as on a snapshot start) and fetches
`python_stdlib.zip` after the first run.

The files are found by importing the modules under the pinned Pyodide in Node
(`stdlib_files.mjs`), once per input: cached under `build/stdlib-core/`.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
import subprocess
import zipfile
from pathlib import Path

from asyncio_notes.build_cache import cache_lock
from asyncio_notes.catalogue import ROOT
from asyncio_notes.vendor import BUILD_DIR, NODE_MODULES

log = logging.getLogger("mkdocs.plugins.asyncio_notes")

CACHE = BUILD_DIR / "stdlib-core"
FINDER = Path(__file__).with_name("stdlib_files.mjs")


def core_files(modules: list[str]) -> list[str]:
    """The standard library's files that importing `modules` reads, under the pinned Pyodide."""
    node = shutil.which("node")
    if node is None:
        raise FileNotFoundError("node is missing: the README lists Node 20+")
    done = subprocess.run(
        [node, str(FINDER), json.dumps(modules)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{FINDER.name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def core_zip(stdlib: bytes, files: list[str]) -> bytes:
    """A zip of `files` from the `stdlib` zip, stored uncompressed (brotli compresses the whole
    far better than zip's deflate compresses each file: 0.6 MB against 0.85 MB)."""
    source = zipfile.ZipFile(io.BytesIO(stdlib))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as core:
        for name in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            core.writestr(info, source.read(name))
    return buffer.getvalue()


def ensure_core(
    modules: list[str], node_modules: Path = NODE_MODULES, cache: Path = CACHE
) -> Path | None:
    """The cached core zip for `modules` and the pinned standard library, made first if
    missing; None (with one logged line) where Node cannot run Pyodide here."""
    stdlib = (node_modules / "pyodide" / "python_stdlib.zip").read_bytes()
    digest = hashlib.sha256(
        stdlib + json.dumps(modules).encode() + FINDER.read_bytes()
    ).hexdigest()[:16]
    target = cache / f"stdlib-core-{digest}.zip"
    with cache_lock(cache):
        if target.is_file():
            return target
        try:
            files = core_files(modules)
        except (FileNotFoundError, RuntimeError) as exc:
            log.info("Skipped the standard library's core (%s): a plain start fetches all", exc)
            return None
        for old in cache.glob("stdlib-core-*.zip"):
            old.unlink()
        target.write_bytes(core_zip(stdlib, files))
    return target
