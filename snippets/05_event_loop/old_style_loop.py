import asyncio


async def fetch(name):
    await asyncio.sleep(0.1)
    return f"{name}: fetched"


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        print(loop.run_until_complete(fetch("first")))
        print(loop.run_until_complete(fetch("second")))
    finally:
        loop.close()
