import inspect


def conversation():
    print("  entered at the top")
    name = yield "What is your name?"
    print(f"  re-entered at the first yield with {name!r}")
    city = yield f"Where do you live, {name}?"
    print(f"  re-entered at the second yield with {city!r}")
    return f"{name} lives in {city}"


def main():
    talk = conversation()
    print(inspect.getgeneratorstate(talk))
    print(talk.send(None))
    print(inspect.getgeneratorstate(talk))
    print(talk.send("Mina"))
    try:
        talk.send("Busan")
    except StopIteration as exc:
        print("returned:", exc.value)
    print(inspect.getgeneratorstate(talk))


if __name__ == "__main__":
    main()
