class Pause:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def add_two_generator():
    first = yield "generator: first"
    second = yield "generator: second"
    return first + second


def outer_generator():
    total = yield from add_two_generator()
    return total * 10


async def add_two_coroutine():
    first = await Pause("coroutine: first")
    second = await Pause("coroutine: second")
    return first + second


async def outer_coroutine():
    total = await add_two_coroutine()
    return total * 10


def drive(routine, replies):
    print(f"driving a {type(routine).__name__} object")
    print("  yielded:", routine.send(None))
    for reply in replies:
        try:
            print("  yielded:", routine.send(reply))
        except StopIteration as exc:
            print("  StopIteration.value:", exc.value)


def main():
    drive(outer_generator(), [1, 2])
    drive(outer_coroutine(), [1, 2])


if __name__ == "__main__":
    main()
