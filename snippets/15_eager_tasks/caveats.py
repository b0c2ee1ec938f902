import asyncio


async def show_status(state):
    print(f"  the task sees status={state['status']!r}")


async def lookup():
    return "cached"  # returns without ever awaiting


async def check_current(main_task):
    is_main = asyncio.current_task() is main_task
    print(f"  inside the task: current_task() is main: {is_main}")
    await asyncio.sleep(0.1)


async def tour(main_task):
    # 1. Order: an eager task's first step runs before main's next line.
    state = {"status": "starting"}
    task = asyncio.create_task(show_status(state))
    state["status"] = "ready"
    await task

    # 2. A task that finishes eagerly is done at once and never scheduled.
    task = asyncio.create_task(lookup())
    print(f"  done: {task.done()}, in all_tasks(): {task in asyncio.all_tasks()}")
    print(f"  get_coro() is None: {task.get_coro() is None}")
    print(f"  result: {await task}")

    # 3. The eager step runs inside main's create_task(), as the new task.
    task = asyncio.create_task(check_current(main_task))
    is_main = asyncio.current_task() is main_task
    print(f"  back in main: current_task() is main: {is_main}")
    await task


async def main():
    main_task = asyncio.current_task()
    print("normal tasks:")
    await tour(main_task)

    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("eager tasks:")
    await tour(main_task)


if __name__ == "__main__":
    asyncio.run(main())
