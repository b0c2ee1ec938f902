import asyncio
import time


async def worker(name, queue):
    while True:
        job, seconds = await queue.get()
        await asyncio.sleep(seconds)  # the work
        print(f"{name}: finished job {job} ({seconds} s)")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    durations = [0.5, 0.1, 0.2, 0.3, 0.1, 0.3]
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))

    workers = [
        asyncio.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}")
        for i in range(3)
    ]

    start = time.perf_counter()
    await queue.join()  # until task_done() was called for every job
    print(f"{len(durations)} jobs done in {time.perf_counter() - start:.1f} s")
    print(f"one worker alone would take {sum(durations):.1f} s")

    for task in workers:
        task.cancel()  # each one is waiting at queue.get()
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers cancelled:", all(task.cancelled() for task in workers))


if __name__ == "__main__":
    asyncio.run(main())
