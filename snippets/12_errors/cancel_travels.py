import asyncio


async def fetch(url):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"fetch: finally, {url} not fetched")


async def load_report():
    fetch_task = asyncio.create_task(fetch("/report"), name="fetch")
    try:
        return await fetch_task
    finally:
        print("load_report: finally, fetch cancelled:", fetch_task.cancelled())


async def handler():
    try:
        await load_report()
    except asyncio.CancelledError:
        print("handler: CancelledError, passing it on")
        raise


async def main():
    task = asyncio.create_task(handler(), name="handler")
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: handler cancelled:", task.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
