"""Comparing outputs: exact, except for printed durations within timer slack."""

import pytest

from asyncio_notes.outputs import same_output


@pytest.mark.parametrize(
    "recorded, actual, same",
    [
        ("hello\ntook 1.0 s\n", "hello\ntook 1.0 s\n", True),
        ("hello\ntook 1.0 s\n", "hello\ntook 1.3 s\n", True),  # a busy machine
        ("took 1.0 s\n", "took 1.5 s\n", False),  # sequential is not concurrent
        ("took 0.3 s\n", "took 1.5 s\n", False),
        ("a\nb\n", "b\na\n", False),  # order matters
        ("a\n", "a", False),
        ("step 1.0 done\n", "step 1.2 done\n", False),  # only durations may vary
        ("x 0.5s y 1.0 s\n", "x 0.5s y 1.1 s\n", True),
    ],
)
def test_same_output(recorded: str, actual: str, same: bool) -> None:
    assert same_output(recorded, actual) is same
