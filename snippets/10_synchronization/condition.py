import asyncio
import time


def log(start, text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")


class Shelf:
    def __init__(self):
        self.files = []
        self.done = False
        self.cond = asyncio.Condition()


async def downloader(shelf, start):
    for n in range(1, 4):
        await asyncio.sleep(0.1)  # download one file
        async with shelf.cond:
            shelf.files.append(f"file{n:02}")
            shelf.cond.notify()  # one new file: wake one saver
    await asyncio.sleep(0.1)
    async with shelf.cond:
        log(start, "downloader: no more files")
        shelf.done = True
        shelf.cond.notify_all()  # every saver must see this


async def saver(name, shelf, start):
    while True:
        async with shelf.cond:
            await shelf.cond.wait_for(lambda: shelf.files or shelf.done)
            if not shelf.files:
                break
            file = shelf.files.pop(0)
        log(start, f"{name} saves {file}")
        await asyncio.sleep(0.05)  # save it, without holding the lock
    log(start, f"{name} stops")


async def main():
    shelf = Shelf()
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(downloader(shelf, start), name="downloader")
        for name in ("saver-1", "saver-2"):
            tg.create_task(saver(name, shelf, start), name=name)


if __name__ == "__main__":
    asyncio.run(main())
