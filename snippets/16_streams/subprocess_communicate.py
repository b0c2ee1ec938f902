import asyncio
import sys

CHILD = """
import sys
print(f"hello, {sys.argv[1]}")
sys.exit(3)
"""


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        "asyncio",
        stdout=asyncio.subprocess.PIPE,
    )
    print(f"child started, returncode {proc.returncode}")
    await asyncio.sleep(0.3)  # main() goes on with other work; so does the child
    stdout, stderr = await proc.communicate()
    print(f"stdout {stdout!r}, stderr {stderr!r}")
    print(f"returncode {proc.returncode}")


if __name__ == "__main__":
    asyncio.run(main())
