"""The standard library's core: what a plain start fetches before its first line."""

from __future__ import annotations

import io
import zipfile

import pytest

from asyncio_notes.snapshot import preloaded_modules
from asyncio_notes.stdlib_core import core_files, core_zip
from asyncio_notes.vendor import NODE_MODULES


def test_the_core_zip_holds_the_files_asked_for_uncompressed() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as stdlib:
        for name in ("asyncio/__init__.py", "json/__init__.py", "xml/__init__.py"):
            stdlib.writestr(name, f"# {name}\n" * 20)
    core = zipfile.ZipFile(
        io.BytesIO(core_zip(buffer.getvalue(), ["asyncio/__init__.py", "json/__init__.py"]))
    )
    assert core.namelist() == ["asyncio/__init__.py", "json/__init__.py"]
    assert {info.compress_type for info in core.infolist()} == {zipfile.ZIP_STORED}
    assert core.read("json/__init__.py") == b"# json/__init__.py\n" * 20


@pytest.mark.pyodide
def test_the_core_holds_what_the_snapshot_imports_and_not_the_whole_library() -> None:
    files = core_files(preloaded_modules())
    assert {
        "asyncio/__init__.py",
        "asyncio/tasks.py",
        "json/__init__.py",
        "_pyodide/__init__.py",
    } <= set(files)
    whole = zipfile.ZipFile(NODE_MODULES / "pyodide" / "python_stdlib.zip").namelist()
    assert set(files) <= set(whole) and len(files) < len(whole) / 3
    assert not [name for name in files if name.startswith(("email/", "xml/", "sqlite3/"))]
