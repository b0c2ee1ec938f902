import asyncio
import time


async def count(name, delay, times):
    for i in range(1, times + 1):
        await asyncio.sleep(delay)
        print(f"{name}: {i}")


async def main():
    start = time.perf_counter()
    await asyncio.gather(count("fast", 0.2, 3), count("slow", 0.5, 2))
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
