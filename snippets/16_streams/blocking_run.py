import asyncio
import subprocess
import sys
import time

CHILD = "import time; time.sleep(0.3)"


async def timer(name):
    start = time.perf_counter()
    await asyncio.sleep(0.1)
    print(f"{name}: woke up after {time.perf_counter() - start:.1f} s")


async def main():
    waiting = asyncio.create_task(timer("timer 1"))
    await asyncio.sleep(0)  # let the timer start
    subprocess.run([sys.executable, "-c", CHILD])  # blocks the whole event loop
    print("subprocess.run: child finished")
    await waiting

    waiting = asyncio.create_task(timer("timer 2"))
    await asyncio.sleep(0)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", CHILD)
    await proc.wait()  # suspends main(): the timer runs meanwhile
    print("create_subprocess_exec: child finished")
    await waiting


if __name__ == "__main__":
    asyncio.run(main())
