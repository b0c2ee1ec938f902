import asyncio


def still_running():
    """Print the tasks that have not finished yet, except the one asking."""
    me = asyncio.current_task()
    others = [task for task in asyncio.all_tasks() if task is not me]
    # Tasks nobody named (Task-1, Task-2, ...) are someone else's: leave them out.
    ours = [task for task in others if not task.get_name().startswith("Task-")]
    print(f"{me.get_name()} asks: what is still running?")
    for task in sorted(ours, key=lambda task: task.get_name()):
        print(f"  {task.get_name():<14} running {task.get_coro().__qualname__}()")
    if not ours:
        print("  nothing")


async def download(name, seconds):
    await asyncio.sleep(seconds)


async def main():
    asyncio.current_task().set_name("main")
    files = {"a.txt": 0.1, "b.txt": 0.3, "c.txt": 0.5}
    tasks = [
        asyncio.create_task(download(name, seconds), name=f"download {name}")
        for name, seconds in files.items()
    ]
    await asyncio.sleep(0.2)
    still_running()
    await asyncio.gather(*tasks)
    still_running()


if __name__ == "__main__":
    asyncio.run(main())
