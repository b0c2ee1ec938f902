import asyncio
import time


async def job_ids(delay, to):
    """A stream of work: a new job id every `delay` seconds."""
    for n in range(1, to + 1):
        await asyncio.sleep(delay)
        yield n


async def handle(n):
    print(f"job {n}: started")
    await asyncio.sleep(0.3)
    print(f"job {n}: done")


async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        async for n in job_ids(0.1, 3):
            tg.create_task(handle(n), name=f"job {n}")
        print("main: the stream has ended")
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
