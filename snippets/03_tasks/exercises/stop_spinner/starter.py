import asyncio


async def spinner():
    try:
        while True:
            print("working...")
            await asyncio.sleep(0.1)
    finally:
        print("spinner stopped")


async def compute():
    await asyncio.sleep(0.35)  # the real work
    return 42


async def main():
    spinning = asyncio.create_task(spinner())
    result = await compute()
    spinning.cancel()
    print("result:", result)


asyncio.run(main())
