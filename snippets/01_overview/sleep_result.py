import asyncio
import time


async def main():
    start = time.perf_counter()
    value = await asyncio.sleep(0.5, result="slept well")
    elapsed = time.perf_counter() - start
    print(value)
    print(f"took {elapsed:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
