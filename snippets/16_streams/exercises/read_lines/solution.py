import asyncio


async def sensor(reader):
    # The sensor's data arrives in pieces, 0.2 s apart; a piece may end mid-line.
    for piece in [b"temp=21\nhum", b"idity=40\ntemp=2", b"2\n"]:
        await asyncio.sleep(0.2)
        reader.feed_data(piece)
    reader.feed_eof()  # the sensor hangs up


async def show(reader):
    async for line in reader:  # one line at a time, as soon as it is complete
        print("reading:", line.decode().rstrip("\n"))


async def main():
    reader = asyncio.StreamReader()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sensor(reader))
        tg.create_task(show(reader))


asyncio.run(main())
