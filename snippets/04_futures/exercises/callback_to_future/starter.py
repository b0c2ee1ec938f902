import asyncio


def read_sensor(name, on_reading):
    """An older, callback-based API: calls on_reading(value) when the value arrives."""
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, on_reading, 21.5)


async def read(name):
    readings = []
    read_sensor(name, readings.append)
    await asyncio.sleep(0.1)  # the reading should be there by now
    return readings[0] if readings else None


async def main():
    value = await read("kitchen")
    print(f"kitchen: {value}")


asyncio.run(main())
