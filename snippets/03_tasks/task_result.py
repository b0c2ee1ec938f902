import asyncio


async def fetch_price(item):
    await asyncio.sleep(0.2)
    return len(item) * 100


async def main():
    task = asyncio.create_task(fetch_price("coffee"))
    print("done before await:", task.done())

    price = await task
    print("done after await:", task.done())
    print("await gave:", price)
    print("result() gives:", task.result())


if __name__ == "__main__":
    asyncio.run(main())
