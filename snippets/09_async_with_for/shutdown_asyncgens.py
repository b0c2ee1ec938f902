import asyncio

streams = []  # outlives main(), as a cache or a registry would


async def ticker(name, delay, to):
    try:
        for n in range(1, to + 1):
            await asyncio.sleep(delay)
            yield n
    finally:
        print(f"{name}: finally")


async def main():
    gen = ticker("forgotten", 0.1, 5)
    streams.append(gen)
    print("tick", await anext(gen))
    print("main: returning")


if __name__ == "__main__":
    asyncio.run(main())
