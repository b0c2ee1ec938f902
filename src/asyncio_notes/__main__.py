"""Command line of the site's tooling: `python -m asyncio_notes COMMAND`.

Commands:
    update-outputs: Re-run examples with the Python each needs and record what they print.
    check: Run everything that judges one example (`make check NAME=...`).
    translations: Show which translations are up to date, outdated or missing, and what changed.
    mark-synced: Record that a page's translations match its source as it is now.
"""

import sys

from asyncio_notes import check, outputs, translation_commands

COMMANDS = {
    "update-outputs": outputs.main,
    "check": check.main,
    "translations": translation_commands.translations_main,
    "mark-synced": translation_commands.mark_synced_main,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command named first in `argv` (default: the process's arguments).

    Returns:
        The command's exit status; 2 with a usage line when no known command is named.
    """
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m asyncio_notes {{{','.join(COMMANDS)}}} [args]", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
