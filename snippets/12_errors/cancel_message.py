import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        task = asyncio.current_task()
        print(f"worker: args={exc.args}, cancelling()={task.cancelling()}")
        raise


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(0.1)
    print("cancel():", task.cancel("user pressed stop"))
    print("cancel():", task.cancel("shutting down"))
    print(f"cancelling()={task.cancelling()}, cancelled()={task.cancelled()}")
    try:
        await task
    except asyncio.CancelledError as exc:
        print(f"main: args={exc.args}")
    print(f"cancelling()={task.cancelling()}, cancelled()={task.cancelled()}")
    print("cancel() once done:", task.cancel())


if __name__ == "__main__":
    asyncio.run(main())
