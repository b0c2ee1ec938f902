import asyncio
import time


def log(start, text):
    print(f"{time.perf_counter() - start:.1f} s: {text}")


async def download(name, gate, start):
    await gate.wait()
    log(start, f"{name} starts")
    await asyncio.sleep(0.2)


async def main():
    gate = asyncio.Event()
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 4):
            name = f"file{n:02}"
            tg.create_task(download(name, gate, start), name=name)
        await asyncio.sleep(0.2)  # loading the settings
        log(start, f"is_set() is {gate.is_set()}, calling set()")
        gate.set()

        await asyncio.sleep(0.1)
        gate.clear()
        log(start, f"clear(): is_set() is {gate.is_set()}")
        tg.create_task(download("file04", gate, start), name="file04")

        await asyncio.sleep(0.2)
        log(start, "calling set() again")
        gate.set()


if __name__ == "__main__":
    asyncio.run(main())
