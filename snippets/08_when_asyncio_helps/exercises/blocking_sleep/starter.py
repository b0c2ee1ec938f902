import asyncio
import time


async def ping(host, seconds):
    time.sleep(seconds)  # waiting for the host to answer
    print(f"{host} is up")


async def main():
    started = time.perf_counter()
    await asyncio.gather(
        ping("db.local", 0.3),
        ping("cache.local", 0.2),
        ping("web.local", 0.4),
    )
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
