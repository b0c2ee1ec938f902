"""The memory snapshot and how the runtime is served: plain functions, then the browser."""

from __future__ import annotations

import gzip
import http.client
import json
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser, Page, expect

from asyncio_notes import runtime, snapshot
from asyncio_notes.browser_package import browser_package, module_sources
from asyncio_notes.build_cache import LOCK_NAME
from asyncio_notes.offline import offline_groups
from asyncio_notes.serve import accepted_encodings, cache_control, serve
from support.lanes import BACKGROUND, patient
from support.reader import python_start
from support.tabs import ReaderTabs, playground

# ---- plain functions ---------------------------------------------------------------------


@BACKGROUND
def test_imported_modules_reads_every_import_form() -> None:
    sources = [
        "import asyncio, json\nfrom collections import abc\nfrom . import sibling\n"
        "from __future__ import annotations\nimport concurrent.futures as cf\n",
        "this is not python (",
    ]
    assert snapshot.imported_modules(sources) == [
        "asyncio",
        "collections",
        "concurrent.futures",
        "json",
    ]


@BACKGROUND
def test_the_examples_and_the_runner_are_preloaded() -> None:
    modules = snapshot.preloaded_modules()
    assert {"asyncio", "ast", "traceback", "random", "time"} <= set(modules)
    # The live timeline runs on a first run too: what it imports is there before the standard
    # library arrives, and its own modules come with the browser's wheel, not looked for.
    assert {"html", "bisect"} <= set(modules)
    assert not [name for name in modules if name.startswith("timeline_")]


@BACKGROUND
@pytest.mark.slow  # runs pyodide-build's lockfile tooling
def test_the_browser_package_is_an_input_of_the_snapshot() -> None:
    """The snapshot is made from the wheel and the package list the site serves, and imports
    every module of the wheel."""
    package = browser_package()
    inputs = snapshot.snapshot_inputs(package)
    assert ("pyodide-lock.json", package.lock) in inputs.files
    assert (package.wheel.name, package.wheel) in inputs.files
    assert set(inputs.own) == set(module_sources())
    assert {"timeline_live", "timeline_recorder", "timeline_render"} <= set(inputs.own)


def _inputs(
    tmp_path: Path, runner_text: str = "x = 1\n", version: str = "1.2.3"
) -> snapshot.SnapshotInputs:
    wasm = tmp_path / "pyodide.asm.wasm"
    wasm.write_bytes(b"\0asm")
    wheel = tmp_path / "browser.whl"
    wheel.write_text(runner_text)
    files = (("pyodide.asm.wasm", wasm), ("browser.whl", wheel))
    return snapshot.SnapshotInputs(version, files, ("asyncio",))


@BACKGROUND
def test_cache_key_names_the_version_and_changes_with_every_input(tmp_path: Path) -> None:
    key = _inputs(tmp_path).key
    assert key.startswith("1.2.3-") and key == _inputs(tmp_path).key
    assert _inputs(tmp_path, version="1.2.4").key != key
    assert _inputs(tmp_path, runner_text="x = 2\n").key != key
    inputs = _inputs(tmp_path)
    assert snapshot.SnapshotInputs(inputs.version, inputs.files, ("json",)).key != key


@BACKGROUND
def test_a_cached_snapshot_is_not_made_again(tmp_path: Path, monkeypatch) -> None:
    inputs = _inputs(tmp_path)
    made = []

    def make(inputs, target):
        made.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"heap")
        return []

    monkeypatch.setattr(snapshot, "make_snapshot", make)
    cache = tmp_path / "cache"
    (cache).mkdir()
    (cache / "snapshot-old.bin").write_bytes(b"old")
    first = snapshot.ensure_snapshot(inputs, cache)
    assert snapshot.ensure_snapshot(inputs, cache) == first
    assert made == [first] and first.name == f"snapshot-{inputs.key}.bin"
    assert not (cache / "snapshot-old.bin").exists()


@BACKGROUND
def test_without_chromium_the_build_says_what_it_skipped(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    def make(inputs, target):
        raise snapshot.SnapshotUnavailable("/usr/bin/chromium is missing")

    monkeypatch.setattr(snapshot, "make_snapshot", make)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.asyncio_notes"):
        assert snapshot.ensure_snapshot(_inputs(tmp_path), tmp_path / "cache") is None
    making, skipped = caplog.messages  # what it tried, and why it could not
    assert making.startswith("Making Python's memory snapshot")
    assert "Skipped Pyodide's memory snapshot (/usr/bin/chromium is missing)" in skipped


@BACKGROUND
def test_the_switch_turns_the_snapshot_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(snapshot.SWITCH, "off")
    monkeypatch.setattr(snapshot, "ensure_snapshot", lambda *a, **kw: pytest.fail("made"))
    assert snapshot.wanted_snapshots(tmp_path) == {"snapshot": None, "snapshotIos": None}


@BACKGROUND
def test_ios_has_a_snapshot_of_its_own(tmp_path: Path, monkeypatch) -> None:
    """Made under iOS's user agent, named apart, and neither removes the other."""
    made = []

    def make(inputs, target):
        made.append(inputs.ios)
        target.write_bytes(b"heap")
        return []

    monkeypatch.setattr(snapshot, "make_snapshot", make)
    inputs = _inputs(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    plain = snapshot.ensure_snapshot(inputs, cache)
    ios = snapshot.ensure_snapshot(replace(inputs, ios=True), cache)
    assert made == [False, True] and "-ios-" in ios.name and "-ios-" not in plain.name
    assert plain.exists() and ios.exists()


@BACKGROUND
def test_install_runtime_names_the_snapshot_or_none(tmp_path: Path) -> None:
    site = tmp_path / "site"
    folder = site / "assets/vendor/pyodide"
    (folder / "9.9.9").mkdir(parents=True)
    files = {
        "wasm": b"\0asm" + bytes(5000),
        "glue": b"export default 1;" * 50,
        "lock": b'{"packages": {}}' * 40,
    }
    for name, data in files.items():
        (folder / "9.9.9" / runtime.BROTLI_FETCHED[name]).write_bytes(data)
    (folder / "9.9.9/python_stdlib.zip").write_bytes(b"zip" * 7)
    decoder = site / runtime.DECODER
    decoder.parent.mkdir(parents=True)
    decoder.write_bytes(b"\0asm" + bytes(3000))
    heap = tmp_path / "snapshot-9.9.9-abc.bin"
    heap.write_bytes(b"heap" * 10)
    files["snapshot"] = heap.read_bytes()
    core = tmp_path / "stdlib-core-1.zip"
    core.write_bytes(b"core" * 30)
    files["core"] = core.read_bytes()
    manifest = runtime.install_runtime(
        site, heap, "9.9.9", cache=tmp_path / "cache", core=core, modules=["asyncio"]
    )
    assert manifest["core"]["modules"] == ["asyncio"]
    assert json.loads((folder / "runtime.json").read_text()) == manifest
    assert manifest["version"] == "9.9.9"
    assert manifest["stdlib"] == {"url": "9.9.9/python_stdlib.zip", "bytes": 21}
    assert manifest["emptyStdlib"] == "9.9.9/stdlib-empty.zip"
    assert manifest["snapshot"]["url"] == "9.9.9/snapshot-9.9.9-abc.bin.br"
    # Each file the worker decodes: its .br, sizes before and after, the first bytes.
    for name, data in files.items():
        entry = manifest[name]
        body = (folder / entry["url"]).read_bytes()
        assert entry["url"].endswith(".br") and brotli.decompress(body) == data
        assert (entry["size"], entry["bytes"], entry["head"]) == (
            len(data),
            len(body),
            body[:16].hex(),
        )
    # Only the compressed snapshot is served; the decoder's wasm has a gzip copy.
    assert not (folder / "9.9.9/snapshot-9.9.9-abc.bin").exists()
    gz = decoder.with_name(decoder.name + ".gz").read_bytes()
    assert gzip.decompress(gz) == decoder.read_bytes()
    import zipfile

    assert zipfile.ZipFile(folder / "9.9.9/stdlib-empty.zip").namelist() == []
    without = runtime.install_runtime(site, None, "9.9.9", cache=tmp_path / "cache")
    assert without["snapshot"] is None and without["core"] is None
    assert not list((folder / "9.9.9").glob("snapshot-*"))


@BACKGROUND
def test_precompressed_copies_decompress_to_the_file_and_are_cached(tmp_path: Path) -> None:
    path = tmp_path / "pyodide.asm.wasm"
    data = b"\0asm" + bytes(50_000) + os.urandom(100)
    path.write_bytes(data)
    cache = tmp_path / "cache"
    br, gz = runtime.precompress(path, cache)
    assert brotli.decompress(br.read_bytes()) == data
    assert gzip.decompress(gz.read_bytes()) == data
    assert len([p for p in cache.iterdir() if p.name != LOCK_NAME]) == 2
    br.unlink()
    runtime.precompress(path, cache)  # from the cache this time
    assert brotli.decompress(br.read_bytes()) == data
    noise = tmp_path / "noise.bin"
    noise.write_bytes(os.urandom(5000))
    assert runtime.precompress(noise, cache) == []  # no copy that is not smaller


@BACKGROUND
def test_compressing_ahead_fills_the_cache_once(tmp_path: Path, monkeypatch) -> None:
    sources = []
    for n in range(3):
        sources.append(tmp_path / f"file-{n}.wasm")
        sources[-1].write_bytes(bytes(20_000) + os.urandom(100))
    cache = tmp_path / "cache"
    runtime.compress_ahead(sources, [".gz"], cache)
    made = {gzip.decompress(p.read_bytes()) for p in cache.glob("*.gz")}
    assert made == {source.read_bytes() for source in sources}
    monkeypatch.setitem(runtime.COMPRESSORS, ".gz", lambda data: pytest.fail("compressed again"))
    runtime.compress_ahead(sources, [".gz"], cache)  # every copy is in the cache


@BACKGROUND
def test_cache_control_is_immutable_only_for_versioned_runtime_files() -> None:
    assert "immutable" in cache_control("/assets/vendor/pyodide/314.0.7/pyodide.asm.wasm")
    assert "immutable" in cache_control("/assets/vendor/pyodide/314.0.7/snapshot-x.bin?a=1")
    assert cache_control("/assets/vendor/pyodide/pyodide.mjs") == "no-cache"
    assert cache_control("/assets/vendor/pyodide/runtime.json") == "no-cache"
    assert cache_control("/coroutines/") == "no-cache"


@BACKGROUND
def test_accepted_encodings() -> None:
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_encodings("") == set()


def _get(url: str, path: str, encoding: str) -> tuple[http.client.HTTPResponse, bytes]:
    host, port = url.removeprefix("http://").strip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", path, headers={"Accept-Encoding": encoding})
    response = connection.getresponse()
    return response, response.read()


@BACKGROUND
def test_the_server_sends_precompressed_copies_as_a_good_host_would(tmp_path: Path) -> None:
    folder = tmp_path / "assets/vendor/pyodide/1.0.0"
    folder.mkdir(parents=True)
    data = b"wasm" * 10_000
    (folder / "pyodide.asm.wasm").write_bytes(data)
    runtime.precompress(folder / "pyodide.asm.wasm", tmp_path / "cache")
    transfers: list[tuple[str, int]] = []
    with serve(tmp_path, host="tuned", transfers=transfers) as url:
        path = "/assets/vendor/pyodide/1.0.0/pyodide.asm.wasm"
        response, body = _get(url, path, "gzip, br")
        assert response.getheader("Content-Encoding") == "br"
        assert response.getheader("Content-Type") == "application/wasm"
        assert "immutable" in response.getheader("Cache-Control")
        assert brotli.decompress(body) == data
        response, body = _get(url, path, "gzip")
        assert response.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == data
        response, body = _get(url, path, "identity")
        assert response.getheader("Content-Encoding") is None and body == data
    assert [size for _, size in transfers][-1] == len(data)


@BACKGROUND
def test_the_server_answers_after_what_holds_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    asked: list[str] = []
    with serve(tmp_path, hold=asked.append) as url:
        response, body = _get(url, "/a.txt", "identity")
    assert (response.status, body, asked) == (200, b"a", ["/a.txt"])


@BACKGROUND
@pytest.mark.parametrize("host, page", [("github-pages", True), ("none", False)])
def test_a_missing_address_gets_the_sites_404_page_where_hosts_send_it(
    tmp_path: Path, host: str, page: bool
) -> None:
    (tmp_path / "404.html").write_text("<h1>404: page not found</h1>")
    with serve(tmp_path, host=host) as url:
        response, body = _get(url, "/no/such/page/", "identity")
    assert response.status == 404
    assert (b"404: page not found" in body) is page


@BACKGROUND
def test_precompressed_copies_are_not_kept_offline(tmp_path: Path) -> None:
    folder = tmp_path / "assets/vendor/pyodide/1.0.0"
    folder.mkdir(parents=True)
    for name in ("pyodide.asm.mjs", "pyodide.asm.mjs.br", "pyodide.asm.mjs.gz"):
        (folder / name).write_bytes(b"x")
    assert offline_groups(tmp_path)["python"] == ["assets/vendor/pyodide/1.0.0/pyodide.asm.mjs"]


@BACKGROUND
def test_files_the_worker_decodes_are_kept_offline_compressed_only(tmp_path: Path) -> None:
    folder = tmp_path / "assets/vendor/pyodide"
    (folder / "1.0.0").mkdir(parents=True)
    for name in (
        "pyodide.asm.wasm",
        "pyodide.asm.wasm.br",
        "pyodide.asm.wasm.gz",
        "snapshot-1.bin.br",
    ):
        (folder / "1.0.0" / name).write_bytes(b"x")
    (folder / "runtime.json").write_text(
        json.dumps(
            {
                "version": "1.0.0",
                "wasm": {"url": "1.0.0/pyodide.asm.wasm.br"},
                "snapshot": {"url": "1.0.0/snapshot-1.bin.br"},
                "stdlib": {"url": "1.0.0/x.zip"},
            }
        )
    )
    groups = offline_groups(tmp_path)
    assert sorted(groups["python"]) == [
        "assets/vendor/pyodide/1.0.0/pyodide.asm.wasm.br",
        "assets/vendor/pyodide/runtime.json",
    ]
    assert groups["snapshot"] == ["assets/vendor/pyodide/1.0.0/snapshot-1.bin.br"]


# ---- in the browser ------------------------------------------------------------------------

SNAPSHOT_ON = "?snapshot=on"
"""The switch that starts from the snapshot without measuring the link: these tests are about
what a snapshot start does, and a starved CPU's slow clock would otherwise choose a plain start
for them (the choice itself is tests/test_field.py's)."""

PROGRAM = (
    "import asyncio\nimport fractions\nfrom pyodide.ffi import can_run_sync\n\n"
    "async def main():\n    await asyncio.sleep(0.05)\n"
    "    print('stack switching:', can_run_sync(), fractions.Fraction(1, 3))\n\n"
    "if __name__ == '__main__':\n    asyncio.run(main())\n"
)
"""`asyncio.run` blocks on the loop (needs JSPI), and `fractions` is not in the snapshot."""


@BACKGROUND
@pytest.mark.browser
def test_python_starts_from_the_snapshot_and_asyncio_run_works(page: Page, site_url: str) -> None:
    from support.reader import playground_with, run

    block = playground_with(page, site_url, PROGRAM, query=SNAPSHOT_ON)
    run(block)
    assert block.get_by_role("log").text_content() == "stack switching: True 1/3\n"
    start = python_start(page)
    assert start["how"] == "snapshot", start
    # Stop ends the worker; the fresh one starts from the snapshot too.
    from support.reader import set_editor_text

    set_editor_text(page, block, "import asyncio\nasyncio.run(asyncio.sleep(60))\n")
    block.get_by_role("button", name="Run", exact=True).click()
    expect(block.locator(".run-output")).to_have_attribute(
        "data-state", "running", timeout=patient(30_000)
    )
    block.get_by_role("button", name="Stop", exact=True).click()
    set_editor_text(page, block, "import json\nprint(json.dumps([1]))\n")
    run(block)
    assert block.get_by_role("log").text_content() == "[1]\n"
    assert python_start(page)["how"] == "snapshot"


@BACKGROUND
@pytest.mark.browser
def test_the_snapshot_holds_the_live_timeline_imported_and_frozen(
    page: Page, site_url: str
) -> None:
    from support.reader import playground_with, run

    # No asyncio here, so this run loads no timeline: only the snapshot can have imported it.
    # Frozen when the snapshot was made, its objects are out of a full collection's way.
    code = (
        "import gc\nimport sys\n\n"
        "print(sorted(m for m in sys.modules if m.startswith('timeline_')))\n"
        "print(gc.get_freeze_count() > 10 * len(gc.get_objects()))\n"
    )
    block = playground_with(page, site_url, code, query=SNAPSHOT_ON)
    run(block)
    assert python_start(page)["how"] == "snapshot"
    assert block.get_by_role("log").text_content() == (
        "['timeline_live', 'timeline_recorder', 'timeline_render']\nTrue\n"
    )


NO_JSPI = {
    PROGRAM: "stack switching: False 1/3\n",
    "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.05)\n    return 'done'\n\n"
    "loop = asyncio.new_event_loop()\nprint(loop.run_until_complete(main()))\n": "done\n",
    "import asyncio\n\nasync def f(i):\n    await asyncio.sleep(0.01 * i)\n    return i\n\n"
    "async def main():\n    print(await asyncio.gather(*(f(i) for i in range(4))))\n\n"
    "asyncio.run(main())\n": "[0, 1, 2, 3]\n",
}


WITHOUT_JSPI = "?jspi=off&snapshot=on"
"""A browser without stack switching, starting from the snapshot: the tests share its tab."""


@BACKGROUND
@pytest.mark.browser
@pytest.mark.parametrize("code", NO_JSPI, ids=["asyncio.run", "run_until_complete", "gather"])
def test_without_stack_switching_the_snapshot_runs_as_a_plain_load(
    reader_tabs: ReaderTabs, site_url: str, code: str
) -> None:
    from support.reader import run

    with playground(reader_tabs, site_url, code, WITHOUT_JSPI) as block:
        run(block)
        assert block.get_by_role("log").text_content() == NO_JSPI[code]
        assert python_start(block.page)["how"] == "snapshot"


@BACKGROUND
@pytest.mark.browser
def test_without_stack_switching_input_is_explained(reader_tabs: ReaderTabs, site_url: str) -> None:
    from support.reader import run

    with playground(reader_tabs, site_url, "name = input()\n", WITHOUT_JSPI) as block:
        run(block)
        assert "lacks WebAssembly stack switching" in block.get_by_role("log").text_content()
        assert python_start(block.page)["how"] == "snapshot"


@BACKGROUND
@pytest.mark.browser
def test_a_first_run_may_import_what_a_preloaded_module_loads_on_first_use(
    page: Page, site_url: str
) -> None:
    # concurrent.futures is in the snapshot, its ThreadPoolExecutor is imported on first use from
    # the standard library, which the worker has not installed yet on a first run.
    from support.reader import playground_with, run

    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from collections import abc\nprint(ThreadPoolExecutor.__name__, abc.__name__)\n"
    )
    block = playground_with(page, site_url, code, query=SNAPSHOT_ON)
    run(block)
    assert block.get_by_role("log").text_content() == "ThreadPoolExecutor collections.abc\n"
    assert python_start(page)["how"] == "snapshot"


@BACKGROUND
@pytest.mark.browser
def test_a_standard_library_that_cannot_be_fetched_is_not_a_crash(
    page: Page, site_url: str
) -> None:
    # `colorsys` is not in the snapshot: the run waits for the full standard library first.
    from support.reader import playground_with, run

    page.route("**/python_stdlib.zip", lambda route: route.abort())
    block = playground_with(
        page, site_url, "import colorsys\nprint(colorsys.rgb_to_hsv(1, 0, 0))\n", SNAPSHOT_ON
    )
    panel = block.locator(".run-output")
    block.get_by_role("button", name="Run", exact=True).click()
    expect(panel).to_have_attribute("data-state", "error", timeout=patient(60_000))
    expect(panel.get_by_role("status")).to_have_text(
        "Could not fetch the rest of Python's standard library"
    )
    expect(panel.locator(".run-output__hint")).to_contain_text("has not fetched yet")
    assert python_start(page)["how"] == "snapshot"
    page.unroute("**/python_stdlib.zip")
    run(block)  # the same Python, once the network is back
    assert block.get_by_role("log").text_content() == "(0.0, 1.0, 1)\n"


@BACKGROUND
@pytest.mark.browser
def test_snapshot_off_loads_plainly(page: Page, site_url: str) -> None:
    from support.reader import playground_with, run

    block = playground_with(page, site_url, "print('hi')\n", query="?snapshot=off")
    run(block)
    assert block.get_by_role("log").text_content() == "hi\n"
    start = python_start(page)
    assert (start["how"], start["reason"]) == ("plain", "snapshot=off")


BROKEN = {
    "missing": ("snapshot", lambda data: None),
    "damaged": ("snapshot", lambda data: data[:16] + os.urandom(len(data) - 16)),
    "truncated": ("snapshot", lambda data: data[: len(data) // 2]),
    "not brotli": ("snapshot", lambda data: os.urandom(len(data))),
    "wasm truncated": ("wasm", lambda data: data[: len(data) // 2]),
}
"""Downloads gone wrong: (the runtime.json entry, what the host sends instead of the file)."""


@pytest.fixture(scope="module")
def broken_sites(built_site: Path, tmp_path_factory) -> Iterator[dict[str, str]]:
    """Copies of the built site (hard links) whose snapshot or wasm is missing or damaged."""
    sites = {}
    manifest = json.loads((built_site / "assets/vendor/pyodide/runtime.json").read_text())
    if not manifest["snapshot"]:
        pytest.fail("the site was built without a snapshot", pytrace=False)
    for name, (entry, spoil) in BROKEN.items():
        site = tmp_path_factory.mktemp(name.replace(" ", "-"))
        shutil.copytree(built_site, site, dirs_exist_ok=True, copy_function=os.link)
        target = site / "assets/vendor/pyodide" / manifest[entry]["url"]
        data = target.read_bytes()
        target.unlink()  # a hard link: the built site keeps its own
        spoiled = spoil(data)
        if spoiled is not None:
            target.write_bytes(spoiled)
        sites[name] = site
    from contextlib import ExitStack

    with ExitStack() as stack:
        yield {name: stack.enter_context(serve(site)) for name, site in sites.items()}


@BACKGROUND
@pytest.mark.browser
@pytest.mark.parametrize("broken", list(BROKEN))
def test_a_bad_download_falls_back_to_a_plain_load(
    browser: Browser, broken_sites: dict, broken: str
) -> None:
    from support.reader import playground_with, run

    context = browser.new_context()
    page = context.new_page()
    block = playground_with(page, broken_sites[broken], PROGRAM, query=SNAPSHOT_ON)
    run(block)
    assert block.get_by_role("log").text_content() == "stack switching: True 1/3\n"
    start = python_start(page)
    assert (start["how"], start["why"]) == ("plain", "failed"), start
    # The reason names the file and what was wrong with it.
    name = "pyodide.asm.wasm.br" if broken.startswith("wasm") else "snapshot-"
    assert start["reason"].startswith("snapshot failed") and name in start["reason"], start
    words = {
        "missing": ["HTTP 404"],
        "damaged": ["damaged", "incomplete"],
        "truncated": ["incomplete"],
        "not brotli": ["incomplete"],
        "wasm truncated": ["incomplete"],
    }[broken]
    assert any(word in start["reason"] for word in words), start
    context.close()
