import asyncio


async def receive():
    for number, gap in enumerate((0.1, 0.1, 0.1, 0.3), start=1):
        await asyncio.sleep(gap)
        yield f"chunk {number}"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout_at(start + 0.2) as idle:
            async for chunk in receive():
                print(f"{loop.time() - start:.1f} s: {chunk}")
                idle.reschedule(loop.time() + 0.2)
    except TimeoutError:
        print(f"{loop.time() - start:.1f} s: no chunk for 0.2 s")
    print("expired():", idle.expired())


if __name__ == "__main__":
    asyncio.run(main())
