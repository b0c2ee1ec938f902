import asyncio
import time


async def handle(reader, writer):
    request = (await reader.readline()).decode().strip()
    await asyncio.sleep(0.1 if request == "quick" else 0.5)
    if reader.at_eof():
        print(f"server: the client has gone, no answer to {request!r}")
    else:
        writer.write(f"answer to {request}\n".encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ask(server, request):
    host, port = server.sockets[0].getsockname()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"{request}\n".encode())
    await writer.drain()
    try:
        async with asyncio.timeout(0.3):
            reply = await reader.readline()
        print(f"client: {reply.decode().strip()}")
    except TimeoutError:
        print(f"client: no answer to {request!r} within 0.3 s, giving up")
    writer.close()
    await writer.wait_closed()


async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as handlers:

        def on_connect(reader, writer):
            handlers.create_task(handle(reader, writer), name="handle")

        server = await asyncio.start_server(on_connect, "127.0.0.1", 0)
        async with server:
            await ask(server, "quick")
            await ask(server, "slow")
    print(f"every handler done after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
