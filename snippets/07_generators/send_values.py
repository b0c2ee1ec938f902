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
    print("next() runs to the first yield:", next(avg))
    print("send(10) ->", avg.send(10))
    print("send(20) ->", avg.send(20))
    print("send(60) ->", avg.send(60))
    avg.close()


if __name__ == "__main__":
    main()
