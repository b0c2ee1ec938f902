import asyncio


async def load_config():
    raise ValueError("bad port 'eighty'")


async def connect(host):
    raise ConnectionRefusedError(f"{host} refused the connection")


async def warm_cache():
    try:
        await asyncio.sleep(1.0)
    except asyncio.CancelledError:
        print("warm_cache: cancelled")
        raise


async def start_app():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(load_config())
        tg.create_task(connect("db"))
        tg.create_task(warm_cache())


async def main():
    try:
        await start_app()
    except ExceptionGroup as group:
        print(f"{type(group).__name__}: {group}")
        for exc in group.exceptions:
            print(f"  {type(exc).__name__}: {exc}")

    try:
        await start_app()
    except* ValueError as group:
        print(f"except* ValueError: {group.exceptions}")
    except* OSError as group:
        print(f"except* OSError: {group.exceptions}")
    print("main: both handlers ran")


if __name__ == "__main__":
    asyncio.run(main())
