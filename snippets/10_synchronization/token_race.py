import asyncio


class TokenCache:
    def __init__(self):
        self.token = None
        self.fetches = 0

    async def get(self):
        if self.token is None:
            self.token = await self.fetch()
        return self.token

    async def fetch(self):
        self.fetches += 1
        number = self.fetches
        await asyncio.sleep(0.2)  # a request to the login server
        return f"token-{number}"


async def call_api(name, cache):
    token = await cache.get()
    print(f"{name} uses {token}")


async def main():
    cache = TokenCache()
    async with asyncio.TaskGroup() as tg:
        for name in ("orders", "users", "stock"):
            tg.create_task(call_api(name, cache), name=name)
    print(f"logins: {cache.fetches}")


if __name__ == "__main__":
    asyncio.run(main())
