import asyncio
import time


def checksum(data):
    total = 0
    for char in data:  # computing: keeps the CPU busy, never waits
        total = (total * 31 + ord(char)) % 1_000_003
    return total


async def fetch(name):
    await asyncio.sleep(0.3)  # waiting for the server
    return name * 500_000  # the file's contents


async def verify(data):
    return checksum(data)


async def main():
    names = ["a", "b", "c", "d"]
    started = time.perf_counter()
    files = await asyncio.gather(*(fetch(name) for name in names))
    sums = [await verify(data) for data in files]
    print("checksums:", sums)
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
