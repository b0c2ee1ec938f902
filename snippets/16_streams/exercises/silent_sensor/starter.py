import asyncio


async def sensor(reader):
    for line in [b"temp=21\n", b"temp=22\n", b"temp=23\n"]:
        reader.feed_data(line)
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.8)  # the sensor goes silent...
    reader.feed_eof()  # ...and hangs up only much later


async def show(reader):
    async for line in reader:
        print("reading:", line.decode().rstrip("\n"))
    print("the sensor hung up")


async def main():
    reader = asyncio.StreamReader()
    feeding = asyncio.create_task(sensor(reader))
    await show(reader)
    feeding.cancel()


asyncio.run(main())
