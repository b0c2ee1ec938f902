"""The practice blocks of a page: exercises and "predict, then run" questions.

An exercise (see `asyncio_notes.exercises`) is placed with a block; its body is the task, in the
page's language, and each `/// hint` inside it is one hint, revealed one at a time:

    /// exercise | 03_tasks/run_together
    `main()` downloads three files one after another. ...

    /// hint
    `asyncio.create_task()` starts a coroutine without waiting for it.
    ///
    ///

A question asks the reader to put an example's printed lines in order before running it; its
body is the explanation, shown once they have answered:

    /// predict | 03_tasks/create_task
    `create_task()` only schedules ...
    ///

`expand_predictions` runs before `pages.wrap_examples` (it leaves an ordinary example include
for it to wrap), `expand_exercises` after (an exercise's starter is not a catalogue example).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import NamedTuple

from asyncio_notes.catalogue import Snippet
from asyncio_notes.exercises import Exercise
from asyncio_notes.fences import code_fences
from asyncio_notes.i18n import text

OPENING = re.compile(r"^/// (?P<kind>exercise|predict) \| (?P<name>[\w/]+)[ \t]*$")
NESTED = re.compile(r"^/// \w")
CLOSING = re.compile(r"^///[ \t]*$")
HINT = re.compile(r"^/// hint[ \t]*\n(?P<body>.*?)^///[ \t]*\n?", re.MULTILINE | re.DOTALL)
MAX_PREDICT_LINES = 8
"""More lines than this are no question to answer by reordering."""


class PracticeError(LookupError):
    """A practice block names an exercise or example that does not exist, or cannot be asked."""


class Block(NamedTuple):
    """One practice block: its kind, what it names, its body, and where it is in the page."""

    kind: str
    name: str
    body: str
    start: int
    end: int


def practice_blocks(markdown: str) -> list[Block]:
    """Every practice block of the page, in order, outside fenced code. Blocks nest (`/// hint`
    inside an exercise): each ends at the `///` that closes it."""
    blocks = []
    fenced = [(fence.start, fence.end) for fence in code_fences(markdown)]
    lines = markdown.splitlines(keepends=True)
    offset = index = 0
    while index < len(lines):
        opening = OPENING.match(lines[index].rstrip("\n"))
        if opening is None or any(start <= offset < end for start, end in fenced):
            offset += len(lines[index])
            index += 1
            continue
        depth, end = 1, index + 1
        while end < len(lines) and depth:
            line = lines[end].rstrip("\n")
            depth += 1 if NESTED.match(line) else -1 if CLOSING.match(line) else 0
            end += 1
        if depth:
            raise PracticeError(f"/// {opening['kind']} | {opening['name']} is never closed")
        body = "".join(lines[index + 1 : end - 1])
        length = sum(len(line) for line in lines[index:end])
        blocks.append(Block(opening["kind"], opening["name"], body, offset, offset + length))
        offset += length
        index = end
    return blocks


def _replace(markdown: str, kind: str, expand) -> str:
    """`markdown` with each block of `kind` replaced by `expand(block)`."""
    parts, last = [], 0
    for block in practice_blocks(markdown):
        if block.kind == kind:
            parts += [markdown[last : block.start], expand(block), "\n"]
            last = block.end
    return "".join(parts) + markdown[last:]


def expand_predictions(markdown: str, snippets: Mapping[str, Snippet]) -> str:
    """Each `/// predict | <example>` block: the example, the ordering question and the
    explanation (hidden until the reader has answered)."""

    def expand(match: Block) -> str:
        snippet = snippets.get(match.name)
        if snippet is None or snippet.recorded_output is None:
            raise PracticeError(f"predict: no recorded example {match.name}")
        lines = snippet.recorded_output.splitlines()
        if len(set(lines)) != len(lines) or not 2 <= len(lines) <= MAX_PREDICT_LINES:
            raise PracticeError(
                f"predict: {match.name} prints {len(lines)} lines, not 2 to "
                f"{MAX_PREDICT_LINES} different ones, so they cannot be put in order"
            )
        return "\n".join(
            [
                f'<div class="predict" data-predict="{snippet.name}" markdown>',
                "",
                "```python",
                f'--8<-- "{snippet.name}.py"',
                "```",
                "",
                '<div class="predict__explanation" markdown>',
                "",
                match.body.strip(),
                "",
                "</div>",
                "</div>",
            ]
        )

    return _replace(markdown, "predict", expand)


def expand_exercises(markdown: str, exercises: Mapping[str, Exercise], lang: str) -> str:
    """Each `/// exercise | <name>` block: the task, the starter in a runnable example, the hints
    and the data the page's Check needs (the checks, the solution)."""

    def expand(match: Block) -> str:
        exercise = exercises.get(match.name)
        if exercise is None:
            raise PracticeError(
                f"exercise: no snippets/{match.name.replace('/', '/exercises/', 1)}/"
            )
        hints = [m["body"].strip() for m in HINT.finditer(match.body)]
        task = HINT.sub("", match.body).strip()
        # In attributes, not a <script>: Material's instant navigation re-creates the scripts
        # of the page it moves to, and search would index a script's text.
        data = html.escape(
            json.dumps(
                {"solution": exercise.source("solution"), "check": exercise.source("check")},
                ensure_ascii=False,
            ),
            quote=True,
        )
        lines = [
            f'<div class="exercise" data-exercise="{exercise.name}" markdown>',
            "",
            f'<p class="exercise__label">{html.escape(text(lang, "exercise"))}</p>',
            "",
            task,
            "",
            f'<div class="example" data-example="{exercise.name}" markdown>',
            "",
            f'``` python title="{exercise.name.split("/")[-1]}.py"',
            f'--8<-- "{exercise.include("starter")}"',
            "```",
            "",
            '<div class="example-output" markdown>',
            "</div>",
            "</div>",
            "",
        ]
        if hints:
            lines += ['<div class="exercise__hints" markdown>', ""]
            for hint in hints:
                lines += ['<div class="exercise__hint" hidden markdown>', "", hint, "", "</div>"]
            lines += ["</div>", ""]
        lines += [
            f'<div class="exercise__data" hidden data-exercise-data="{data}"></div>',
            "",
            "</div>",
        ]
        return "\n".join(lines)

    return _replace(markdown, "exercise", expand)
