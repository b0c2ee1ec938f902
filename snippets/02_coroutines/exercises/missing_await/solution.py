import asyncio


async def save(name, text):
    await asyncio.sleep(0.1)  # writing to the disk
    print(f"{name}: saved")
    return len(text)


async def main():
    for name, text in [("notes.txt", "coroutines"), ("todo.txt", "await them all")]:
        size = await save(name, text)
        print(f"{name}: {size} characters")


asyncio.run(main())
