import asyncio


async def main():
    loop = asyncio.get_running_loop()

    failing = loop.create_future()
    loop.call_later(0.1, failing.set_exception, ValueError("sensor offline"))
    try:
        await failing
    except ValueError as exc:
        print(f"await raised {type(exc).__name__}: {exc}")
    exc = failing.exception()
    print(f"exception() returns {type(exc).__name__}: {exc}")

    abandoned = loop.create_future()
    loop.call_later(0.1, abandoned.cancel)
    try:
        await abandoned
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print("cancelled():", abandoned.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
