import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

NAMES = [f"file{n}" for n in range(1, 6)]


def download(name, started):
    begin = time.perf_counter() - started
    time.sleep(0.3)
    end = time.perf_counter() - started
    return f"{name}: {begin:.1f} s -> {end:.1f} s"


def with_thread_pool():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as pool:
        futures = [pool.submit(download, name, start) for name in NAMES]
        results = [future.result() for future in futures]
    for line in results:
        print(line)
    print(f"ThreadPoolExecutor took {time.perf_counter() - start:.1f} s")


async def with_to_thread():
    start = time.perf_counter()
    results = await asyncio.gather(
        *(asyncio.to_thread(download, name, start) for name in NAMES)
    )
    for line in results:
        print(line)
    print(f"asyncio.to_thread took {time.perf_counter() - start:.1f} s")


def main():
    with_thread_pool()
    asyncio.run(with_to_thread())


if __name__ == "__main__":
    main()
