import asyncio
import time


async def fetch(mirror, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: answered")
    return f"data from {mirror}"


async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(fetch("mirror-a", 0.3), name="mirror-a"),
            tg.create_task(fetch("mirror-b", 0.1), name="mirror-b"),
            tg.create_task(fetch("mirror-c", 0.2), name="mirror-c"),
        ]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()  # does nothing to a task that is already done
    winner = done.pop()
    print(f"{time.perf_counter() - start:.1f} s: {winner.result()}")
    print("every mirror is done:", all(task.done() for task in tasks))


if __name__ == "__main__":
    asyncio.run(main())
