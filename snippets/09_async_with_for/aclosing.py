import asyncio
import contextlib


async def ticker(name, delay, to):
    try:
        for n in range(1, to + 1):
            await asyncio.sleep(delay)
            yield n
    finally:
        print(f"{name}: finally")


async def main():
    async with contextlib.aclosing(ticker("ticker", 0.1, 5)) as gen:
        async for n in gen:
            print("tick", n)
            if n == 2:
                break
        print("main: left the loop")
    print("main: left the async with block")

    try:
        async with contextlib.aclosing(ticker("failing", 0.1, 5)) as gen:
            async for n in gen:
                raise ValueError(f"bad tick {n}")
    except ValueError as exc:
        print(f"main caught {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
