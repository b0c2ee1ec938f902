"""The browser's Python as a wheel in the site's package list (asyncio_notes.browser_package)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from asyncio_notes import browser_package as bp
from asyncio_notes.protocol import BROWSER_PACKAGE, JUDGE_MODULE, RUNNER_MODULE


def test_the_wheel_holds_every_module_under_its_browser_name(tmp_path: Path) -> None:
    name, data = bp.wheel()
    assert name.startswith("asyncio_notes_browser-1.0-0") and name.endswith("-py3-none-any.whl")
    path = tmp_path / name
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        record = archive.read("asyncio_notes_browser-1.0.dist-info/RECORD").decode()
    modules = {f"{module}.py" for module in bp.module_sources()}
    assert {f"{RUNNER_MODULE}.py", f"{JUDGE_MODULE}.py", "timeline_live.py"} <= modules <= names
    assert all(f"{module}," in record for module in modules)


def test_the_same_files_make_the_same_wheel_and_a_change_a_new_name(tmp_path: Path) -> None:
    first = bp.wheel()
    assert bp.wheel() == first
    changed = tmp_path / "pyrun.py"
    changed.write_text("x = 1\n")
    sources = {**bp.module_sources(), RUNNER_MODULE: changed}
    assert bp.wheel(sources)[0] != first[0]


@pytest.mark.slow
def test_pyodide_build_adds_the_wheel_with_its_sha256(tmp_path: Path) -> None:
    package = bp.browser_package(cache=tmp_path / "cache")
    entry = bp.lock_entry(package.lock)
    assert entry["file_name"] == package.wheel.name
    assert entry["sha256"] == hashlib.sha256(package.wheel.read_bytes()).hexdigest()
    assert set(entry["imports"]) == set(bp.module_sources())
    # Pyodide's own packages are all still there.
    original = json.loads(bp.NODE_MODULES.joinpath("pyodide/pyodide-lock.json").read_text())
    added = json.loads(package.lock.read_text())["packages"]
    assert set(added) == set(original["packages"]) | {BROWSER_PACKAGE}
    # Made again only when something changed: without pyodide-build, the cached one is used.
    assert bp.browser_package(cache=tmp_path / "cache", cli=tmp_path / "absent") == package


def test_without_pyodide_build_the_build_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(bp.LockToolMissing, match="make setup"):
        bp.browser_package(cache=tmp_path, cli=tmp_path / "no-pyodide")
