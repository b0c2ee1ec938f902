import asyncio
import inspect


class Countdown:
    def __init__(self, start):
        self.start = start

    def __await__(self):
        for n in range(self.start, 0, -1):
            print(f"{n}...")
            yield from asyncio.sleep(0.1).__await__()
        return "liftoff"


async def main():
    countdown = Countdown(3)
    print("awaitable:", inspect.isawaitable(countdown))
    print("coroutine:", inspect.iscoroutine(countdown))
    result = await countdown
    print(result)


if __name__ == "__main__":
    asyncio.run(main())
