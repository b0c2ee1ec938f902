import asyncio
import time


async def download(name, seconds):
    await asyncio.sleep(seconds)  # waiting for the network
    print(f"{name} downloaded")


async def main():
    started = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(download("a.txt", 0.3))
        tg.create_task(download("b.txt", 0.5))
        tg.create_task(download("c.txt", 0.4))
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
