import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(0.5, "hello"))
    task2 = asyncio.create_task(say_after(1.0, "world"))

    start = time.perf_counter()
    await task1
    await task2
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
