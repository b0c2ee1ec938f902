import asyncio
import time


class Stats:
    def __init__(self):
        self.start = time.perf_counter()
        self.inside = 0
        self.peak = 0

    def elapsed(self):
        return time.perf_counter() - self.start


async def download(name, sem, stats):
    async with sem:
        stats.inside += 1
        stats.peak = max(stats.peak, stats.inside)
        print(f"{stats.elapsed():.1f} s: {name} starts")
        await asyncio.sleep(0.2)
        stats.inside -= 1


async def main():
    sem = asyncio.Semaphore(3)
    stats = Stats()
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 11):
            name = f"file{n:02}"
            tg.create_task(download(name, sem, stats), name=name)
    print(f"at most {stats.peak} at once, took {stats.elapsed():.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
