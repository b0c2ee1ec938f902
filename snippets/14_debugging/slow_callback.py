import asyncio
import logging
import re
import time


class PrintSlowSteps(logging.Handler):
    """Prints asyncio's "Executing <Task ...> took 0.101 seconds" warnings to stdout,
    keeping the task's name and the time to a tenth of a second (the full message has
    file paths and timings that change from run to run)."""

    def emit(self, record):
        task_repr, seconds = record.args
        name = re.search(r"name='([^']*)'", task_repr).group(1)
        print(f"{record.levelname} from asyncio: task {name!r} took {seconds:.1f} s")


async def work(seconds):
    time.sleep(seconds)  # blocks the whole event loop: there is no await
    await asyncio.sleep(0)


async def main():
    logging.getLogger("asyncio").addHandler(PrintSlowSteps())
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    print(f"slow_callback_duration: {loop.slow_callback_duration} s")

    loop.slow_callback_duration = 0.05  # report anything longer than 50 ms
    async with asyncio.TaskGroup() as tg:
        tg.create_task(work(0.01), name="quick")
        tg.create_task(work(0.2), name="slow")
    print("done")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
