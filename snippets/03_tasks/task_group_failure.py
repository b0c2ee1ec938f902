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
    start = time.perf_counter()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fast", 0.1))
            tg.create_task(broken(0.2))
            tg.create_task(job("slow", 0.5))
    except* ValueError as group:
        elapsed = time.perf_counter() - start
        for exc in group.exceptions:
            print(f"main: caught {type(exc).__name__}: {exc} at {elapsed:.1f} s")

    await asyncio.sleep(0.5)  # main goes on with other work
    print(f"main: done at {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
