"""The site's own JavaScript, minified in the built site.

The sources in `docs/assets/` keep their comments for contributors; readers get the same modules
without them, a third to a half of the bytes. Each file stays a file of its own at its own
address (no bundling), so the modules still load only where a page needs them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from asyncio_notes.vendor import NODE_MODULES

ESBUILD = NODE_MODULES / ".bin" / "esbuild"
OWN_SCRIPTS = ("runner", "offline", "timeline", "javascripts")
"""Folders below the site's `assets/` that hold the site's own scripts."""


class MinifyError(RuntimeError):
    """esbuild is missing or refused a file; the message names the fix."""


def own_scripts(site_dir: Path) -> list[Path]:
    """Every script of the site's own in a built site."""
    assets = site_dir / "assets"
    return sorted(path for folder in OWN_SCRIPTS for path in (assets / folder).rglob("*.js"))


def minify_scripts(site_dir: Path, esbuild: Path = ESBUILD) -> list[Path]:
    """Minify the site's own scripts in place (one esbuild run); returns the files minified.

    No `--format`: esbuild then renames no top-level name, so a classic script's globals and a
    module's exports keep theirs; and no `--target`: the syntax stays what the source wrote."""
    scripts = own_scripts(site_dir)
    if not scripts:
        return []
    if not esbuild.exists():
        raise MinifyError(f"{esbuild} is missing: run `make setup` (npm ci)")
    assets = site_dir / "assets"
    done = subprocess.run(
        [
            str(esbuild),
            *map(str, scripts),
            "--minify",
            "--charset=utf8",  # Korean strings stay readable text, not \\u escapes
            f"--outbase={assets}",
            f"--outdir={assets}",
            "--allow-overwrite",
            "--log-level=error",
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise MinifyError(f"esbuild could not minify the site's scripts:\n{done.stderr.strip()}")
    return scripts
