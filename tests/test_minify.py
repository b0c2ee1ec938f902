"""The site's own scripts reach readers minified, and still work as the sources do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from asyncio_notes.minify import MinifyError, minify_scripts, own_scripts

MODULE = """// Why this module exists: a comment readers need not download.
import { greet } from "./strings.js";

/** The label a button shows while a long-named local variable holds it. */
export function buttonLabel(language) {
  const chosenLanguageForTheLabel = language === "ko" ? "실행" : "Run";
  return greet(chosenLanguageForTheLabel);
}
"""
STRINGS = "export const greet = (word) => `[${word}]`;  // a comment\n"
CLASSIC = """// A classic script: its top-level function is a global another script calls.
function storageWorks() {
  return typeof localStorage !== "undefined";
}
"""


def write_site(site: Path) -> None:
    (site / "assets" / "runner").mkdir(parents=True)
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "vendor").mkdir(parents=True)
    (site / "assets" / "runner" / "label.js").write_text(MODULE, encoding="utf-8")
    (site / "assets" / "runner" / "strings.js").write_text(STRINGS, encoding="utf-8")
    (site / "assets" / "javascripts" / "guard.js").write_text(CLASSIC, encoding="utf-8")
    (site / "assets" / "vendor" / "editor.js").write_text("// not ours\nexport {};\n")


def test_own_scripts_are_minified_in_place_and_keep_their_names(tmp_path: Path) -> None:
    write_site(tmp_path)
    assert {p.name for p in own_scripts(tmp_path)} == {"label.js", "strings.js", "guard.js"}
    minify_scripts(tmp_path)

    label = (tmp_path / "assets" / "runner" / "label.js").read_text(encoding="utf-8")
    assert len(label) < len(MODULE) / 2
    assert "comment" not in label and "chosenLanguageForTheLabel" not in label
    assert "실행" in label  # Korean stays text
    assert (tmp_path / "assets" / "vendor" / "editor.js").read_text().startswith("// not ours")
    classic = (tmp_path / "assets" / "javascripts" / "guard.js").read_text(encoding="utf-8")
    assert "function storageWorks(" in classic  # a global keeps its name

    # The minified modules still import each other and behave as the sources did.
    check = (
        "import('./assets/runner/label.js').then(m => console.log(m.buttonLabel('ko'), "
        "m.buttonLabel('en')))"
    )
    done = subprocess.run(
        ["node", "--input-type=module", "-e", check],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "[실행] [Run]\n"


def test_a_script_esbuild_cannot_read_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    write_site(tmp_path)
    (tmp_path / "assets" / "runner" / "broken.js").write_text("export function (\n")
    with pytest.raises(MinifyError, match="broken.js"):
        minify_scripts(tmp_path)


def test_without_esbuild_the_build_names_the_setup_step(tmp_path: Path) -> None:
    write_site(tmp_path)
    with pytest.raises(MinifyError, match="make setup"):
        minify_scripts(tmp_path, esbuild=tmp_path / "no-esbuild")
