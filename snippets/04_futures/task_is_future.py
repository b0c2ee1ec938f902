import asyncio


async def double(n):
    await asyncio.sleep(0.1)
    return n * 2


def report(future):
    print("callback got:", future.result())


async def main():
    task = asyncio.create_task(double(21))
    print("a Task is a Future:", isinstance(task, asyncio.Future))
    print("isfuture(task):", asyncio.isfuture(task))

    task.add_done_callback(report)
    print("await gave:", await task)


if __name__ == "__main__":
    asyncio.run(main())
