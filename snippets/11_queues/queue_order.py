import asyncio

ITEMS = [(3, "write docs"), (1, "fix the bug"), (2, "review")]


async def main():
    for queue in [asyncio.Queue(), asyncio.LifoQueue(), asyncio.PriorityQueue()]:
        for item in ITEMS:
            await queue.put(item)
        order = []
        while not queue.empty():
            priority, name = await queue.get()
            order.append(name)
        print(f"{type(queue).__name__:>13}: {', '.join(order)}")


if __name__ == "__main__":
    asyncio.run(main())
