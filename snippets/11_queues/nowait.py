import asyncio


async def main():
    queue = asyncio.Queue(maxsize=2)
    print(f"empty: {queue.empty()}, full: {queue.full()}, size: {queue.qsize()}")

    queue.put_nowait("a")
    queue.put_nowait("b")
    print(f"empty: {queue.empty()}, full: {queue.full()}, size: {queue.qsize()}")
    try:
        queue.put_nowait("c")
    except asyncio.QueueFull:
        print("put_nowait: QueueFull")

    print("got", queue.get_nowait(), queue.get_nowait())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait: QueueEmpty")


if __name__ == "__main__":
    asyncio.run(main())
