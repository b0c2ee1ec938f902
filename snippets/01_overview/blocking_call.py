import asyncio
import time


async def heartbeat():
    while True:
        print("  heartbeat")
        await asyncio.sleep(0.2)


async def main():
    task = asyncio.create_task(heartbeat())
    print("main: await asyncio.sleep(0.5)")
    await asyncio.sleep(0.5)
    print("main: time.sleep(0.5), which blocks")
    time.sleep(0.5)
    print("main: done")
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
