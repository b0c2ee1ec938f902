import asyncio
import time


async def fetch(mirror, seconds):
    try:
        await asyncio.sleep(seconds)  # waiting for the mirror's answer
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: answered")
    return f"data from {mirror}"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        fetch("mirror-a", 0.3),
        fetch("mirror-b", 0.1),
        fetch("mirror-c", 0.2),
    )
    data = results[0]
    print(f"{time.perf_counter() - start:.1f} s: using {data}")


asyncio.run(main())
