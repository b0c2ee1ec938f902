import asyncio


async def greet(name):
    print(f"hello, {name}")
    await asyncio.sleep(0.1)
    return len(name)


async def main():
    length = await greet("Ada")
    print("greet returned", length)
    length = await greet("Grace")
    print("greet returned", length)


if __name__ == "__main__":
    asyncio.run(main())
