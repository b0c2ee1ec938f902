def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def main():
    avg = averager()
    try:
        avg.send(10)
    except TypeError as exc:
        print(f"{type(exc).__name__}: {exc}")

    print("send(None) starts it, like next():", avg.send(None))
    print("send(10) ->", avg.send(10))

    try:
        next(avg)
    except TypeError as exc:
        print(f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
