"""Command line of the site's tooling: `python -m asyncio_notes COMMAND`."""

import sys

from asyncio_notes import outputs

COMMANDS = {"update-outputs": outputs.main}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m asyncio_notes {{{','.join(COMMANDS)}}} [args]", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
