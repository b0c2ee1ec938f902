"""`make serve` / `make serve-ko`: the site served while you edit it, on the port you choose.

`python -m asyncio_notes.preview [--port 8000] [--language ko]` runs `mkdocs serve` in this
process, with the site's address set for that port (Material's instant navigation needs it), and
with `snippets/` watched too, so that saving an example rebuilds the pages that show it. A port
that is taken fails at once, before the first build. The server stops when the process that
started it (`make`) goes, however it went: killing make's PID stops the server too.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
import threading
import time
from collections.abc import Callable

from asyncio_notes.catalogue import ROOT, SNIPPETS_DIR

HOST = "127.0.0.1"
PARENT_POLL_SECONDS = 0.5


def port_problem(port: int, host: str = HOST) -> str | None:
    """Why the server cannot listen on `port`, in a sentence that says what to do; None if it can."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (
                    f"port {port} is taken (another `make serve`?): stop what serves there, "
                    f"or choose another port: make serve PORT={port + 10}"
                )
            return f"cannot listen on {host}:{port} ({exc.strerror}): choose another PORT"
    return None


def stop_with_parent(
    stop: Callable[[], None], parent: int | None = None, getppid: Callable[[], int] = os.getppid
) -> threading.Thread:
    """Call `stop` once the process that started this one is gone (this one is then adopted by
    another, and its parent id changes). Returns the watching thread (a daemon)."""
    parent = getppid() if parent is None else parent

    def watch() -> None:
        while getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        stop()

    thread = threading.Thread(target=watch, name="stop-with-parent", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> int:
    """Command line: serve the site on `--port`, in one `--language` or both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--language", choices=["en", "ko"], help="serve one language only")
    args = parser.parse_args(argv)
    problem = port_problem(args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    os.environ["SITE_URL"] = f"http://{HOST}:{args.port}/"
    if args.language:
        os.environ["PREVIEW_LANGUAGE"] = args.language
    # mkdocs runs in this process; ending it ends the server and its file watcher.
    stop_with_parent(lambda: os._exit(0))
    print(
        f"Serving at http://{HOST}:{args.port}/ once the site is built; the first build also "
        "makes what Run needs (a minute or two, said below as it goes).",
        flush=True,
    )
    from mkdocs.__main__ import cli

    os.chdir(ROOT)
    watch = ["--watch", str(SNIPPETS_DIR.relative_to(ROOT))]
    return cli.main(
        args=["serve", "--dev-addr", f"{HOST}:{args.port}", *watch], standalone_mode=False
    )


if __name__ == "__main__":
    sys.exit(main())
