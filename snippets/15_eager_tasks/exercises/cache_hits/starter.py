import asyncio

cache = {}


async def fetch(key):
    await asyncio.sleep(0.1)  # ask the slow server
    return key.upper()


async def lookup(key):
    value = await fetch(key)
    cache[key] = value
    return value


async def main():
    await asyncio.gather(lookup("a"), lookup("b"))  # fills the cache with a and b
    tasks = [asyncio.create_task(lookup(key)) for key in ["a", "b", "a", "c", "b", "a"]]
    await asyncio.sleep(0)  # one turn of the event loop: each task runs its first step
    done = sum(task.done() for task in tasks)
    print(f"{done} of {len(tasks)} lookups done after one turn")
    print(await asyncio.gather(*tasks))


asyncio.run(main())
