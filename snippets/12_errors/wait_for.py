import asyncio
import time


async def query(name):
    try:
        await asyncio.sleep(0.5)
        return "rows"
    except asyncio.CancelledError:
        print(f"  {name}: cancelled, closing the cursor")
        await asyncio.sleep(0.1)
        raise


def since(start):
    return f"{time.perf_counter() - start:.1f} s"


async def main():
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.2):
            await query("A")
            print("  never printed")
    except TimeoutError:
        print(f"timeout(): TimeoutError after {since(start)}")

    start = time.perf_counter()
    task = asyncio.create_task(query("B"), name="B")
    try:
        await asyncio.wait_for(task, 0.2)
    except TimeoutError:
        print(f"wait_for(): TimeoutError after {since(start)}")
    print("  B cancelled:", task.cancelled())

    start = time.perf_counter()
    task = asyncio.create_task(query("C"), name="C")
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.2)
    except TimeoutError:
        print(f"wait_for(shield()): TimeoutError after {since(start)}")
    print("  C still gives:", await task, f"after {since(start)}")


if __name__ == "__main__":
    asyncio.run(main())
