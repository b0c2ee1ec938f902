"""One process at a time fills a cache folder under `build/`.

Two builds can run at once: `make serve` beside `make test`, or the test workers, each building
its own site. Without a lock both would make the same memory snapshot (a minute each), or one
would read a file the other is still writing."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"
"""The lock file in each cache folder (left there; cleaning a cache leaves it alone)."""


@contextmanager
def cache_lock(cache: Path) -> Iterator[None]:
    """Hold `cache`'s lock (waiting for another process that holds it), creating the folder."""
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
