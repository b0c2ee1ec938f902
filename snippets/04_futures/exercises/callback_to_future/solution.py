import asyncio


def read_sensor(name, on_reading):
    """An older, callback-based API: calls on_reading(value) when the value arrives."""
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, on_reading, 21.5)


async def read(name):
    future = asyncio.get_running_loop().create_future()
    read_sensor(name, future.set_result)
    return await future


async def main():
    value = await read("kitchen")
    print(f"kitchen: {value}")


asyncio.run(main())
