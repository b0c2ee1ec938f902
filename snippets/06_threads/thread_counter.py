import contextlib
import threading
import time


class Counter:
    def __init__(self):
        self.value = 0


def increment(counter, lock):
    with lock:
        value = counter.value
        time.sleep(0.001)
        counter.value = value + 1


def worker(counter, times, lock):
    for _ in range(times):
        increment(counter, lock)


def run_threads(lock):
    counter = Counter()
    threads = [
        threading.Thread(target=worker, args=(counter, 20, lock)) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counter.value


def main():
    without_lock = run_threads(contextlib.nullcontext())
    print(f"without a lock: expected {3 * 20}, lost updates: {without_lock < 3 * 20}")
    with_lock = run_threads(threading.Lock())
    print(f"with threading.Lock: expected {3 * 20}, got {with_lock}")


if __name__ == "__main__":
    main()
