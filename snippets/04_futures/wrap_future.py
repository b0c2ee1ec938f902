import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def blocking_io(seconds):
    time.sleep(seconds)
    return f"slept {seconds} s in a worker thread"


async def ticker():
    for n in range(1, 4):
        await asyncio.sleep(0.2)
        print(f"tick {n}")


async def main():
    pool = ThreadPoolExecutor(max_workers=2)
    try:
        future = pool.submit(blocking_io, 0.5)
        try:
            await future
        except TypeError as exc:
            print(f"await future: {type(exc).__name__}")

        start = time.perf_counter()
        result, _ = await asyncio.gather(asyncio.wrap_future(future), ticker())
        print(result)
        print(f"took {time.perf_counter() - start:.1f} s")
    finally:
        # shutdown() waits for the pool's threads: wait in a thread, not on the loop
        await asyncio.to_thread(pool.shutdown)


if __name__ == "__main__":
    asyncio.run(main())
