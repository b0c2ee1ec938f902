import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


async def main():
    start = time.perf_counter()
    coros = [job("slow", 0.3), job("fast", 0.1), job("mid", 0.2)]
    tasks = [asyncio.create_task(coro) for coro in coros]
    for next_done in asyncio.as_completed(tasks):
        result = await next_done
        print(f"{time.perf_counter() - start:.1f} s: {result}")


if __name__ == "__main__":
    asyncio.run(main())
