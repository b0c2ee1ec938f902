import asyncio


async def greet(name):
    print(f"{name}: first line")
    await asyncio.sleep(0.1)
    print(f"{name}: after the await")


async def main():
    task = asyncio.create_task(greet("normal"))
    print("main: created the normal task")
    await task

    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)

    task = asyncio.create_task(greet("eager"))
    print("main: created the eager task")
    await task


if __name__ == "__main__":
    asyncio.run(main())
