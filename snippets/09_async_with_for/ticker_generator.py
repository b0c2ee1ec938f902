import asyncio
import inspect


async def ticker(delay, to):
    """Counts from 1 to `to`, one number every `delay` seconds."""
    for n in range(1, to + 1):
        await asyncio.sleep(delay)
        yield n


async def double(n):
    await asyncio.sleep(0.1)
    return 2 * n


async def main():
    gen = ticker(0.1, 3)
    print("async generator function:", inspect.isasyncgenfunction(ticker))
    print("async generator:", inspect.isasyncgen(gen))
    async for n in gen:
        print("tick", n)

    squares = [n * n async for n in ticker(0.1, 4)]
    print("squares:", squares)
    odd = {n: n * n async for n in ticker(0.1, 4) if n % 2}
    print("odd:", odd)
    doubled = [await double(n) for n in range(3)]
    print("doubled:", doubled)


if __name__ == "__main__":
    asyncio.run(main())
