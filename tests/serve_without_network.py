"""Checks `make serve` with no network at all; run by test_offline.py inside a network namespace
of its own (`unshare -rn`), where only the loopback device exists.

Starts `make serve` (the setup steps are taken as done: installing needs the network), opens the
Playground in Chromium, runs the example, and prints one JSON line with what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
URL = "http://127.0.0.1:8000/"
SETUP_STAMPS = (".venv/.installed", "node_modules/.installed", "build/vendor/editor.js")
WATCH_POLICY = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));"""
PYODIDE = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
TYPES = {
    "js": "assets/runner/worker.js",
    "mjs": "assets/vendor/pyodide/pyodide.mjs",
    "wasm": f"assets/vendor/pyodide/{PYODIDE}/pyodide.asm.wasm",
}


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main() -> int:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    old = [arg for stamp in SETUP_STAMPS for arg in ("-o", stamp)]
    server = subprocess.Popen(
        ["make", *old, "serve"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    result: dict = {}
    try:
        wait_for(URL, 180)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.add_init_script(WATCH_POLICY)
            page.goto(URL + "playground/")
            block = page.locator("[data-playground] .example")
            block.locator(".cm-content").wait_for()
            block.get_by_role("button", name="Run", exact=True).click()
            panel = block.locator(".run-output")
            page.wait_for_function(
                "el => ['ok', 'error', 'stopped'].includes(el.dataset.state)",
                arg=panel.element_handle(),
                timeout=120_000,
            )
            result["state"] = panel.get_attribute("data-state")
            result["output"] = block.get_by_role("log").text_content()
            result["types"] = {
                kind: page.evaluate(
                    "url => fetch(url).then(r => r.headers.get('content-type'))", URL + path
                )
                for kind, path in TYPES.items()
            }
            result["errors"] = errors
            result["violations"] = page.evaluate("window.__violations")
            browser.close()
    finally:
        server.terminate()
        try:
            _, log = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, log = server.communicate()
        result["server_log"] = log[-3000:]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
