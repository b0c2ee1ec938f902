import asyncio
import time


async def download(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    start = time.perf_counter()
    todo = [
        ("file-1", 0.3),
        ("file-2", 0.1),
        ("file-3", 0.1),
        ("file-4", 0.2),
        ("file-5", 0.2),
    ]
    limit = 2
    pending = set()
    while todo or pending:
        while todo and len(pending) < limit:
            name, delay = todo.pop(0)
            pending.add(asyncio.create_task(download(name, delay), name=name))
            print(f"{time.perf_counter() - start:.1f} s: started {name}")
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            print(f"{time.perf_counter() - start:.1f} s: {task.result()} finished")


if __name__ == "__main__":
    asyncio.run(main())
