"""Freshness of translations: the hash, the states, marking as re-synced, the diff from git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from asyncio_notes import frontmatter
from asyncio_notes.translation_commands import mark_synced_main, translations_main
from asyncio_notes.translations import (
    State,
    find_source_version,
    mark_synced,
    source_changes,
    source_hash,
    translation_status,
)
from conftest import DOCS

ENGLISH = "# Tasks\n\nA task runs a coroutine.\n\n## Cancelling { #cancelling }\n\nCall cancel().\n"
KOREAN = (
    "# 태스크\n\n태스크는 코루틴을 실행합니다.\n\n## 취소 { #cancelling }\n\n"
    "cancel()을 호출합니다.\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def states(docs: Path) -> dict[tuple[str, str], State]:
    return {(t.page, t.language): t.state for t in translation_status(docs)}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A docs folder with one English page and its Korean translation, marked as synced."""
    docs = tmp_path / "docs"
    write(docs / "en" / "tasks.md", ENGLISH)
    write(docs / "ko" / "tasks.md", KOREAN)
    mark_synced(docs, "tasks.md")
    return docs


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


# The hash ──────────────────────────────────────────────────────────────────────────────────


def test_hash_ignores_front_matter_and_trailing_whitespace() -> None:
    with_front_matter = "---\nsource_hash: 0123456789ab\ntitle: x\n---\n\n" + ENGLISH
    trailing = ENGLISH.replace("\n", "   \n").replace("coroutine.", "coroutine.\t") + "\n\n"
    assert source_hash(with_front_matter) == source_hash(ENGLISH)
    assert source_hash(trailing) == source_hash(ENGLISH)
    assert source_hash(ENGLISH.replace("\n", "\r\n")) == source_hash(ENGLISH)
    assert len(source_hash(ENGLISH)) == 12


def test_hash_changes_with_the_text() -> None:
    assert source_hash(ENGLISH.replace("runs", "schedules")) != source_hash(ENGLISH)
    assert source_hash(ENGLISH.replace("A task", "  A task")) != source_hash(ENGLISH)


# States ────────────────────────────────────────────────────────────────────────────────────


def test_a_marked_translation_is_up_to_date(docs: Path) -> None:
    assert states(docs) == {("tasks.md", "ko"): State.UP_TO_DATE}
    recorded = frontmatter.read((docs / "ko" / "tasks.md").read_text(encoding="utf-8"))
    assert recorded["source_hash"] == source_hash(ENGLISH)


def test_changing_a_sentence_in_the_source_makes_the_translation_outdated(docs: Path) -> None:
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    assert states(docs) == {("tasks.md", "ko"): State.OUTDATED}
    mark_synced(docs, "tasks.md")
    assert states(docs) == {("tasks.md", "ko"): State.UP_TO_DATE}


def test_editing_the_translation_or_only_whitespace_keeps_it_up_to_date(docs: Path) -> None:
    write(docs / "ko" / "tasks.md", (docs / "ko" / "tasks.md").read_text() + "\n추가 문장입니다.\n")
    write(docs / "en" / "tasks.md", ENGLISH.replace("\n", "  \n"))
    assert states(docs) == {("tasks.md", "ko"): State.UP_TO_DATE}


def test_missing_and_never_synced_translations(docs: Path) -> None:
    write(docs / "en" / "futures.md", "# Futures\n")
    write(docs / "en" / "loop.md", "# Loop\n")
    write(docs / "ko" / "loop.md", "# 루프\n")
    found = {t.page: t for t in translation_status(docs)}
    assert found["futures.md"].state is State.MISSING
    assert found["loop.md"].state is State.OUTDATED and found["loop.md"].never_synced
    assert found["tasks.md"].state is State.UP_TO_DATE and not found["tasks.md"].never_synced


def test_a_page_can_declare_korean_as_its_source(docs: Path) -> None:
    write(docs / "ko" / "story.md", "---\nsource_language: ko\n---\n\n# 이야기\n\n처음 문장.\n")
    write(docs / "en" / "story.md", "# Story\n\nFirst sentence.\n")
    story = [t for t in translation_status(docs) if t.page == "story.md"]
    assert [(t.language, t.source_language, t.state) for t in story] == [
        ("en", "ko", State.OUTDATED)
    ]
    assert mark_synced(docs, "story.md") == [docs / "en" / "story.md"]
    assert states(docs)[("story.md", "en")] is State.UP_TO_DATE
    write(docs / "ko" / "story.md", "---\nsource_language: ko\n---\n\n# 이야기\n\n바뀐 문장.\n")
    assert states(docs)[("story.md", "en")] is State.OUTDATED


def test_a_page_only_in_korean_is_its_own_source(docs: Path) -> None:
    write(docs / "ko" / "only.md", "# 한국어만\n")
    only = [t for t in translation_status(docs) if t.page == "only.md"]
    assert [(t.language, t.source_language, t.state) for t in only] == [("en", "ko", State.MISSING)]


def test_conflicting_source_languages_are_an_error(docs: Path) -> None:
    write(docs / "en" / "tasks.md", "---\nsource_language: en\n---\n" + ENGLISH)
    write(docs / "ko" / "tasks.md", "---\nsource_language: ko\n---\n" + KOREAN)
    with pytest.raises(ValueError, match="disagree"):
        translation_status(docs)


# Marking as re-synced ─────────────────────────────────────────────────────────────────────


def test_mark_synced_keeps_the_rest_of_the_front_matter(docs: Path) -> None:
    page = docs / "ko" / "tasks.md"
    write(
        page,
        "---\ntitle: 태스크\nsource_hash: 000000000000\nglossary_allow_in_quotes:\n"
        "  - 쓰레드\n---\n\n" + KOREAN,
    )
    mark_synced(docs, "tasks.md")
    text = page.read_text(encoding="utf-8")
    assert text == (
        f'---\ntitle: 태스크\nsource_hash: "{source_hash(ENGLISH)}"\n'
        "glossary_allow_in_quotes:\n  - 쓰레드\n---\n\n" + KOREAN
    )


def test_mark_synced_refuses_what_it_cannot_mark(docs: Path) -> None:
    with pytest.raises(ValueError, match="no page"):
        mark_synced(docs, "nothing.md")
    with pytest.raises(ValueError, match="is the source"):
        mark_synced(docs, "tasks.md", "en")
    write(docs / "en" / "futures.md", "# Futures\n")
    with pytest.raises(ValueError, match="does not exist yet"):
        mark_synced(docs, "futures.md", "ko")


def test_set_key_adds_front_matter_to_a_page_without_it() -> None:
    added = frontmatter.set_key(KOREAN, "source_hash", "abc")
    assert added == "---\nsource_hash: abc\n---\n\n" + KOREAN
    assert frontmatter.read(frontmatter.set_key(KOREAN, "source_hash", "abc")) == {
        "source_hash": "abc"
    }


# What changed, from git history ────────────────────────────────────────────────────────────


def test_the_diff_shows_what_changed_since_the_translation(docs: Path) -> None:
    git(docs.parent, "init", "-q")
    git(docs.parent, "add", ".")
    git(docs.parent, "commit", "-q", "-m", "tasks")
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    (translation,) = translation_status(docs)
    version = find_source_version(translation.source_path, translation.recorded_hash)
    assert version is not None and version.text == ENGLISH
    diff = source_changes(translation)
    assert "-Call cancel().\n" in diff and "+Call task.cancel().\n" in diff
    assert "--- docs/en/tasks.md @ " in diff and "+++ docs/en/tasks.md (now)" in diff


def test_the_diff_finds_an_older_commit(docs: Path) -> None:
    git(docs.parent, "init", "-q")
    git(docs.parent, "add", ".")
    git(docs.parent, "commit", "-q", "-m", "first")
    write(docs / "en" / "tasks.md", ENGLISH + "\nMore.\n")
    git(docs.parent, "commit", "-q", "-am", "second")
    write(docs / "en" / "tasks.md", ENGLISH + "\nMore and more.\n")
    diff = source_changes(translation_status(docs)[0])
    assert "+More and more.\n" in diff and "-A task" not in diff


def test_no_diff_without_history(docs: Path) -> None:
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    (translation,) = translation_status(docs)
    assert translation.state is State.OUTDATED
    assert source_changes(translation) is None  # not a git repository at all
    git(docs.parent, "init", "-q")
    assert source_changes(translation) is None  # a repository, but the page was never committed


# The commands ──────────────────────────────────────────────────────────────────────────────


def test_translations_command_prints_the_table_and_the_diff(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(docs.parent, "init", "-q")
    git(docs.parent, "add", ".")
    git(docs.parent, "commit", "-q", "-m", "tasks")
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    write(docs / "en" / "futures.md", "# Futures\n")
    assert translations_main([], docs_dir=docs) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()[1:3]}
    assert "outdated" in rows["tasks.md"] and "missing" in rows["futures.md"]
    assert "2 of 2 translations need work." in out
    assert "+Call task.cancel()." in out and "make mark-synced PAGE=tasks.md" in out
    assert translations_main(["--check", "--no-diff"], docs_dir=docs) == 1
    assert "+Call task.cancel()." not in capsys.readouterr().out


def test_translations_command_says_when_the_diff_is_not_available(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    translations_main(["tasks.md"], docs_dir=docs)
    assert "the diff is not available" in capsys.readouterr().out


def test_mark_synced_command_clears_the_outdated_state(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(docs / "en" / "tasks.md", ENGLISH.replace("Call cancel().", "Call task.cancel()."))
    assert mark_synced_main(["tasks.md"], docs_dir=docs) == 0
    assert "marked as synced: docs/ko/tasks.md" in capsys.readouterr().out
    assert translations_main(["--check"], docs_dir=docs) == 0
    assert "0 of 1 translations need work." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        mark_synced_main(["tasks.md", "--language", "en"], docs_dir=docs)


# The real pages ────────────────────────────────────────────────────────────────────────────


def test_the_site_pages_have_a_status() -> None:
    found = translation_status(DOCS)
    assert {t.page for t in found} >= {"tasks.md", "contributing.md", "translation-status.md"}
    assert all(t.source_path.exists() for t in found)
