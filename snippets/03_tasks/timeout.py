import asyncio
import time


async def query(seconds):
    await asyncio.sleep(seconds)
    return "rows"


async def main():
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.2):
            rows = await query(1.0)
            print("got", rows)
    except TimeoutError:
        print("the slow query timed out")
    print(f"took {time.perf_counter() - start:.1f} s")

    async with asyncio.timeout(1.0):
        rows = await query(0.3)
    print("the quick query got", rows)


if __name__ == "__main__":
    asyncio.run(main())
