import asyncio
import time


async def handle(reader, writer):
    request = await reader.readline()
    name, seconds = request.decode().split()
    asyncio.current_task().set_name(f"serve {name}")
    await asyncio.sleep(float(seconds))  # slow work for this client
    writer.write(f"done for {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, seconds):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name} {seconds}\n".encode())
    await writer.drain()
    reply = await reader.readline()
    print(f"{name}: {reply.decode().strip()}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = time.perf_counter()
    async with server:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(client(port, "ann", 0.3), name="client ann")
            tg.create_task(client(port, "bob", 0.1), name="client bob")
            tg.create_task(client(port, "cy", 0.2), name="client cy")
    print(f"3 clients served in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
