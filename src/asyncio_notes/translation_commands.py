"""Commands for translators: what needs work, and marking a translation as re-synced.

    python -m asyncio_notes translations [PAGE ...] [--no-diff] [--check]
    python -m asyncio_notes mark-synced PAGE [PAGE ...] [--language ko]

`make translations` and `make mark-synced PAGE=tasks.md` run them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from asyncio_notes.catalogue import ROOT
from asyncio_notes.translations import (
    State,
    Translation,
    mark_synced,
    source_changes,
    translation_status,
)

DOCS_DIR = ROOT / "docs"
"""The pages, one folder per language."""


def status_rows(translations: list[Translation]) -> str:
    """The plain-text table the `translations` command prints: page, language, state, source."""
    rows = [("page", "language", "state", "source")]
    for item in translations:
        state = "outdated (never marked as synced)" if item.never_synced else str(item.state)
        rows.append((item.page, item.language, state, f"docs/{item.source_language}/{item.page}"))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def what_changed(item: Translation) -> str:
    """For a translation that needs work: what changed in its source, and what to do next."""
    target = f"docs/{item.language}/{item.page}"
    source = f"docs/{item.source_language}/{item.page}"
    heading = f"── {target} ──"
    if item.state is State.MISSING:
        return (
            f"{heading}\n{target} does not exist. Copy {source} there, translate it, then "
            f"run: make mark-synced PAGE={item.page}\n"
        )
    if item.never_synced:
        detail = (
            f"{target} does not record which version of {source} it was made from "
            "(no source_hash in its front matter). Compare the two pages"
        )
    else:
        diff = source_changes(item)
        if diff is None:
            detail = (
                f"{source} changed since {target} was translated, but the version it was "
                f"translated from ({item.recorded_hash}) is not in git history, so the diff "
                "is not available (was the source changed before it was committed?). "
                "Compare the two pages"
            )
        else:
            detail = f"{source} changed since {target} was translated:\n\n{diff.rstrip()}\n\n"
            detail += "Update the translation to match"
    return f"{heading}\n{detail}, then run: make mark-synced PAGE={item.page}\n"


def translations_main(argv: list[str] | None = None, docs_dir: Path = DOCS_DIR) -> int:
    """Command line: print the state of every translation, and what changed for those behind.

    Returns:
        0, or with `--check` 1 when some translation needs work.
    """
    parser = argparse.ArgumentParser(
        prog="python -m asyncio_notes translations",
        description="Show which translations are up to date, outdated or missing, and for "
        "outdated ones what changed in the source since.",
    )
    parser.add_argument("pages", nargs="*", help="page paths below docs/<language>/, e.g. tasks.md")
    parser.add_argument("--no-diff", action="store_true", help="print the table only")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a translation needs work"
    )
    args = parser.parse_args(argv)
    translations = [
        t for t in translation_status(docs_dir) if not args.pages or t.page in args.pages
    ]
    unknown = sorted(set(args.pages) - {t.page for t in translations})
    if unknown:
        parser.error(f"no translations of {', '.join(unknown)}")
    print(status_rows(translations))
    behind = [t for t in translations if t.needs_work]
    print(f"\n{len(behind)} of {len(translations)} translations need work.")
    if not args.no_diff:
        for item in behind:
            print()
            print(what_changed(item), end="")
    return 1 if args.check and behind else 0


def mark_synced_main(argv: list[str] | None = None, docs_dir: Path = DOCS_DIR) -> int:
    """Command line: record that the translations of the pages given match their sources now."""
    parser = argparse.ArgumentParser(
        prog="python -m asyncio_notes mark-synced",
        description="After updating a translation, record the version of the source it now "
        "matches (source_hash in its front matter).",
    )
    parser.add_argument("pages", nargs="+", help="page paths below docs/<language>/, e.g. tasks.md")
    parser.add_argument("--language", help="the one translation to mark (default: all of them)")
    args = parser.parse_args(argv)
    for page in args.pages:
        try:
            written = mark_synced(docs_dir, page, args.language)
        except ValueError as exc:
            parser.error(str(exc))
        for path in written:
            print(f"marked as synced: {path.relative_to(docs_dir.parent)}")
    return 0
