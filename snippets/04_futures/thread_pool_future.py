import time
from concurrent.futures import ThreadPoolExecutor


def return_after(seconds, message):
    time.sleep(seconds)
    return message


def main():
    with ThreadPoolExecutor(max_workers=3) as pool:
        future = pool.submit(return_after, 0.5, "hello")
        print("done:", future.done())
        time.sleep(0.7)
        print("done:", future.done())
        print("result:", future.result())


if __name__ == "__main__":
    main()
