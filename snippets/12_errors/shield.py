import asyncio
import time


async def save_order(order_id):
    print(f"save_order: saving {order_id}")
    await asyncio.sleep(0.3)
    print(f"save_order: {order_id} saved")
    return f"receipt for {order_id}"


async def handle_request(save_task):
    try:
        receipt = await asyncio.shield(save_task)
    except asyncio.CancelledError:
        print("handle_request: cancelled while waiting")
        raise
    print(f"handle_request: got {receipt}")


async def main():
    start = time.perf_counter()
    save_task = asyncio.create_task(save_order(42), name="save_order")
    request = asyncio.create_task(handle_request(save_task), name="handle_request")
    await asyncio.sleep(0.1)
    request.cancel()
    try:
        await request
    except asyncio.CancelledError:
        print(f"main: request cancelled at {time.perf_counter() - start:.1f} s")
    print("main: save_order done?", save_task.done())
    receipt = await save_task
    print(f"main: {receipt} at {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
