import asyncio
import time


async def job(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: finished")
    return name.upper()


async def broken(delay):
    await asyncio.sleep(delay)
    raise ValueError("broken job")


async def main():
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(job("first", 0.1))
        second = tg.create_task(job("second", 0.2))
    print("results:", first.result(), second.result())

    start = time.perf_counter()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fast", 0.1))
            tg.create_task(broken(0.2))
            tg.create_task(job("slow", 1.0))
    except* ValueError as group:
        for exc in group.exceptions:
            print(f"caught {type(exc).__name__}: {exc}")
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
