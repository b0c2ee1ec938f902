import asyncio


async def producer(queue):
    for item in ["apple", "banana", "cherry"]:
        await asyncio.sleep(0.2)  # making an item takes a while
        print(f"producer: put {item}")
        await queue.put(item)
    await queue.put(None)  # tells the consumer that nothing more is coming


async def consumer(queue):
    while True:
        print("consumer: waiting")
        item = await queue.get()
        if item is None:
            break
        print(f"consumer: got {item}")
    print("consumer: done")


async def main():
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue), name="producer")
        tg.create_task(consumer(queue), name="consumer")


if __name__ == "__main__":
    asyncio.run(main())
