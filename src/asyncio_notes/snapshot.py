"""Pyodide's memory snapshot, made at build time in headless Chromium.

A plain `loadPyodide()` spends about 1.5 s starting Python (and importing asyncio) before the
first line can print. A memory snapshot is the heap of a Python that has already started:
restoring it skips all that (`make bench`: "Cold Run" against "Lever off: plain load in the
worker"). The API is private to Pyodide (`_makeSnapshot`, `makeMemorySnapshot()`,
`_loadSnapshot`), and a snapshot belongs to one build of `pyodide.asm.wasm`, so it is remade
from the pinned npm files and never committed.

Where the snapshot is made decides what the restored runtime can do: one made in Node cannot use
WebAssembly stack switching (JSPI) in the browser, so `asyncio.run` fails there. It is therefore
made in Debian's Chromium, through Playwright, with the browser's own Python (the wheel of
`asyncio_notes.browser_package`: the runner, the judge and the live timeline, installed from the
site's package list as a worker would) and what the site's examples import already imported:
compiling the timeline's modules alone cost a cold first Run about 0.13 s.

The result is cached under `build/snapshot/`, keyed by the Pyodide version and a hash of every
input, so repeated builds and `mkdocs serve` rebuilds reuse it. A machine without Chromium or
Playwright still builds a working site: the worker then loads Python plainly, and the build
logs one line saying what it skipped.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from asyncio_notes.browser_package import BrowserPackage, browser_package, module_sources
from asyncio_notes.build_cache import cache_lock
from asyncio_notes.catalogue import ROOT
from asyncio_notes.vendor import BUILD_DIR, NODE_MODULES

log = logging.getLogger("mkdocs.plugins.asyncio_notes")

SNIPPETS = ROOT / "snippets"
INSTALLER = tuple(
    ROOT / "docs" / "assets" / "runner" / name for name in ("browser-package.js", "protocol.js")
)
"""How the snapshot's page installs the browser's wheel: as a worker's plain start does."""
CACHE = BUILD_DIR / "snapshot"
IOS_USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1"
)
"""Pyodide chooses how Python calls functions by whether the user agent is iOS's, and that
choice is part of the snapshot: one made under any other does not restore there."""
SWITCH = "ASYNCIO_NOTES_SNAPSHOT"
"""Set to `off` to build without a snapshot (the tests of the plain load use it)."""

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
"""The Pyodide files the snapshot is made from (its build id ties it to the wasm), besides the
package list with the browser's wheel in it."""

COMMON_MODULES = (
    "asyncio",
    "collections",
    "contextlib",
    "contextvars",
    "dataclasses",
    "datetime",
    "enum",
    "functools",
    "heapq",
    "itertools",
    "json",
    "math",
    "operator",
    "queue",
    "random",
    "re",
    "statistics",
    "string",
    "textwrap",
    "time",
    "typing",
    "weakref",
    "concurrent.futures",
    "concurrent.futures.thread",
    "traceback",
    "inspect",
    "linecache",
    "tokenize",
    "warnings",
    "codecs",
    "encodings.idna",
    "encodings.cp437",  # zipfile reads names with it: a plain start unpacks the browser's wheel
)
"""Imported before the snapshot besides what the examples import: a reader's own program
probably needs no more, so it can run before the full standard library arrives.
(`concurrent.futures` imports its executors on first use, so `thread` is named here.)"""


class SnapshotUnavailable(RuntimeError):
    """The snapshot cannot be made here (no Chromium or Playwright): the site loads plainly."""


def imported_modules(sources: list[str]) -> list[str]:
    """Absolute module names imported (`import x.y`, `from x import y`) by Python `sources`."""
    names: set[str] = set()
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    names.discard("__future__")
    return sorted(names)


def preloaded_modules(snippets: Path = SNIPPETS, own: dict[str, Path] | None = None) -> list[str]:
    """Every module imported before the snapshot: what the browser's own Python imports (it
    runs before the full standard library arrives), the examples', and common ones."""
    own = own or module_sources()
    sources = [p.read_text(encoding="utf-8") for p in sorted(snippets.rglob("*.py"))]
    sources += [path.read_text(encoding="utf-8") for path in own.values()]
    # The package's own modules come with its wheel.
    return sorted((set(imported_modules(sources)) | set(COMMON_MODULES)) - set(own))


@dataclass(frozen=True)
class SnapshotInputs:
    """Everything a snapshot depends on; `key` names it."""

    version: str
    files: tuple[tuple[str, Path], ...]
    """Each file as the snapshot's page is served it: (name, source)."""
    modules: tuple[str, ...]
    own: tuple[str, ...] = ()
    """The browser package's modules, imported after it is installed."""
    ios: bool = False
    """Made for iOS: under an iPhone's user agent and without stack switching, as a worker on
    iOS starts (`start-plan.js`, `onIOS`)."""

    @property
    def key(self) -> str:
        """Pyodide version plus a hash of the runtime files, the browser's wheel, the
        preloaded modules and the code that makes the snapshot: `314.0.7-1a2b3c4d5e6f7a8b`."""
        digest = hashlib.sha256()
        for name, path in self.files:
            digest.update(name.encode() + b"\0" + _file_hash(path).encode() + b"\0")
        digest.update("\n".join(self.modules + self.own).encode() + b"\0")
        digest.update(MAKE_PAGE.encode())
        return f"{self.version}-{'ios-' if self.ios else ''}{digest.hexdigest()[:16]}"


_HASHES: dict[tuple[Path, int, int], str] = {}


def _file_hash(path: Path) -> str:
    stat = path.stat()
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        _HASHES[key] = digest.hexdigest()
    return _HASHES[key]


def snapshot_inputs(
    package: BrowserPackage | None = None,
    node_modules: Path = NODE_MODULES,
    snippets: Path = SNIPPETS,
) -> SnapshotInputs:
    """The inputs of the snapshot for the pinned Pyodide in `node_modules` and the browser's
    `package` (`browser_package()`)."""
    package = package or browser_package()
    pyodide = node_modules / "pyodide"
    version = json.loads((pyodide / "package.json").read_text())["version"]
    files = tuple((name, pyodide / name) for name in RUNTIME_FILES) + (
        ("pyodide-lock.json", package.lock),
        (package.wheel.name, package.wheel),
        *((path.name, path) for path in INSTALLER),
    )
    own = tuple(sorted(module_sources()))
    return SnapshotInputs(version, files, tuple(preloaded_modules(snippets)), own)


MAKE_PAGE = """<!doctype html>
<meta charset="utf-8"><title>Making the memory snapshot</title>
<script type="module">
import { loadPyodide } from "./pyodide.mjs";
import { installBrowserPackage } from "./browser-package.js";
window.makeSnapshot = async (modules, own) => {
  if (new URLSearchParams(location.search).has("ios")) {
    delete WebAssembly.Suspending;
    delete WebAssembly.promising;
  }
  const pyodide = await loadPyodide({ indexURL: "./", _makeSnapshot: true });
  await installBrowserPackage(pyodide, new URL("./", location.href));
  const failed = pyodide.runPython(`
import importlib
failed = []
for name in ${JSON.stringify([...modules, ...own])}:
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {error}")
del importlib, name
# What is here now lives as long as the runtime: out of the collector's way, a full collection
# during a reader's run looks at the run's own objects only (about 0.1 ms instead of 10-60 ms).
import gc
gc.collect()
gc.freeze()
del gc
",".join(failed)
`);
  const bytes = pyodide.makeMemorySnapshot();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes]));
  link.download = "snapshot.bin";
  document.body.append(link);
  link.click();
  return failed;
};
</script>
"""


def make_snapshot(inputs: SnapshotInputs, target: Path) -> list[str]:
    """Make the snapshot of `inputs` in headless Chromium and write it to `target`.

    Returns the preloaded modules that failed to import (they are then left to the standard
    library). Raises `SnapshotUnavailable` where Chromium or Playwright is missing.
    """
    from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS, serve

    if not Path(CHROMIUM).exists():
        raise SnapshotUnavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SnapshotUnavailable("Playwright is not installed") from None
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, path in inputs.files:
            shutil.copyfile(path, folder / name)
        (folder / "make.html").write_text(MAKE_PAGE, encoding="utf-8")
        with serve(folder) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(
                    accept_downloads=True, user_agent=IOS_USER_AGENT if inputs.ios else None
                )
                page.goto(url + ("make.html?ios" if inputs.ios else "make.html"))
                with page.expect_download(timeout=180_000) as download:
                    failed = page.evaluate(
                        "([m, o]) => makeSnapshot(m, o)", [list(inputs.modules), list(inputs.own)]
                    )
                partial = target.with_suffix(".partial")
                target.parent.mkdir(parents=True, exist_ok=True)
                download.value.save_as(partial)
                partial.replace(target)
            finally:
                browser.close()
    return [name for name in failed.split(",") if name]


def ensure_snapshot(
    inputs: SnapshotInputs | None = None, cache: Path = CACHE, package: BrowserPackage | None = None
) -> Path | None:
    """The cached snapshot for `inputs`, made first if missing; None (with one logged line)
    where it cannot be made. Older snapshots in `cache` are removed."""
    inputs = inputs or snapshot_inputs(package)
    target = cache / f"snapshot-{inputs.key}.bin"
    kind = "iOS's memory snapshot" if inputs.ios else "Python's memory snapshot"
    if target.is_file():
        return target
    with cache_lock(cache):
        if target.is_file():  # made meanwhile by another build
            return target
        return _make_cached_snapshot(inputs, target, cache, kind)


def _make_cached_snapshot(
    inputs: SnapshotInputs, target: Path, cache: Path, kind: str
) -> Path | None:
    log.info(
        "Making %s, which Run starts from (about a minute; made again only when the runner, "
        "the timeline or Pyodide changes)",
        kind,
    )
    began = time.perf_counter()
    try:
        failed = make_snapshot(inputs, target)
    except SnapshotUnavailable as exc:
        log.info(
            "Skipped Pyodide's memory snapshot (%s): Run starts Python plainly, about 1.5 s slower",
            exc,
        )
        return None
    log.info("Made the snapshot in %.0f s; cached in %s", time.perf_counter() - began, cache)
    if failed:
        log.info("Snapshot: not preloaded: %s", "; ".join(failed))
    for old in cache.glob("snapshot-*.bin"):
        if old != target and ("-ios-" in old.name) == inputs.ios:
            old.unlink()
    return target


def wanted_snapshots(
    cache: Path = CACHE, package: BrowserPackage | None = None
) -> dict[str, Path | None]:
    """The snapshots for the site build, by their names in runtime.json: `snapshot` and
    `snapshotIos` (`ensure_snapshot()`), unless `ASYNCIO_NOTES_SNAPSHOT=off`."""
    if os.environ.get(SWITCH, "").lower() in {"off", "0", "no"}:
        log.info("Skipped Pyodide's memory snapshot (%s=off): Run starts Python plainly", SWITCH)
        return {"snapshot": None, "snapshotIos": None}
    inputs = snapshot_inputs(package)
    made = ensure_snapshot(inputs, cache)
    if made is None:
        return {"snapshot": None, "snapshotIos": None}
    return {"snapshot": made, "snapshotIos": ensure_snapshot(replace(inputs, ios=True), cache)}
