import asyncio


async def download(name):
    print(f"{name}: started")
    try:
        await asyncio.sleep(10)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled while waiting")
        raise
    finally:
        print(f"{name}: closing the connection")


async def main():
    task = asyncio.create_task(download("report.pdf"))
    await asyncio.sleep(0.1)

    print("main: cancel() returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled")

    print("cancelled():", task.cancelled())
    print("done():", task.done())


if __name__ == "__main__":
    asyncio.run(main())
