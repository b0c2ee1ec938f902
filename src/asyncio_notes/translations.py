"""Which translation is up to date: every translated page records the version of its source.

A page exists once per language (`docs/en/tasks.md`, `docs/ko/tasks.md`). One of them is the
source, English unless a version declares otherwise in its front matter
(`source_language: ko`); every other version is a translation of it. A translation keeps, in
its front matter, the hash of the source text it was translated from:

    ---
    source_hash: "1a2b3c4d5e6f"
    ---

When the source changes, its hash no longer matches and the translation is outdated; once the
contributor has brought the translation up to date, `mark_synced` records the new hash. The
old source text, for showing what changed, comes from git history (`find_source_version`).
"""

from __future__ import annotations

import difflib
import hashlib
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from asyncio_notes import frontmatter
from asyncio_notes.i18n import LANGUAGES

SOURCE_HASH_KEY = "source_hash"
"""Front matter key of a translation: the hash of the source text it was translated from."""

SOURCE_LANGUAGE_KEY = "source_language"
"""Front matter key that names a page's source language when it is not English."""

HASH_LENGTH = 12
"""Hex digits of the SHA-256 kept: enough to tell versions of one page apart."""


class State(StrEnum):
    """How a translation stands against its source page."""

    UP_TO_DATE = "up to date"
    OUTDATED = "outdated"
    MISSING = "missing"


def normalised_text(text: str) -> str:
    """The text of a page as the hash sees it.

    The front matter is left out (a translation's own freshness record must not change the
    hash of anything), line endings become `\\n`, trailing whitespace on every line and blank
    lines at either end are dropped.
    """
    lines = [line.rstrip() for line in frontmatter.body(text).splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


def source_hash(text: str) -> str:
    """The first `HASH_LENGTH` hex digits of the SHA-256 of `normalised_text(text)`."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Translation:
    """One translation of one page, and how it stands against its source.

    Attributes:
        page: The page's path below `docs/<language>/`, e.g. `"tasks.md"`.
        language: The language of the translation, e.g. `"ko"`.
        source_language: The language the page is written in first.
        state: Up to date, outdated or missing.
        recorded_hash: The `source_hash` in the translation's front matter, or `None` when the
            translation is missing or has never been marked as synced.
        current_hash: The hash of the source page as it is now.
        docs_dir: The `docs/` folder the page lives in.
    """

    page: str
    language: str
    source_language: str
    state: State
    recorded_hash: str | None
    current_hash: str
    docs_dir: Path

    @property
    def path(self) -> Path:
        """The translation's file (which does not exist when the state is missing)."""
        return self.docs_dir / self.language / self.page

    @property
    def source_path(self) -> Path:
        """The source page's file."""
        return self.docs_dir / self.source_language / self.page

    @property
    def needs_work(self) -> bool:
        """Whether a contributor should look at this translation."""
        return self.state is not State.UP_TO_DATE

    @property
    def never_synced(self) -> bool:
        """Whether the translation exists but records no source version at all."""
        return self.state is State.OUTDATED and self.recorded_hash is None


def page_paths(docs_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Every page path (below `docs/<language>/`) that exists in at least one language, sorted."""
    found: set[str] = set()
    for language in languages:
        folder = docs_dir / language
        found.update(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    return sorted(found)


def source_language(docs_dir: Path, page: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The language `page` is written in first.

    A version of the page may declare it (`source_language: ko` in its front matter); without a
    declaration it is the first of `languages` (English) that has the page.

    Raises:
        ValueError: Versions declare different source languages, a declared language is not one
            of `languages`, or the declared source page does not exist.
    """
    declared: dict[str, str] = {}
    for language in languages:
        path = docs_dir / language / page
        if path.exists():
            value = frontmatter.read(path.read_text(encoding="utf-8")).get(SOURCE_LANGUAGE_KEY)
            if value is not None:
                declared[f"docs/{language}/{page}"] = str(value)
    if len(set(declared.values())) > 1:
        raise ValueError(f"{page}: the versions disagree on {SOURCE_LANGUAGE_KEY}: {declared}")
    if declared:
        where, language = next(iter(declared.items()))
        if language not in languages:
            raise ValueError(
                f"{where}: {SOURCE_LANGUAGE_KEY}: {language!r} is not one of {list(languages)}"
            )
        if not (docs_dir / language / page).exists():
            raise ValueError(
                f"{where} declares {SOURCE_LANGUAGE_KEY}: {language}, but "
                f"docs/{language}/{page} does not exist"
            )
        return language
    return next(language for language in languages if (docs_dir / language / page).exists())


def translation_status(docs_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> list[Translation]:
    """Every translation of every page under `docs_dir`, sorted by page, then language.

    Args:
        docs_dir: The folder with one subfolder per language (`docs/`).
        languages: The site's languages; the first is the default source.

    Raises:
        ValueError: See `source_language`.
    """
    result = []
    for page in page_paths(docs_dir, languages):
        source = source_language(docs_dir, page, languages)
        current = source_hash((docs_dir / source / page).read_text(encoding="utf-8"))
        for language in languages:
            if language == source:
                continue
            path = docs_dir / language / page
            if not path.exists():
                state, recorded = State.MISSING, None
            else:
                value = frontmatter.read(path.read_text(encoding="utf-8")).get(SOURCE_HASH_KEY)
                recorded = None if value is None else str(value)
                state = State.UP_TO_DATE if recorded == current else State.OUTDATED
            result.append(Translation(page, language, source, state, recorded, current, docs_dir))
    return result


def mark_synced(
    docs_dir: Path, page: str, language: str | None = None, languages: tuple[str, ...] = LANGUAGES
) -> list[Path]:
    """Record that the translations of `page` match its source as it is now.

    Run it after updating a translation: it writes the source's current hash into the
    translation's front matter, and nothing else.

    Args:
        docs_dir: The `docs/` folder.
        page: The page's path below `docs/<language>/`, e.g. `"tasks.md"`.
        language: The one translation to mark; every existing translation when `None`.
        languages: The site's languages.

    Returns:
        The files written.

    Raises:
        ValueError: The page does not exist, `language` is not a site language or is the
            page's source language, or the translation to mark does not exist.
    """
    if language is not None and language not in languages:
        raise ValueError(f"{language!r} is not one of {list(languages)}")
    if page not in page_paths(docs_dir, languages):
        raise ValueError(f"no page {page!r} under {docs_dir}/<language>/")
    translations = [t for t in translation_status(docs_dir, languages) if t.page == page]
    if language is not None:
        if language == source_language(docs_dir, page, languages):
            raise ValueError(f"docs/{language}/{page} is the source of {page}; mark a translation")
        translations = [t for t in translations if t.language == language]
    written = []
    for translation in translations:
        if translation.state is State.MISSING:
            if language is None:
                continue
            raise ValueError(f"docs/{translation.language}/{page} does not exist yet")
        text = translation.path.read_text(encoding="utf-8")
        # Quoted: YAML would read a hash such as 012345670123 as an (octal) number.
        updated = frontmatter.set_key(text, SOURCE_HASH_KEY, f'"{translation.current_hash}"')
        if updated != text:
            translation.path.write_text(updated, encoding="utf-8")
        written.append(translation.path)
    return written


@dataclass(frozen=True)
class SourceVersion:
    """An earlier version of a source page, found in git history.

    Attributes:
        commit: The full hash of the newest commit that has this version.
        text: The page's text in that commit.
    """

    commit: str
    text: str


def _git(folder: Path, *args: str) -> str | None:
    """Run git in `folder`; `None` when git is missing or fails (e.g. not a repository)."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except FileNotFoundError:
        return None
    return done.stdout if done.returncode == 0 else None


def find_source_version(path: Path, wanted_hash: str) -> SourceVersion | None:
    """The newest committed version of `path` whose `source_hash` is `wanted_hash`.

    Args:
        path: A source page, e.g. `docs/en/tasks.md`.
        wanted_hash: The hash a translation recorded.

    Returns:
        The version, or `None` when no commit has it: the page was never committed, it was
        changed and translated before a commit, or the folder is not a git repository.
    """
    folder = path.parent
    log = _git(folder, "log", "--format=%H", "--", path.name)
    for commit in (log or "").split():
        text = _git(folder, "show", f"{commit}:./{path.name}")
        if text is not None and source_hash(text) == wanted_hash:
            return SourceVersion(commit, text)
    return None


def source_changes(translation: Translation, context: int = 3) -> str | None:
    """What changed in the source since `translation` was made, as a unified diff.

    The diff compares the normalised text (`normalised_text`) of the version the translation
    recorded with the source as it is now.

    Returns:
        The diff, or `None` when the earlier version is not available (see
        `find_source_version`) or the translation records none.
    """
    if translation.recorded_hash is None:
        return None
    version = find_source_version(translation.source_path, translation.recorded_hash)
    if version is None:
        return None
    name = f"docs/{translation.source_language}/{translation.page}"
    old = normalised_text(version.text).splitlines(keepends=True)
    new = normalised_text(translation.source_path.read_text(encoding="utf-8"))
    return "".join(
        difflib.unified_diff(
            old,
            new.splitlines(keepends=True),
            fromfile=f"{name} @ {version.commit[:10]}",
            tofile=f"{name} (now)",
            n=context,
        )
    )
