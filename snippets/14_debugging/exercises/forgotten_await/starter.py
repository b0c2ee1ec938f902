import asyncio


async def save(order):
    await asyncio.sleep(0.1)  # writing to the database
    print(f"order {order}: saved")


async def notify(order):
    await asyncio.sleep(0.1)  # sending the e-mail
    print(f"order {order}: customer notified")


def finish(order):
    notify(order)
    print(f"order {order}: done")


async def handle(order):
    await save(order)
    finish(order)


async def main():
    async with asyncio.TaskGroup() as tg:
        for order in (1, 2, 3):
            tg.create_task(handle(order))


asyncio.run(main())
