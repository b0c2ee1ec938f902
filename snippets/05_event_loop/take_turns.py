import asyncio


async def worker(name, steps):
    for step in range(1, steps + 1):
        print(f"{name}: step {step}")
        await asyncio.sleep(0)
    print(f"{name}: finished")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("A", 3))
        tg.create_task(worker("B", 2))
    print("main: both workers are done")


if __name__ == "__main__":
    asyncio.run(main())
