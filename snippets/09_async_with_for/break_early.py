import asyncio


async def ticker(name, delay, to):
    try:
        for n in range(1, to + 1):
            await asyncio.sleep(delay)
            yield n
    finally:
        print(f"{name}: finally")


async def main():
    async for n in ticker("first", 0.1, 5):
        if n == 2:
            break
    print("main: left the first loop")
    await asyncio.sleep(0)
    print("main: after one turn of the event loop")

    gen = ticker("second", 0.1, 5)
    async for n in gen:
        if n == 2:
            break
    print("main: left the second loop")
    await asyncio.sleep(0.2)
    print("main: the second generator still waits at its yield")
    await gen.aclose()
    print("main: closed it")


if __name__ == "__main__":
    asyncio.run(main())
