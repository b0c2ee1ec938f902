"""Bad input on the build side fails the build, or the tests, with a message naming the file:
a page including a missing snippet (in either language), a broken link or anchor, a snippet
whose recorded output is stale.

Each build is a small site of its own that inherits the real `mkdocs.yml` (hooks, plugins,
strict mode), so it fails for the same reasons the real site would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import test_snippets
from asyncio_notes.catalogue import ROOT, Snippet
from asyncio_notes.outputs import record_output, record_run
from conftest import SnippetRun
from support.lanes import BACKGROUND

pytestmark = pytest.mark.slow

CONFIG = """\
INHERIT: {root}/mkdocs.yml
docs_dir: {docs}
nav: [index.md, tasks.md]
hooks: [{root}/src/asyncio_notes/hooks.py]
theme:
  custom_dir: {root}/docs/overrides
"""
PAGES = {
    "en/index.md": "# Home\n\nSee [cancelling](tasks.md#cancelling).\n",
    "ko/index.md": "# 홈\n\n[취소하기](tasks.md#cancelling)를 보세요.\n",
    "en/tasks.md": "# Tasks\n\n## Cancelling { #cancelling }\n",
    "ko/tasks.md": "# 태스크\n\n## 취소하기 { #cancelling }\n",
}
MISSING = '```python\n--8<-- "01_overview/no_such_example.py"\n```\n'


def build(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a site made of PAGES with `pages` replacing some of them."""
    docs = tmp_path / "docs"
    for path, text in {**PAGES, **pages}.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(root=ROOT, docs=docs), encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def fresh_run(snippet: Snippet) -> dict[str, SnippetRun]:
    """What the `snippet_runs` fixture gives the output and timeline tests, for one example."""
    return {snippet.name: SnippetRun(*record_run(snippet))}


@BACKGROUND  # builds: no program's timing is judged
def test_the_small_site_builds(tmp_path: Path) -> None:
    done = build(tmp_path, {})
    assert done.returncode == 0, done.stderr[-3000:]


@BACKGROUND
@pytest.mark.parametrize(
    "pages, message",
    [
        (
            {"en/index.md": f"# Home\n\n{MISSING}"},
            "docs/en/index.md: includes snippets/01_overview/no_such_example.py, which does not exist",
        ),
        (
            {"ko/index.md": f"# 홈\n\n{MISSING}"},
            "docs/ko/index.md: includes snippets/01_overview/no_such_example.py, which does not exist",
        ),
        (
            {"ko/tasks.md": '# 태스크\n\n```text\n--8<-- "01_overview/no_such_output.out"\n```\n'},
            "Error reading page 'ko/tasks.md'",
        ),
        (
            {"en/index.md": "# Home\n\nSee [the tasks](task.md).\n"},
            "Doc file 'en/index.md' contains a link 'task.md', but the target 'en/task.md' is not found",
        ),
        (
            {"ko/index.md": "# 홈\n\n[취소하기](tasks.md#canceling)를 보세요.\n"},
            "Doc file 'ko/index.md' contains a link 'tasks.md#canceling', but the doc 'ko/tasks.md' "
            "does not contain an anchor '#canceling'",
        ),
    ],
    ids=[
        "missing-snippet",
        "korean-missing-snippet",
        "korean-missing-include",
        "broken-link",
        "broken-anchor",
    ],
)
def test_bad_input_fails_the_build_naming_the_file(
    tmp_path: Path, pages: dict[str, str], message: str
) -> None:
    done = build(tmp_path, pages)
    assert done.returncode != 0, "the build passed"
    assert message in done.stderr, done.stderr[-3000:]


def test_a_stale_recorded_output_fails_the_tests_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "01_demo").mkdir()
    (tmp_path / "01_demo" / "greet.py").write_text(
        'def main():\n    print("hello")\n\n\nif __name__ == "__main__":\n    main()\n'
    )
    snippet = Snippet("01_demo/greet", root=tmp_path)
    snippet.output_path.write_text("hello\n")
    runs = fresh_run(snippet)
    test_snippets.test_output_matches_recording(snippet, runs)  # recorded as it prints: passes
    snippet.output_path.write_text("hi\n")
    with pytest.raises(AssertionError) as failure:
        test_snippets.test_output_matches_recording(snippet, runs)
    assert f"{snippet.path} no longer prints greet.out" in str(failure.value)


def test_an_unformatted_example_fails_naming_the_file_and_the_fix(
    tmp_path: Path, eval_example
) -> None:
    (tmp_path / "01_demo").mkdir()
    (tmp_path / "01_demo" / "greet.py").write_text(
        "import asyncio\nasync def main( ):\n    print('hello')\n"
        'if __name__ == "__main__":\n    asyncio.run(main())\n'
    )
    snippet = Snippet("01_demo/greet", root=tmp_path)
    with pytest.raises(pytest.fail.Exception) as failure:
        test_snippets.test_lint_and_format(snippet, eval_example)
    first_line = str(failure.value).splitlines()[0]
    assert first_line.startswith(f"{snippet.path} is not written as the examples are")
    assert "--update-examples -k greet" in first_line


def test_a_changed_timing_fails_naming_the_file_and_the_fix(tmp_path: Path) -> None:
    import test_timeline

    (tmp_path / "01_demo").mkdir()
    program = (
        "import asyncio\n\n\nasync def main():\n    await asyncio.create_task(asyncio.sleep({}))\n"
        '\n\nif __name__ == "__main__":\n    asyncio.run(main())\n'
    )
    (tmp_path / "01_demo" / "wait.py").write_text(program.format(0.1))
    snippet = Snippet("01_demo/wait", root=tmp_path)
    record_output(snippet)
    (tmp_path / "01_demo" / "wait.py").write_text(program.format(0.6))  # a changed sleep
    with pytest.raises(AssertionError) as failure:
        changed = Snippet("01_demo/wait", root=tmp_path)
        test_timeline.test_timeline_matches_recording(changed, fresh_run(changed))
    first_line = str(failure.value).splitlines()[0]
    assert first_line.startswith(f"{snippet.path} no longer runs the way wait.timeline.json")
    assert "make check NAME=01_demo/wait RECORD=1" in first_line
