import asyncio
import time

FILES = ["a.zip", "b.zip", "c.zip", "d.zip", "e.zip", "f.zip"]


async def fetch(name):
    """One connection to the server, which allows two connections per client."""
    await asyncio.sleep(0.2)
    return f"{name} downloaded"


async def download(name, sem):
    async with sem:
        print(await fetch(name))


async def main():
    started = time.perf_counter()
    sem = asyncio.Semaphore(2)
    async with asyncio.TaskGroup() as tg:
        for name in FILES:
            tg.create_task(download(name, sem))
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
