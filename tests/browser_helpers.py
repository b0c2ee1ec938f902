"""Serving the built site on 127.0.0.1 and launching Debian's Chromium, for the browser tests.

The implementation is shared with the benchmark: `asyncio_notes.serve`.
"""

from asyncio_notes.serve import CHROMIUM, CHROMIUM_ARGS, free_port, serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "serve"]
