import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


async def broken(delay):
    await asyncio.sleep(delay)
    raise ValueError("broken job")


async def main():
    tasks = [
        asyncio.create_task(job("slow", 0.3), name="slow"),
        asyncio.create_task(job("fast", 0.1), name="fast"),
        asyncio.create_task(broken(0.2), name="broken"),
    ]
    async for task in asyncio.as_completed(tasks):
        where = f"tasks[{tasks.index(task)}] {task.get_name()}"
        if task.exception() is None:
            print(f"{where}: {task.result()}")
        else:
            exc = task.exception()
            print(f"{where}: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
