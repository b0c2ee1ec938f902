import asyncio


async def worker(name, queue):
    while True:
        try:
            job, seconds = await queue.get()
        except asyncio.QueueShutDown:
            print(f"{name}: the queue is shut down, stopping")
            return
        await asyncio.sleep(seconds)
        print(f"{name}: finished job {job} ({seconds} s)")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    durations = [0.5, 0.1, 0.2, 0.3, 0.1, 0.3]
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))

    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}")
        await asyncio.sleep(0.15)
        print(f"shutting down: {queue.qsize()} jobs dropped, 3 in progress")
        queue.shutdown(immediate=True)
        await queue.join()  # waits for the jobs in progress only
        print("join() returned")


if __name__ == "__main__":
    asyncio.run(main())
