import asyncio


async def worker(name, queue):
    while True:
        try:
            job, seconds = await queue.get()
        except asyncio.QueueShutDown:
            print(f"{name}: the queue is shut down and empty, stopping")
            return
        await asyncio.sleep(seconds)
        print(f"{name}: finished job {job} ({seconds} s)")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    durations = [0.5, 0.1, 0.2, 0.3, 0.1, 0.3]
    for job, seconds in enumerate(durations, start=1):
        queue.put_nowait((job, seconds))
    queue.shutdown()  # no more jobs; the ones queued are still handed out
    try:
        queue.put_nowait((7, 0.1))
    except asyncio.QueueShutDown as exc:
        print(f"put after shutdown: {type(exc).__name__}")

    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}")
    print("every worker has returned")


if __name__ == "__main__":
    asyncio.run(main())
