import asyncio
import time


async def check_site(name, seconds):
    await asyncio.sleep(seconds)  # waiting for the site to answer
    return f"{name} is up"


async def main():
    start = time.perf_counter()
    sites = {"slow.example": 0.3, "fast.example": 0.1, "mid.example": 0.2}
    checks = [check_site(name, seconds) for name, seconds in sites.items()]
    results = await asyncio.gather(*checks)
    for result in results:
        print(f"{time.perf_counter() - start:.1f} s: {result}")


asyncio.run(main())
