import asyncio


async def worker(name, pause):
    for step in range(1, 4):
        print(f"{name}: step {step}")
        if pause:
            await asyncio.sleep(0)


async def main():
    print("no await between steps:")
    await asyncio.gather(worker("A", pause=False), worker("B", pause=False))

    print("await asyncio.sleep(0) between steps:")
    await asyncio.gather(worker("A", pause=True), worker("B", pause=True))


if __name__ == "__main__":
    asyncio.run(main())
