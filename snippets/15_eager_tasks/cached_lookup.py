import asyncio

cache = {}


async def lookup(key):
    if key in cache:
        return cache[key]  # a hit: returns without ever awaiting
    await asyncio.sleep(0.1)  # a miss: ask the slow server
    cache[key] = key.upper()
    return cache[key]


async def lookups(label, keys):
    tasks = [asyncio.create_task(lookup(key)) for key in keys]
    done = sum(task.done() for task in tasks)
    print(f"{label}: {done} of {len(tasks)} tasks already done after create_task()")
    print(f"{label}: {await asyncio.gather(*tasks)}")


async def main():
    await lookup("a")  # fill the cache with a and b
    await lookup("b")
    keys = ["a", "b", "a", "c", "b", "a"]

    await lookups("normal", keys)

    cache.pop("c")  # forget c, so that both runs have the same one miss
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await lookups("eager", keys)


if __name__ == "__main__":
    asyncio.run(main())
