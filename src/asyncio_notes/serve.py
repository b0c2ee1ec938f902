"""Serving a built site on 127.0.0.1 as a static host would, and Debian's Chromium to look at it.

Used by the browser tests and by the benchmark (`python -m asyncio_notes.bench`). With
`compress=True` the server answers `Accept-Encoding: gzip` as a production host should, so that
transfer sizes can be measured.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".py", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    compress = False
    transfers: list[tuple[str, int]] | None = None
    extra_headers: dict[str, str] = {}
    network: threading.Event | None = None
    _gzip_cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        if self.network is not None and not self.network.is_set():
            self.close_connection = True  # no answer at all, as when the network is down
            return
        super().do_GET()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            if self.transfers is not None and path.is_file():
                self.transfers.append((self.path, path.stat().st_size))
            return super().send_head()
        body = self._gzip_cache.get(path)
        if body is None:
            body = self._gzip_cache[path] = gzip.compress(path.read_bytes(), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if self.transfers is not None:
            self.transfers.append((self.path, len(body)))
        return None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(site: Path, port: int = 0, compress: bool = False,
          transfers: list[tuple[str, int]] | None = None, *,
          headers: dict[str, str] | None = None,
          network: threading.Event | None = None) -> Iterator[str]:
    """Serve `site`; yields the base URL.

    With `transfers`, every response's (path, bytes sent) is appended to it. `headers` are sent
    with every response. While `network` is given and not set, requests get no answer, as if the
    network were cut.
    """
    handler_class = type("Handler", (_Handler,), {
        "compress": compress, "transfers": transfers, "extra_headers": headers or {},
        "network": network})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
