"""The Python that runs in the reader's browser, as one wheel in the site's package list.

The runner (`docs/assets/runner/pyrun.py`), the exercises' judge (`judge.py`) and the live
timeline (`docs/assets/timeline/*.py`) are pure Python that Pyodide imports under the names
`protocol.js` gives them. The build packs them into a wheel (a zip with a `.dist-info`: no build
backend needed) and adds it to the site's `pyodide-lock.json` with pyodide-build's lockfile
tooling (`pyodide lockfile add-wheels`). A worker installs it with its sha256 checked against
that list (`docs/assets/runner/browser-package.js`), and the memory snapshot is made from the
same wheel. The list's name carries a hash too (`pyodide-lock-<hash>.json`, named by
runtime.json), so a reader's browser never pairs a cached list with a newer wheel.

The wheel's name carries a hash of its files and of this module (as its build tag), so a changed
wheel has a new address below the runtime's folder, which hosts may cache for good.
pyodide-build needs Python 3.12 and lives in its own environment (`.venv-pyodide-build`, made by
`make setup`); its `pyodide build`, which cross-compiles packages with C code, is not needed for
pure Python.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from asyncio_notes.build_cache import LOCK_NAME, cache_lock
from asyncio_notes.catalogue import ROOT
from asyncio_notes.protocol import BROWSER_PACKAGE, JUDGE_MODULE, RUNNER_MODULE, TIMELINE_MODULES
from asyncio_notes.vendor import BUILD_DIR, NODE_MODULES

ASSETS = ROOT / "docs" / "assets"
CACHE = BUILD_DIR / "browser-package"
PYODIDE_CLI = ROOT / ".venv-pyodide-build" / "bin" / "pyodide"
VERSION = "1.0"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every file's date in the wheel: the same files make the same bytes, and the same sha256."""


class LockToolMissing(RuntimeError):
    """pyodide-build's command line is not installed."""


@dataclass(frozen=True)
class BrowserPackage:
    """The wheel and the package list that names it, ready to be put into the site."""

    wheel: Path
    lock: Path

    @property
    def lock_name(self) -> str:
        """The package list's name in the site: `pyodide-lock-<hash>.json`."""
        return f"pyodide-lock-{hashlib.sha256(self.lock.read_bytes()).hexdigest()[:12]}.json"

    def install(self, runtime_folder: Path) -> str:
        """Put the wheel and the package list into the site's runtime folder, beside Pyodide's
        own list, in place of older ones; returns the list's name."""
        for old in [
            *runtime_folder.glob(f"{_stem()}-*.whl"),
            *runtime_folder.glob("pyodide-lock-*.json*"),
        ]:
            if old.name not in (self.wheel.name, self.lock_name):
                old.unlink()
        shutil.copyfile(self.wheel, runtime_folder / self.wheel.name)
        shutil.copyfile(self.lock, runtime_folder / self.lock_name)
        return self.lock_name


def module_sources() -> dict[str, Path]:
    """Each module of the package, by the name Python imports it as, and its source file."""
    return {
        RUNNER_MODULE: ASSETS / "runner" / "pyrun.py",
        JUDGE_MODULE: ASSETS / "runner" / "judge.py",
        **{f"timeline_{name}": ASSETS / "timeline" / f"{name}.py" for name in TIMELINE_MODULES},
    }


def _stem() -> str:
    return BROWSER_PACKAGE.replace("-", "_")


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def wheel(sources: dict[str, Path] | None = None) -> tuple[str, bytes]:
    """The wheel of `sources` (`module_sources()`): its file name and its bytes."""
    sources = sources or module_sources()
    files = {f"{module}.py": path.read_bytes() for module, path in sorted(sources.items())}
    # The build tag: a hash of the modules and of the code that packs them (this file).
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name, data in files.items():
        digest.update(name.encode() + b"\0" + data)
    tag = "0" + digest.hexdigest()[:12]
    info = f"{_stem()}-{VERSION}.dist-info"
    files[f"{info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {BROWSER_PACKAGE}\nVersion: {VERSION}\n"
        "Summary: The runner, judge and live timeline of asyncio notes, for Pyodide\n"
    ).encode()
    files[f"{info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: asyncio_notes.browser_package\n"
        f"Root-Is-Purelib: true\nBuild: {tag}\nTag: py3-none-any\n"
    ).encode()
    files[f"{info}/top_level.txt"] = "".join(f"{m}\n" for m in sorted(sources)).encode()
    record = [_record_line(name, data) for name, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return f"{_stem()}-{VERSION}-{tag}-py3-none-any.whl", buffer.getvalue()


def add_to_lock(lock: Path, wheel_path: Path, output: Path, cli: Path = PYODIDE_CLI) -> None:
    """`pyodide lockfile add-wheels`: `lock` with `wheel_path` added, written to `output`."""
    if not cli.exists():
        raise LockToolMissing(
            f"{cli} is missing: run `make setup`, which installs pyodide-build on Python 3.12"
        )
    done = subprocess.run(
        [
            str(cli),
            "lockfile",
            "add-wheels",
            "--input",
            str(lock),
            "--output",
            str(output),
            str(wheel_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pyodide lockfile add-wheels failed:\n{done.stderr or done.stdout}")


def browser_package(
    cache: Path = CACHE,
    lock: Path = NODE_MODULES / "pyodide" / "pyodide-lock.json",
    sources: dict[str, Path] | None = None,
    cli: Path = PYODIDE_CLI,
) -> BrowserPackage:
    """The wheel of the browser's Python and Pyodide's `lock` with it added, made under
    `cache` (again only when a source or the lock changed)."""
    name, data = wheel(sources)
    lock_hash = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    target = cache / name
    with_wheel = cache / f"{target.stem}-{lock_hash}.lock.json"
    with cache_lock(cache):
        if not (target.is_file() and with_wheel.is_file()):
            for old in cache.iterdir():
                if old.name != LOCK_NAME:
                    old.unlink()
            target.write_bytes(data)
            add_to_lock(lock, target, with_wheel, cli)
    return BrowserPackage(target, with_wheel)


def lock_entry(lock: Path) -> dict:
    """The package's entry in a `pyodide-lock.json`."""
    return json.loads(lock.read_text(encoding="utf-8"))["packages"][BROWSER_PACKAGE]
