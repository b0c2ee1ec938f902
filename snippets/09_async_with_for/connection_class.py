import asyncio


class Connection:
    """A pretend database connection: opening and closing it takes time."""

    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: connecting")
        await asyncio.sleep(0.1)  # the handshake with the server
        print(f"{self.name}: connected")
        return self  # bound to the name after "as"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.name}: closing, exception: {exc!r}")
        await asyncio.sleep(0.1)  # saying goodbye to the server
        print(f"{self.name}: closed")
        return False  # do not suppress the exception

    async def query(self, sql):
        await asyncio.sleep(0.1)
        return f"rows of {sql!r}"


async def main():
    async with Connection("db1") as conn:
        print(await conn.query("SELECT 1"))
    print("after the first block")

    try:
        async with Connection("db2") as conn:
            raise ValueError("bad row")
    except ValueError as exc:
        print(f"main caught {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
