import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    print(f"server: got {line!r}")
    writer.write(line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    async with server:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(b"hello\n")
        await writer.drain()
        reply = await reader.readline()
        print(f"client: got {reply!r}")
        writer.close()
        await writer.wait_closed()
    print("server closed")


if __name__ == "__main__":
    asyncio.run(main())
