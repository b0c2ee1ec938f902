import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(0.2, future.set_result, "hello")

    print("done before await:", future.done())
    try:
        future.result()
    except asyncio.InvalidStateError as exc:
        print(f"result() too early: {type(exc).__name__}: {exc}")

    value = await future
    print("done after await:", future.done())
    print("await gave:", value)
    print("result() gives:", future.result())


if __name__ == "__main__":
    asyncio.run(main())
