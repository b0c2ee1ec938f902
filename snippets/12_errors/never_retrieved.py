import asyncio
import gc

background_tasks = set()


async def send_email(to):
    await asyncio.sleep(0.1)
    raise ConnectionError(f"cannot reach {to}")


def report(loop, context):
    exc = context["exception"]
    print(f"exception handler: {type(exc).__name__}: {exc}")


def log_failure(task):
    background_tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        print(f"log_failure: {task.get_name()} failed: {task.exception()}")


async def main():
    asyncio.get_running_loop().set_exception_handler(report)

    asyncio.create_task(send_email("ann"), name="email to ann")
    await asyncio.sleep(0.2)
    gc.collect()
    print("main: the task for ann is gone")

    task = asyncio.create_task(send_email("bob"), name="email to bob")
    background_tasks.add(task)
    task.add_done_callback(log_failure)
    del task
    await asyncio.sleep(0.2)
    gc.collect()
    print("main: the task for bob is gone")


if __name__ == "__main__":
    asyncio.run(main())
