import asyncio


async def worker():
    units = 0
    try:
        while True:
            await asyncio.sleep(0.1)  # one unit of work
            units += 1
    except asyncio.CancelledError:
        print(f"worker: stopping, saving {units} units")
        raise


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(0.35)
    task.cancel()
    try:
        await task
        print("main: the worker finished by itself")
    except asyncio.CancelledError:
        print("main: the worker was cancelled")
    print("cancelled():", task.cancelled())


asyncio.run(main())
