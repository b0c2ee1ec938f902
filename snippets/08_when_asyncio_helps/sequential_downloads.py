import asyncio
import time


async def download(name, started):
    begin = time.perf_counter() - started
    await asyncio.sleep(0.3)
    end = time.perf_counter() - started
    return f"{name}: {begin:.1f} s -> {end:.1f} s"


async def main():
    names = [f"file{n}" for n in range(1, 6)]
    start = time.perf_counter()
    for name in names:
        print(await download(name, start))
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
