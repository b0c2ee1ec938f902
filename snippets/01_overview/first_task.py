import asyncio


async def brew_coffee():
    print("coffee: started")
    await asyncio.sleep(0.5)
    print("coffee: ready")
    return "coffee"


async def main():
    task = asyncio.create_task(brew_coffee())
    print("main: task created, making toast")
    await asyncio.sleep(0.2)
    print("main: toast ready")
    drink = await task
    print(f"main: breakfast is toast and {drink}")


if __name__ == "__main__":
    asyncio.run(main())
