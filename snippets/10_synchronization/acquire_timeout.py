import asyncio
import time


def log(start, text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")


async def download(name, seconds, sem, start):
    try:
        async with asyncio.timeout(0.2):  # a limit for the wait only
            await sem.acquire()
    except TimeoutError:
        log(start, f"{name}: no free slot within 0.2 s, giving up")
        return
    try:
        log(start, f"{name} starts")
        await asyncio.sleep(seconds)
    finally:
        sem.release()


async def main():
    sem = asyncio.Semaphore(1)
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(download("big.iso", 0.5, sem, start), name="big.iso")
        tg.create_task(download("small.txt", 0.1, sem, start), name="small.txt")
    log(start, f"done, locked() is {sem.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
