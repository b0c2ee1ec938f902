import asyncio


async def handle(reader, writer):
    count = 0
    while True:
        try:
            header = await reader.readuntil(b"\n")
            body = await reader.readexactly(int(header))
        except asyncio.IncompleteReadError as exc:
            if exc.partial:
                print(f"server: cut short: {exc.partial!r} of {exc.expected} bytes")
            break
        count += 1
        print(f"server: message {count}: {body!r}")
    print(f"server: end of stream, at_eof() is {reader.at_eof()}")
    writer.write(f"{count} messages\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"5\nhello")
        writer.write(b"11\nhello")  # the rest of this message comes later
        await writer.drain()
        await asyncio.sleep(0.2)
        writer.write(b" world")
        writer.write(b"8\ncut")  # only 3 of 8 bytes
        writer.write_eof()  # no more data from the client
        async for line in reader:  # reads lines until the server closes
            print(f"client: {line.decode().strip()}")
        writer.close()
        await writer.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
