import asyncio
import gc
import warnings


async def save(order):
    print(f"saving {order}")
    await asyncio.sleep(0.1)


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save("order 1")  # no await: makes a coroutine object, runs nothing
        gc.collect()
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")

    await save("order 2")


if __name__ == "__main__":
    asyncio.run(main())
