"""Serving a built site on 127.0.0.1 as a static host would, and Debian's Chromium to look at it.

Used by the browser tests and by the benchmark (`python -m asyncio_notes.bench`). The server
behaves as one of three hosts (`HOSTS`), so that transfer sizes can be measured as readers meet
them:

- `tuned`: as a production host configured for the site should: a precompressed copy the build
  wrote beside a file (`x.br`, `x.gz`, `asyncio_notes.runtime`) when the browser accepts its
  encoding, else gzip made on the fly for text; a year's `immutable` caching for the runtime
  files below a folder named by the Pyodide version, else revalidate each time
  (`cache_control`);
- `github-pages`: as GitHub Pages serves an MkDocs site (measured, see the contributor guide's
  "Publishing"): gzip on the fly for text types and `.wasm` only, never a precompressed copy,
  `max-age=600` for everything;
- `none`: no compression at all, as `python -m http.server` (the tests' default), with the
  tuned host's caching.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium; `CHROMIUM=/path` names another build (a GitHub runner's Google Chrome)."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".py", ".txt")
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))
"""Encodings of the copies the build writes, best first."""
VERSIONED = re.compile(r"/assets/vendor/pyodide/\d+\.\d+\.\d+[^/]*/")
"""Runtime files whose address changes with every Pyodide version (and snapshot hash)."""
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Host:
    """How a static host answers: which copies and encodings, and how long to cache."""

    precompressed: bool
    """Sends the build's `x.br` / `x.gz` for `x` with `Content-Encoding`."""
    gzip: tuple[str, ...]
    """Suffixes gzipped on the fly."""
    github_cache: bool = False
    """`max-age=600` for every file, as GitHub Pages sends, instead of `cache_control`."""
    br_files_encoded: bool = False
    """Sends a `.br` file asked for by name with `Content-Encoding: br`, as a server set up
    with `AddEncoding br .br` does: the browser then decodes it before the page sees it."""
    not_found_page: bool = True
    """Answers a missing address with the site's `404.html` (and status 404), as GitHub Pages,
    Netlify and Cloudflare Pages do; `python -m http.server` sends its own error page."""


HOSTS = {
    "tuned": Host(precompressed=True, gzip=COMPRESSIBLE),
    "github-pages": Host(
        precompressed=False,
        gzip=(".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm"),
        github_cache=True,
    ),
    "none": Host(precompressed=False, gzip=(), not_found_page=False),
    "encodes-br": Host(precompressed=True, gzip=COMPRESSIBLE, br_files_encoded=True),
}


def cache_control(url_path: str) -> str:
    """The `Cache-Control` a host should send for `url_path`."""
    return IMMUTABLE if VERSIONED.search(url_path.split("?")[0]) else "no-cache"


def accepted_encodings(header: str) -> set[str]:
    """The encodings an `Accept-Encoding` header accepts (`q=0` refuses)."""
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if name and params.replace(" ", "") not in {"q=0", "q=0.0"}:
            accepted.add(name.strip().lower())
    return accepted


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    host = HOSTS["none"]
    transfers: list[tuple[str, int]] | None = None
    extra_headers: dict[str, str] = {}
    network: threading.Event | None = None
    hold: Callable[[str], None] | None = None
    _gzip_cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header(
            "Cache-Control", "max-age=600" if self.host.github_cache else cache_control(self.path)
        )
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        if self.hold is not None:
            self.hold(self.path)
        if self.network is not None and not self.network.is_set():
            self.close_connection = True  # no answer at all, as when the network is down
            return
        super().do_GET()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        not_found = Path(self.directory) / "404.html"
        if self.host.not_found_page and not path.exists() and not_found.is_file():
            return self._send_body(not_found.read_bytes(), "text/html; charset=utf-8", status=404)
        if (
            self.host.br_files_encoded
            and path.suffix == ".br"
            and "br" in accepted
            and path.is_file()
        ):
            return self._send_encoded(path.with_suffix(""), path.read_bytes(), "br")
        if self.host.precompressed and path.is_file():
            for encoding, suffix in PRECOMPRESSED:
                copy = path.with_name(path.name + suffix)
                if encoding in accepted and copy.is_file():
                    return self._send_encoded(path, copy.read_bytes(), encoding)
        if not ("gzip" in accepted and path.is_file() and path.suffix in self.host.gzip):
            answer = super().send_head()  # None for "304 Not Modified": no body sent
            if self.transfers is not None and answer is not None and path.is_file():
                self.transfers.append((self.path, path.stat().st_size))
            return answer
        body = self._gzip_cache.get(path)
        if body is None:
            body = self._gzip_cache[path] = gzip.compress(path.read_bytes(), compresslevel=9)
        return self._send_encoded(path, body, "gzip")

    def _send_encoded(self, path: Path, body: bytes, encoding: str) -> None:
        if self.transfers is not None:  # before the body: once it is read, the next may come
            self.transfers.append((self.path, len(body)))
        self._send_body(
            body,
            self.guess_type(str(path)),
            headers={"Content-Encoding": encoding, "Vary": "Accept-Encoding"},
        )

    def _send_body(
        self, body: bytes, content_type: str, status: int = 200, headers: dict | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closed mid-answer
            super().handle_error(request, client_address)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(
    site: Path,
    port: int = 0,
    host: str = "none",
    transfers: list[tuple[str, int]] | None = None,
    *,
    headers: dict[str, str] | None = None,
    network: threading.Event | None = None,
    hold: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Serve `site` as `host` would (`HOSTS`); yields the base URL.

    With `transfers`, every response's (path, bytes sent) is appended to it. `headers` are sent
    with every response. While `network` is given and not set, requests get no answer, as if the
    network were cut. `hold` is called with each request's path before it is answered, and may
    wait: an answer as slow as a test wants it.
    """
    handler_class = type(
        "Handler",
        (_Handler,),
        {
            "host": HOSTS[host],
            "transfers": transfers,
            "extra_headers": headers or {},
            "network": network,
            "hold": staticmethod(hold) if hold else None,
        },
    )
    handler = functools.partial(handler_class, directory=str(site))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
