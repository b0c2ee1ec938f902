import asyncio


async def greet(name):
    print(f"{name}: first line")
    await asyncio.sleep(0.1)
    print(f"{name}: after the await")


async def main():
    # Default factory: only the task that asks for it starts eagerly.
    eager = asyncio.create_task(greet("eager_start=True"), eager_start=True)
    print("main: created it")
    await eager

    # Eager factory: one task can still ask to wait for the event loop.
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    normal = asyncio.create_task(greet("eager_start=False"), eager_start=False)
    print("main: created it")
    await normal


if __name__ == "__main__":
    asyncio.run(main())
