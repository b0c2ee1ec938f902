import asyncio


async def fetch_pages(count):
    """Fetches the pages of search results, one request each."""
    for n in range(1, count + 1):
        await asyncio.sleep(0.2)  # one request to the server
        print(f"fetched page {n}")
        yield f"page {n}"


async def main():
    async for page in fetch_pages(3):
        print(f"showing {page}")


asyncio.run(main())
