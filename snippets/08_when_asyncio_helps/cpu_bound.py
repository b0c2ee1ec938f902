import asyncio
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def cpu_job():
    return crunch(150_000)


async def io_job():
    await asyncio.sleep(0.05)


async def one_by_one(jobs):
    for job in jobs:
        await job


async def together(jobs):
    await asyncio.gather(*jobs)


async def timed(run, job):
    start = time.perf_counter()
    await run([job() for _ in range(4)])
    return time.perf_counter() - start


async def main():
    for kind, job in [("I/O-bound", io_job), ("CPU-bound", cpu_job)]:
        sequential = []
        concurrent = []
        for _ in range(3):
            sequential.append(await timed(one_by_one, job))
            concurrent.append(await timed(together, job))
        faster = min(concurrent) < min(sequential) / 2
        print(f"{kind}: gather at least twice as fast: {faster}")


if __name__ == "__main__":
    asyncio.run(main())
