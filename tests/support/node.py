"""The Node programs of tests/pyodide/, several at once: each starts the pinned Pyodide (seconds
of work) and then mostly waits while the Python programs it runs sleep."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from asyncio_notes.catalogue import ROOT

AT_ONCE = 3
"""Node programs side by side on two CPUs: their starts overlap the others' waiting."""


def run_node(
    script: str, argument_lists: Sequence[Sequence[str]], timeout: float = 600
) -> list[str]:
    """`node script *arguments` for each of `argument_lists`, AT_ONCE at a time: what each
    printed, in the same order. Fails the test with the errors of the first that failed."""

    def run(arguments: Sequence[str]) -> subprocess.CompletedProcess:
        command = ["node", script, *arguments]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)

    with ThreadPoolExecutor(AT_ONCE) as pool:
        done = list(pool.map(run, argument_lists))
    for finished in done:
        assert finished.returncode == 0, f"{' '.join(finished.args)}:\n{finished.stderr}"
    return [finished.stdout for finished in done]


def shares(items: Sequence, count: int = AT_ONCE) -> list[list]:
    """`items` dealt into `count` lists (fewer if there are fewer items), each keeping its order."""
    return [list(items[start::count]) for start in range(min(count, len(items)))]
