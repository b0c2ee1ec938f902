def subroutine():
    print("subroutine: runs from the top to return")
    return "result"


def countdown(start):
    print("countdown: started")
    n = start
    while n > 0:
        yield n
        n -= 1
    print("countdown: finished")
    return "liftoff"


def main():
    print(subroutine())

    gen = countdown(3)
    print("generator created, no line of its body has run yet")
    print(next(gen))
    print(next(gen))
    print(next(gen))
    try:
        next(gen)
    except StopIteration as exc:
        print(f"StopIteration, value: {exc.value}")

    print("a for loop hides StopIteration:")
    for n in countdown(2):
        print(n)


if __name__ == "__main__":
    main()
