import asyncio


async def worker(name, chunks):
    for chunk in range(1, chunks + 1):
        print(f"{name}: chunk {chunk}")  # a quick step of work, no waiting
        await asyncio.sleep(0)  # let the other worker have a turn
    print(f"{name}: finished")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("A", 3))
        tg.create_task(worker("B", 3))
    print("main: both workers are done")


asyncio.run(main())
