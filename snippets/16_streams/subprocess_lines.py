import asyncio
import sys

CHILD = """
import sys, time
name, pause, steps = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
for step in range(1, steps + 1):
    time.sleep(pause)
    sys.stdout.write(f"{name}: step {step} of {steps}\\n")
    sys.stdout.flush()  # send the line now, not when the buffer is full
"""


async def show(stream):
    async for line in stream:  # each line as soon as the child writes it
        print(line.decode().rstrip())


async def run(name, pause, steps):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        name,
        str(pause),
        str(steps),
        stdout=asyncio.subprocess.PIPE,
    )
    printer = asyncio.create_task(show(proc.stdout), name=f"show {name}")
    code = await proc.wait()
    await printer
    print(f"{name}: exit code {code}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(run("slow", 0.45, 2), name="run slow")
        tg.create_task(run("fast", 0.3, 2), name="run fast")


if __name__ == "__main__":
    asyncio.run(main())
