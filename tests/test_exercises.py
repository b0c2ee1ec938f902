"""The exercises under CPython: every solution passes its checks, every starter fails them with
the message its checks promise, in both languages; every exercise is on a page in both."""

from __future__ import annotations

import json

import pytest
from pytest_examples import EvalExample

from asyncio_notes.exercises import (
    FILES,
    Exercise,
    find_exercises,
    judge_with_cpython,
    verdicts_with_cpython,
)
from asyncio_notes.practice import practice_blocks
from asyncio_notes.timeline import live_labels_json
from conftest import DOCS
from support.files import WholeProgram
from support.node import run_node, shares

EXERCISES = find_exercises()
TOPIC_SECTIONS = ("Basics", "In practice", "Going further")
"""The nav sections of topic pages: each of their pages has an exercise."""


def topic_pages() -> list[str]:
    """The pages listed under TOPIC_SECTIONS in mkdocs.yml's nav."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["nav"]
    return [
        page
        for entry in nav
        if isinstance(entry, dict)
        for section, pages in entry.items()
        if section in TOPIC_SECTIONS
        for page in pages
    ]


def exercises_on(language: str, page: str) -> list[str]:
    source = (DOCS / language / page).read_text(encoding="utf-8")
    return [b.name for b in practice_blocks(source) if b.kind == "exercise"]


def test_there_are_exercises_on_every_topic_page() -> None:
    pages = topic_pages()
    assert len(pages) >= 15, pages
    without = [page for page in pages if not exercises_on("en", page)]
    assert not without, f"topic pages without an exercise: {without}"
    assert len(EXERCISES) >= 20


def test_each_exercise_is_on_one_page_in_both_languages() -> None:
    placed = {
        language: [name for page in topic_pages() for name in exercises_on(language, page)]
        for language in ("en", "ko")
    }
    for page in topic_pages():
        assert exercises_on("en", page) == exercises_on("ko", page), page
    assert sorted(placed["en"]) == sorted(e.name for e in EXERCISES)


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_the_solution_passes(exercise: Exercise) -> None:
    verdict = judge_with_cpython(exercise, exercise.source("solution"))
    assert verdict["passed"], verdict


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_the_starter_fails_with_its_message_in_both_languages(exercise: Exercise) -> None:
    assert exercise.starter_fails_with, f"{exercise}: check.py sets no STARTER_FAILS_WITH"
    verdicts = verdicts_with_cpython(exercise, exercise.source("starter"))
    en, ko = verdicts["en"], verdicts["ko"]
    assert en["reason"] == "check", f"the starter must run and fail the checks: {en}"
    assert exercise.starter_fails_with in en["message"], en["message"]
    assert ko["message"] and ko["message"] != en["message"], ko


@pytest.fixture(scope="module")
def pyodide_verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Every starter and solution judged under Pyodide: a few Node programs, each starting Pyodide
    once and judging its share."""
    labels = tmp_path_factory.mktemp("labels") / "labels.json"
    labels.write_text(live_labels_json(), encoding="utf-8")
    judged = [
        (str(exercise.path("check")), str(exercise.path(which)))
        for exercise in EXERCISES
        for which in ("starter", "solution")
    ]
    printed = run_node(
        "tests/pyodide/judge_exercises.mjs",
        [[str(labels), *(path for pair in share for path in pair)] for share in shares(judged)],
    )
    lines = [json.loads(line) for out in printed for line in out.splitlines()]
    return {line["program"]: line["verdict"] for line in lines}


@pytest.mark.pyodide
@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_pyodide_judges_as_cpython_does(exercise: Exercise, pyodide_verdicts: dict) -> None:
    """Under Pyodide, through the worker's own path: the solution passes, the starter fails
    with the promised words."""
    solution = pyodide_verdicts[str(exercise.path("solution"))]
    assert solution["passed"], solution
    starter = pyodide_verdicts[str(exercise.path("starter"))]
    assert starter["reason"] == "check", starter
    assert exercise.starter_fails_with in starter["message"], starter["message"]


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_lint_and_format(exercise: Exercise, eval_example: EvalExample) -> None:
    """The exercise's files are written as the examples are (tests/test_snippets.py)."""
    eval_example.set_config(line_length=88, quotes="double", target_version="py311", isort=True)
    for which in FILES:
        example = WholeProgram.create(exercise.source(which), path=exercise.path(which))
        if eval_example.update_examples:
            eval_example.format(example)
        else:
            eval_example.lint(example)
