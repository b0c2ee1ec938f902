import asyncio


async def buggy_download(sem):
    async with sem:
        await asyncio.sleep(0.1)
        sem.release()  # bug: `async with` releases it again on the way out


async def free_slots(sem):
    count = 0
    while not sem.locked():
        await sem.acquire()
        count += 1
    return count


async def main():
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        sem = kind(3)
        try:
            await buggy_download(sem)
        except ValueError as exc:
            print(f"{kind.__name__}(3): {type(exc).__name__}: {exc}")
        else:
            slots = await free_slots(sem)
            print(f"{kind.__name__}(3): no error, now {slots} free slots")


if __name__ == "__main__":
    asyncio.run(main())
