import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    start = time.perf_counter()
    fast = asyncio.create_task(job("fast", 0.1), name="fast")
    slow = asyncio.create_task(job("slow", 0.5), name="slow")

    done, pending = await asyncio.wait([fast, slow], timeout=0.2)
    print(f"{time.perf_counter() - start:.1f} s: done {names(done)}")
    print(f"pending {names(pending)}")
    print("slow is still running:", not slow.done())

    try:
        await asyncio.wait_for(slow, timeout=0.1)
    except TimeoutError:
        print(f"{time.perf_counter() - start:.1f} s: wait_for raised TimeoutError")
    print("slow was cancelled:", slow.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
