import asyncio
import inspect


async def answer():
    await asyncio.sleep(0.1)
    return 42


async def main():
    loop = asyncio.get_running_loop()

    coro = answer()
    task = asyncio.create_task(answer())
    future = loop.create_future()
    loop.call_later(0.2, future.set_result, "set by a callback")

    for name, aw in [("coroutine", coro), ("task", task), ("future", future)]:
        print(f"{name}: awaitable={inspect.isawaitable(aw)}")

    print("await coroutine ->", await coro)
    print("await task      ->", await task)
    print("await future    ->", await future)


if __name__ == "__main__":
    asyncio.run(main())
