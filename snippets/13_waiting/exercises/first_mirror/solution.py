import asyncio
import time


async def fetch(mirror, seconds):
    try:
        await asyncio.sleep(seconds)  # waiting for the mirror's answer
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: answered")
    return f"data from {mirror}"


async def main():
    start = time.perf_counter()
    tasks = [
        asyncio.create_task(fetch("mirror-a", 0.3)),
        asyncio.create_task(fetch("mirror-b", 0.1)),
        asyncio.create_task(fetch("mirror-c", 0.2)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)
    data = done.pop().result()
    print(f"{time.perf_counter() - start:.1f} s: using {data}")


asyncio.run(main())
