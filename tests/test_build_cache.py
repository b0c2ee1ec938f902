"""Builds that run at once take turns at each cache folder under build/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from asyncio_notes.build_cache import LOCK_NAME, cache_lock

TRY_LOCK = """
import fcntl, sys
with open(sys.argv[1], "a+b") as handle:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("held")
    else:
        print("free")
"""


def lock_state(cache: Path) -> str:
    """What another process finds: the cache's lock `held`, or `free`."""
    done = subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(cache / LOCK_NAME)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_another_process_waits_while_one_fills_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "build" / "snapshot"
    with cache_lock(cache):
        assert cache.is_dir()
        assert lock_state(cache) == "held"
    assert lock_state(cache) == "free"
