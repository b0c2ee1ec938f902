import asyncio
import time


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds} s)"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        download("a.html", 0.3),
        download("b.css", 0.5),
        download("c.js", 0.2),
    )
    elapsed = time.perf_counter() - start
    print(results)
    print(f"took {elapsed:.1f} s, not 1.0 s")


if __name__ == "__main__":
    asyncio.run(main())
