import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connect(name):
    print(f"{name}: connecting")
    await asyncio.sleep(0.1)
    print(f"{name}: connected")
    try:
        yield name  # the block of "async with" runs here
    except BaseException as exc:
        print(f"{name}: {type(exc).__name__} raised at the yield")
        raise
    finally:
        print(f"{name}: closing")
        await asyncio.sleep(0.1)
        print(f"{name}: closed")


async def main():
    async with connect("db1") as conn:
        print(f"{conn}: querying")
        await asyncio.sleep(0.1)

    try:
        async with connect("db2") as conn:
            raise ValueError("bad row")
    except ValueError as exc:
        print(f"main caught {type(exc).__name__}: {exc}")

    try:
        async with asyncio.timeout(0.3):
            async with connect("db3") as conn:
                print(f"{conn}: a slow query")
                await asyncio.sleep(10)
    except TimeoutError:
        print("main: the slow query timed out")


if __name__ == "__main__":
    asyncio.run(main())
