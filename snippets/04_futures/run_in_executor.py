import asyncio
import functools
import time


def blocking_io(name, seconds=0.2):
    time.sleep(seconds)
    return f"{name}: done"


async def main():
    loop = asyncio.get_running_loop()

    result = await loop.run_in_executor(None, blocking_io, "run_in_executor")
    print(result)

    call = functools.partial(blocking_io, "partial", seconds=0.1)
    print(await loop.run_in_executor(None, call))

    print(await asyncio.to_thread(blocking_io, "to_thread", seconds=0.1))


if __name__ == "__main__":
    asyncio.run(main())
