import asyncio


class Connection:
    def __init__(self, name):
        self.name = name
        self.closed = False
        self.closing = None

    async def close(self):
        print(f"  {self.name}: closing")
        await asyncio.sleep(0.2)
        self.closed = True
        print(f"  {self.name}: closed")


async def use(conn, shielded):
    try:
        await asyncio.sleep(10)
    finally:
        if shielded:
            conn.closing = asyncio.create_task(conn.close(), name="close")
            await asyncio.shield(conn.closing)
        else:
            await conn.close()


async def main():
    for shielded in (False, True):
        print(f"shielded={shielded}:")
        conn = Connection("db")
        task = asyncio.create_task(use(conn, shielded), name="use")
        await asyncio.sleep(0.1)
        task.cancel()  # starts the clean-up
        await asyncio.sleep(0.1)
        task.cancel()  # a second cancellation, during the clean-up
        try:
            await task
        except asyncio.CancelledError:
            print("  main: task cancelled, closed =", conn.closed)
        await asyncio.sleep(0.2)
        print("  main: a moment later, closed =", conn.closed)


if __name__ == "__main__":
    asyncio.run(main())
