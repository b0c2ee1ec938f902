import asyncio


def say(message):
    print(message)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    loop.call_later(0.2, say, "call_later(0.2, ...) ran")
    loop.call_later(0.1, say, "call_later(0.1, ...) ran")
    handle = loop.call_later(0.15, say, "this one is cancelled")
    loop.call_soon(say, "call_soon: first in line")
    loop.call_soon(say, "call_soon: second in line")
    loop.call_later(0.3, done.set_result, None)
    handle.cancel()

    print("main: callbacks scheduled, none has run yet")
    await done
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
