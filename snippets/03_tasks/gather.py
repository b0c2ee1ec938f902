import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name.upper()


async def broken(delay):
    await asyncio.sleep(delay)
    raise ValueError("broken job")


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2))
    print(results)
    print(f"took {time.perf_counter() - start:.1f} s")

    results = await asyncio.gather(job("ok", 0.1), broken(0.2), return_exceptions=True)
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
