import asyncio


async def worker(name, queue):
    while True:
        job, seconds = await queue.get()
        await asyncio.sleep(seconds)  # the work
        print(f"{name}: finished job {job}")


async def main():
    queue = asyncio.Queue()
    for job, seconds in enumerate([0.2, 0.1, 0.4, 0.2, 0.2], start=1):
        queue.put_nowait((job, seconds))
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(2)]
    print(f"main: {queue.qsize()} jobs for {len(workers)} workers")

    await asyncio.sleep(0.3)  # that should be long enough
    print("main: all jobs done")


asyncio.run(main())
