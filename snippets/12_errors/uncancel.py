import asyncio


async def make_thumbnail():
    await asyncio.sleep(1.0)


async def upload():
    await asyncio.sleep(1.0)


async def optional_thumbnail(limit, uncancel):
    task = asyncio.current_task()
    timer = asyncio.get_running_loop().call_later(limit, task.cancel)
    try:
        await make_thumbnail()
    except asyncio.CancelledError:
        print(f"  thumbnail skipped, cancelling()={task.cancelling()}")
        if uncancel and task.uncancel() > 0:
            raise  # another cancellation is pending: not ours to swallow
    finally:
        timer.cancel()


async def publish(uncancel):
    try:
        async with asyncio.timeout(0.3):
            await optional_thumbnail(0.1, uncancel)
            await upload()
    except TimeoutError:
        print("  publish: TimeoutError")


async def main():
    for uncancel in (False, True):
        print(f"uncancel={uncancel}:")
        task = asyncio.create_task(publish(uncancel), name="publish")
        try:
            await task
        except asyncio.CancelledError:
            print("  main: CancelledError instead of TimeoutError")
        print(f"  cancelled()={task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
