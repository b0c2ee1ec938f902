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
    files = []
    for name in names:
        files.append(await fetch(name))
    sums = await asyncio.gather(*(verify(data) for data in files))  # to save time?
    print("checksums:", sums)
    print(f"took {time.perf_counter() - started:.1f} s")


asyncio.run(main())
