import asyncio

background_tasks = set()


async def send_email(to):
    await asyncio.sleep(0.1)
    print(f"email sent to {to}")


async def main():
    for to in ["ann", "bob", "kim"]:
        task = asyncio.create_task(send_email(to))
        background_tasks.add(task)
        task.add_done_callback(background_tasks.discard)

    print("tasks kept:", len(background_tasks))
    await asyncio.sleep(0.3)
    print("tasks kept:", len(background_tasks))


if __name__ == "__main__":
    asyncio.run(main())
