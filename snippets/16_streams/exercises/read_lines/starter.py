import asyncio


async def sensor(reader):
    # The sensor's data arrives in pieces, 0.2 s apart; a piece may end mid-line.
    for piece in [b"temp=21\nhum", b"idity=40\ntemp=2", b"2\n"]:
        await asyncio.sleep(0.2)
        reader.feed_data(piece)
    reader.feed_eof()  # the sensor hangs up


async def show(reader):
    data = await reader.read()  # everything, up to the end of the stream
    for line in data.decode().splitlines():
        print("reading:", line)


async def main():
    reader = asyncio.StreamReader()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sensor(reader))
        tg.create_task(show(reader))


asyncio.run(main())
