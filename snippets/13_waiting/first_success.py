import asyncio
import time


async def fetch(mirror, delay, up=True):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    if not up:
        raise ConnectionError(f"{mirror} is down")
    return f"data from {mirror}"


async def first_success(*coros):
    """The result of the first coroutine to succeed; the others are cancelled."""
    tasks = [asyncio.create_task(coro) for coro in coros]
    try:
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(
                pending, return_when=asyncio.FIRST_COMPLETED
            )
            for task in done:
                if task.exception() is not None:
                    exc = task.exception()
                    print(f"skipped {type(exc).__name__}: {exc}")
            for task in done:
                if task.exception() is None:
                    return task.result()
        raise ExceptionGroup("nothing succeeded", [t.exception() for t in tasks])
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)


async def main():
    start = time.perf_counter()
    result = await first_success(
        fetch("mirror-a", 0.3),
        fetch("mirror-b", 0.1, up=False),
        fetch("mirror-c", 0.2),
    )
    print(f"{time.perf_counter() - start:.1f} s: {result}")

    try:
        await first_success(
            fetch("mirror-a", 0.2, up=False),
            fetch("mirror-b", 0.1, up=False),
        )
    except* ConnectionError as group:
        print(f"{type(group).__name__}: {group}")


if __name__ == "__main__":
    asyncio.run(main())
