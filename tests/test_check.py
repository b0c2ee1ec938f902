"""`make check NAME=...`: one example's checks, and what it says about a name that is wrong."""

from __future__ import annotations

from asyncio_notes import check
from asyncio_notes.catalogue import find_snippets


def test_a_mistyped_name_gets_the_closest_examples() -> None:
    message = check.unknown_example("10_sync/semafore", find_snippets())
    assert "did you mean 10_synchronization/semaphore?" in message


def test_a_name_unlike_any_says_how_names_look() -> None:
    assert "names look like 03_tasks/create_task" in check.unknown_example("x", find_snippets())


def test_the_pages_that_include_an_example_are_found_in_each_language() -> None:
    assert check.pages_including("03_tasks/create_task") == {"en": ["tasks.md"], "ko": ["tasks.md"]}


def test_an_unknown_example_stops_before_any_test_runs(capsys) -> None:
    assert check.main(["03_tasks/no_such_example"]) == 2
    assert "no example '03_tasks/no_such_example'" in capsys.readouterr().err
