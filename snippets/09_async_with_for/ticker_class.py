import asyncio


class Ticker:
    """Counts from 1 to `to`, one number every `delay` seconds."""

    def __init__(self, delay, to):
        self.delay = delay
        self.to = to
        self.count = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.count == self.to:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.count += 1
        return self.count


async def main():
    async for n in Ticker(0.1, 3):
        print("tick", n)

    # What each turn of "async for" does, written out:
    iterator = aiter(Ticker(0.1, 2))
    while True:
        try:
            n = await anext(iterator)
        except StopAsyncIteration:
            break
        print("by hand: tick", n)


if __name__ == "__main__":
    asyncio.run(main())
