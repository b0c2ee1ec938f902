import asyncio
import time


async def wait(label, seconds):
    print(f"{label}: waiting {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{label}: done")


async def main():
    start = time.perf_counter()
    await wait("first", 0.3)
    await wait("second", 0.5)
    print(f"await, one after another: took {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    first = asyncio.create_task(wait("first", 0.3))
    second = asyncio.create_task(wait("second", 0.5))
    await first
    await second
    print(f"two tasks, at the same time: took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
