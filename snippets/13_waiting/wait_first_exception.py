import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


async def broken(delay):
    await asyncio.sleep(delay)
    raise ValueError("broken job")


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    start = time.perf_counter()
    tasks = [
        asyncio.create_task(job("fast", 0.1), name="fast"),
        asyncio.create_task(broken(0.2), name="broken"),
        asyncio.create_task(job("slow", 0.5), name="slow"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{time.perf_counter() - start:.1f} s: done {names(done)}")
    print(f"pending {names(pending)}")
    for task in done:
        if task.exception() is not None:
            exc = task.exception()
            print(f"{task.get_name()} raised {type(exc).__name__}: {exc}")

    for task in pending:
        task.cancel()
    await asyncio.wait(pending)
    print("slow was cancelled:", tasks[2].cancelled())


if __name__ == "__main__":
    asyncio.run(main())
