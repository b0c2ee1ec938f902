import asyncio
import time


def blocking_wait(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


async def heartbeat():
    while True:
        print("  heartbeat")
        await asyncio.sleep(0.2)


async def main():
    task = asyncio.create_task(heartbeat())
    print("main: await asyncio.sleep(0.5)")
    await asyncio.sleep(0.5)
    print("main: blocking_wait(0.5), which blocks")
    blocking_wait(0.5)
    print("main: done")
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
