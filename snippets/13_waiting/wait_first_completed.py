import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    start = time.perf_counter()
    tasks = [
        asyncio.create_task(job("slow", 0.3), name="slow"),
        asyncio.create_task(job("fast", 0.1), name="fast"),
        asyncio.create_task(job("mid", 0.2), name="mid"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{time.perf_counter() - start:.1f} s: done {names(done)}")
    print(f"pending {names(pending)}")
    for task in done:
        print(f"{task.get_name()} returned {task.result()}")

    done, pending = await asyncio.wait(pending)
    print(f"{time.perf_counter() - start:.1f} s: done {names(done)}")
    print(f"pending {names(pending)}")

    coro = job("coroutine", 0.1)
    try:
        await asyncio.wait([coro])
    except TypeError as exc:
        print(f"{type(exc).__name__}: {exc}")
        coro.close()


if __name__ == "__main__":
    asyncio.run(main())
