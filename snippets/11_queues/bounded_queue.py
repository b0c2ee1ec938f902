import asyncio


async def producer(queue):
    for n in range(1, 6):
        if queue.full():
            print(f"producer: queue full, waiting to put {n}")
        await queue.put(n)
        print(f"producer: put {n}, {queue.qsize()} in the queue")
    await queue.put(None)


async def consumer(queue):
    while (item := await queue.get()) is not None:
        print(f"consumer: took {item}")
        await asyncio.sleep(0.2)  # the consumer is slower than the producer


async def main():
    queue = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue), name="producer")
        tg.create_task(consumer(queue), name="consumer")


if __name__ == "__main__":
    asyncio.run(main())
