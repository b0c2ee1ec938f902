import asyncio
import os
import re
import warnings

FRAME = re.compile(r'File "(?P<path>[^"]+)", line (?P<line>\d+), in (?P<function>\S+)')
HERE = os.path.basename(__file__)


def show(warning):
    """Print a warning about a lost coroutine in a form that is the same on every
    machine. In debug mode its message ends with a traceback of where the coroutine
    was created; only this file's lines of it are kept (the others are asyncio's own
    code, whose paths and line numbers differ between installations)."""
    message = str(warning.message)
    print(f"{warning.category.__name__}: {message.splitlines()[0]}")
    print(f"  noticed at line {warning.lineno}")
    mine = [f for f in FRAME.finditer(message) if os.path.basename(f["path"]) == HERE]
    if mine:  # debug mode: the last of them is the line that created the coroutine
        print(f"  created at line {mine[-1]['line']}, in {mine[-1]['function']}")


async def save(name):
    await asyncio.sleep(0.1)
    print(f"saved {name}")


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        jobs = [save("a.txt"), save("b.txt")]
        await jobs[0]
        jobs.clear()  # b.txt was never awaited: its coroutine is thrown away here
    for warning in caught:
        show(warning)


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
