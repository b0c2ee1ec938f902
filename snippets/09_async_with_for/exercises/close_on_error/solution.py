import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connect(name):
    print(f"{name}: open")
    await asyncio.sleep(0.1)  # the handshake with the server
    try:
        yield name
    finally:
        await asyncio.sleep(0.1)  # saying goodbye to the server
        print(f"{name}: closed")


async def main():
    async with connect("db1") as db:
        await asyncio.sleep(0.1)  # a query
        print(f"{db}: query done")

    try:
        async with connect("db2") as db:
            raise ValueError(f"{db}: bad row")
    except ValueError as exc:
        print(f"main caught ValueError: {exc}")

    try:
        async with asyncio.timeout(0.3):
            async with connect("db3") as db:
                await asyncio.sleep(10)  # a query that hangs
    except TimeoutError:
        print("main: db3 timed out")


asyncio.run(main())
