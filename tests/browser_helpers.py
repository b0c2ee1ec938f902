"""Serving the built site on 127.0.0.1 and launching Debian's Chromium, for the browser tests."""

from __future__ import annotations

import functools
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    extra_headers: dict[str, str] = {}
    network: threading.Event | None = None

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(site: Path, port: int = 0, *, headers: dict[str, str] | None = None,
          network: threading.Event | None = None) -> Iterator[str]:
    """Serve `site` as a static host would; yields the base URL.

    `headers` are sent with every response. While `network` is given and not set, requests get
    no answer, as if the network were cut.
    """
    handler_class = type("Handler", (_QuietHandler,),
                         {"extra_headers": headers or {}, "network": network})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
