import asyncio


class Counter:
    def __init__(self):
        self.value = 0


async def increment(counter):
    value = counter.value
    await asyncio.sleep(0)
    counter.value = value + 1


async def worker(counter, times):
    for _ in range(times):
        await increment(counter)


async def main():
    counter = Counter()
    await asyncio.gather(*(worker(counter, 1000) for _ in range(3)))
    print(f"expected {3 * 1000}, got {counter.value}")


if __name__ == "__main__":
    asyncio.run(main())
