class Pause:
    """An awaitable that suspends once: its label comes out of send()."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


async def boil():
    await Pause("boiling water")
    return "hot water"


async def brew():
    water = await boil()
    await Pause(f"steeping tea in {water}")
    return "a cup of tea"


def run_by_hand(coro):
    """Plays the event loop's part: runs coro to its end and returns its result."""
    while True:
        try:
            label = coro.send(None)  # runs coro up to its next pause
        except StopIteration as finished:
            return finished.value  # what coro returned
        print("paused:", label)


def main():
    print("result:", run_by_hand(brew()))


main()
