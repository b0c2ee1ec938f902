"""Browser assets that come from pinned npm packages and are copied into the built site.

Nothing here is committed: `npm ci` fetches the pinned packages, `npm run build` makes the editor
bundle, and the site build copies what the pages load into `site/assets/vendor/`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from asyncio_notes.catalogue import ROOT

NODE_MODULES = ROOT / "node_modules"
BUILD_DIR = ROOT / "build"
SITE_VENDOR = Path("assets") / "vendor"
"""Where vendor files land below the site root."""

PYODIDE_LOADER = ("pyodide.mjs",)
"""Pyodide's loader, at `assets/vendor/pyodide/`: its address stays the same across versions
(the worker imports it), so hosts revalidate it; it exports the version that names the rest."""
PYODIDE_FILES = (
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
"""What a worker needs to start Pyodide with the standard library and no extra packages, at
`assets/vendor/pyodide/<version>/`: a new version has new addresses, so hosts may cache these
for a year (`Cache-Control: immutable`)."""


@dataclass(frozen=True)
class VendorTree:
    """A set of files copied from `source` to `assets/vendor/<target>` in the site."""

    source: Path
    target: str
    patterns: tuple[str, ...]

    def files(self) -> list[Path]:
        """The files to copy; raises `FileNotFoundError` naming the setup step that is missing."""
        if not self.source.is_dir():
            raise FileNotFoundError(
                f"{self.source} is missing: run `make setup` (npm ci and npm run build)"
            )
        return sorted(
            {p for pattern in self.patterns for p in self.source.glob(pattern) if p.is_file()}
        )


def vendor_trees(node_modules: Path = NODE_MODULES) -> tuple[VendorTree, ...]:
    """Every vendor tree, the Pyodide runtime below a folder named by its pinned version."""
    try:
        version = pyodide_versions(node_modules)["pyodide"]
    except FileNotFoundError:
        version = "missing"  # files() then says which setup step is missing
    pyodide = node_modules / "pyodide"
    return (
        VendorTree(pyodide, "pyodide", PYODIDE_LOADER),
        VendorTree(pyodide, f"pyodide/{version}", PYODIDE_FILES),
        VendorTree(BUILD_DIR / "vendor", "", ("*.js",)),
        # The worker's brotli decoder (download.js): the runtime's largest files reach the
        # reader brotli-compressed whatever the host does.
        VendorTree(
            node_modules / "brotli-dec-wasm" / "pkg",
            "brotli",
            ("brotli_dec_wasm.js", "brotli_dec_wasm_bg.wasm"),
        ),
        VendorTree(node_modules / "mermaid" / "dist", "mermaid", ("mermaid.esm.min.mjs",)),
        VendorTree(
            node_modules / "mermaid" / "dist" / "chunks" / "mermaid.esm.min",
            "mermaid/chunks/mermaid.esm.min",
            ("*.mjs",),
        ),
    )


def pyodide_versions(node_modules: Path = NODE_MODULES) -> dict[str, str]:
    """The pinned Pyodide version and the Python version it runs, read from the npm package."""
    package = json.loads((node_modules / "pyodide" / "package.json").read_text())
    lock = json.loads((node_modules / "pyodide" / "pyodide-lock.json").read_text())
    return {"pyodide": package["version"], "python": lock["info"]["python"]}


def copy_vendor(site_dir: Path, trees: tuple[VendorTree, ...] | None = None) -> int:
    """Copy every vendor file into `site_dir`; files already there with the same size are kept.

    Returns the number of files copied.
    """
    copied = 0
    for tree in trees or vendor_trees():
        for path in tree.files():
            target = site_dir / SITE_VENDOR / tree.target / path.name
            if target.exists() and target.stat().st_size == path.stat().st_size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            copied += 1
    return copied
