import asyncio


async def which_loop():
    return asyncio.get_running_loop()


async def main():
    loop = asyncio.get_running_loop()
    print("loop is running:", loop.is_running())

    start = loop.time()
    await asyncio.sleep(0.3)
    print(f"loop.time() moved by {loop.time() - start:.1f} s")

    task_loop = await asyncio.create_task(which_loop())
    print("the task runs in the same loop:", task_loop is loop)


if __name__ == "__main__":
    asyncio.run(main())
