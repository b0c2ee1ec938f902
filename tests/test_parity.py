"""The structure two versions of a page must share, and how a difference is reported."""

from __future__ import annotations

from asyncio_notes.parity import admonitions, sequence_difference

ENGLISH = """# Tasks

!!! note
    A note.

````markdown
!!! tip "Not an admonition: an example of the syntax"
````

??? warning "Collapsed"
    Careful.
"""


def test_admonitions_are_counted_by_kind_outside_code() -> None:
    assert admonitions(ENGLISH) == ["note", "warning"]
    assert admonitions('    !!! tip "팁"\n        Nested.\n') == ["tip"]


def test_sequence_difference_says_where() -> None:
    assert sequence_difference(["a", "b"], ["a", "b"]) is None
    assert sequence_difference(["a", "b", "c"], ["a", "x", "c"]) == (
        "item 2: the source has 'b', the translation has 'x'"
    )
    assert sequence_difference(["a", "b"], ["a"]) == "the source has 1 more at the end: ['b']"
    assert sequence_difference([], ["z"]) == "the translation has 1 more at the end: ['z']"
