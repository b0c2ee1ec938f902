import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)  # waiting for the server
    print(f"{name}: reply after {seconds} s")


async def fetch_with_warning(name, seconds):
    loop = asyncio.get_running_loop()
    warning = loop.call_later(0.3, print, f"{name}: still waiting after 0.3 s...")
    try:
        await fetch(name, seconds)
    finally:
        warning.cancel()


async def main():
    await fetch_with_warning("fast", 0.1)
    await fetch_with_warning("slow", 0.5)


asyncio.run(main())
