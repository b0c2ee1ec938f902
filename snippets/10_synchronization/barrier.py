import asyncio
import time


def log(start, text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")


async def download_part(name, seconds, barrier, start):
    await asyncio.sleep(seconds)
    log(start, f"{name} done, {barrier.n_waiting} waiting at the barrier")
    position = await barrier.wait()
    log(start, f"{name} passes, wait() returned {position}")


async def main():
    barrier = asyncio.Barrier(3)
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for name, seconds in [("part1", 0.3), ("part2", 0.1), ("part3", 0.2)]:
            tg.create_task(download_part(name, seconds, barrier, start), name=name)


if __name__ == "__main__":
    asyncio.run(main())
