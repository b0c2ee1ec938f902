import asyncio


def show(graph):
    """Print a FutureCallGraph without the ids and file paths print_call_graph() adds:
    the task, its call stack (innermost first), then the chain of awaiting tasks."""
    print(f"task {graph.future.get_name()!r} is running:")
    for entry in graph.call_stack:
        frame = entry.frame
        print(f"  {frame.f_code.co_qualname}() at line {frame.f_lineno}")
    while graph.awaited_by:
        graph = graph.awaited_by[0]
        if graph.future.get_name().startswith("Task-"):
            break  # a task nobody named: in the browser, the page's runner awaits main
        print(f"awaited by task {graph.future.get_name()!r}")


async def read(name):
    await asyncio.sleep(0.1)
    if name == "b.txt":
        show(asyncio.capture_call_graph())


async def copy(name):
    await read(name)


async def backup(names):
    async with asyncio.TaskGroup() as tg:
        for name in names:
            tg.create_task(copy(name), name=f"copy {name}")


async def main():
    asyncio.current_task().set_name("main")
    await asyncio.create_task(backup(["a.txt", "b.txt"]), name="backup")


if __name__ == "__main__":
    asyncio.run(main())
