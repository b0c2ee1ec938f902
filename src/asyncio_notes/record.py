"""Runs one example under the timeline recorder: `python -m asyncio_notes.record FILE.py OUT`.

The example runs as `python FILE.py` would run it and prints exactly the same; every event loop
it creates records its tasks (docs/assets/timeline/recorder.py), and the recording is written to
OUT as JSON when the program ends. `asyncio_notes.outputs` calls this for `make update-outputs`.
"""

from __future__ import annotations

import asyncio
import runpy
import sys
from pathlib import Path

from asyncio_notes.timeline import load


def main(argv: list[str]) -> int:
    """Run the example `argv[0]` with every event loop recorded; write the timeline to `argv[1]`."""
    program, out = argv
    recorder = load("recorder").Recorder(program=program)
    new_event_loop = asyncio.events.new_event_loop

    def recording_loop():
        loop = new_event_loop()
        recorder.install(loop)
        return loop

    # asyncio.run() and the reader's own asyncio.new_event_loop() both come through here.
    asyncio.events.new_event_loop = asyncio.new_event_loop = recording_loop
    sys.argv = [program]
    sys.path[0] = str(Path(program).resolve().parent)
    try:
        runpy.run_path(program, run_name="__main__")
    finally:
        recorder.uninstall()
        sys.stdout.flush()
        Path(out).write_text(recorder.to_json() if recorder.tasks else "", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
