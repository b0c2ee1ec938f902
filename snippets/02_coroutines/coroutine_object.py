import asyncio
import inspect


async def greet(name):
    print(f"hello, {name}")
    return len(name)


async def main():
    print("greet is a coroutine function:", inspect.iscoroutinefunction(greet))
    coro = greet("Ada")
    print("greet('Ada') returned a", type(coro).__name__)
    print("it is a coroutine object:", inspect.iscoroutine(coro))
    print("but greet has not printed anything yet")
    coro.close()


if __name__ == "__main__":
    asyncio.run(main())
