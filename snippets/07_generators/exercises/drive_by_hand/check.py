"""Drive a coroutine by hand: resume it with send(None) to its end and return its result."""

STARTER_FAILS_WITH = "only once"
PASSED = {
    "en": "run_by_hand() did what a Task does: it resumed brew() with send(None) until "
    "StopIteration, and took the result from StopIteration.value.",
    "ko": "run_by_hand()는 태스크가 하는 일을 했습니다. StopIteration이 일어날 때까지 "
    "send(None)으로 brew()를 다시 실행했고, 결과는 StopIteration.value에서 꺼냈습니다.",
}

LABELS = ("boiling water", "steeping tea in hot water")
RESULT = "a cup of tea"


def after(run, prefix):
    """What follows `prefix` on each line of the output that starts with it."""
    return [
        line[len(prefix) :].strip() for line in run.lines if line.startswith(prefix)
    ]


def check(run):
    paused = after(run, "paused:")
    if paused[:1] != [LABELS[0]]:
        return run.fail(
            f"run_by_hand() must print 'paused: {LABELS[0]}' first: start the coroutine "
            "with send(None) and print the label that comes out.",
            f"run_by_hand()는 먼저 'paused: {LABELS[0]}' 줄을 출력해야 합니다. send(None)으로 "
            "코루틴을 시작하고 나온 레이블을 출력하십시오.",
        )
    if paused == [LABELS[0]]:
        return run.fail(
            f"run_by_hand() resumed brew() only once: it paused at '{LABELS[0]}' and "
            f"never went on to '{LABELS[1]}'. A coroutine is not finished until send() "
            "raises StopIteration: keep calling send(None) until it does.",
            f"run_by_hand()는 brew()를 한 번만 실행했습니다. brew()는 '{LABELS[0]}'에서 "
            f"멈춘 채 '{LABELS[1]}'까지 가지 못했습니다. 코루틴은 send()가 "
            "StopIteration을 일으켜야 끝납니다. 그때까지 send(None)을 계속 호출하십시오.",
        )
    if paused != list(LABELS):
        shown = ", ".join(f"'{label}'" for label in paused)
        return run.fail(
            f"run_by_hand() printed the pauses {shown}; brew() pauses exactly twice, at "
            f"'{LABELS[0]}' and then at '{LABELS[1]}': print each label once, as it "
            "comes out of send().",
            f"run_by_hand()가 출력한 멈춤은 {shown}입니다. brew()는 '{LABELS[0]}'에서, "
            f"이어서 '{LABELS[1]}'에서 정확히 두 번 멈춥니다. 레이블은 send()에서 나올 "
            "때마다 한 번씩 출력하십시오.",
        )
    results = after(run, "result:")
    if not results:
        return run.fail(
            "main() must still print the result, on a line that starts with 'result:'.",
            "main()은 여전히 'result:'로 시작하는 줄에 결과를 출력해야 합니다.",
        )
    if results != [RESULT]:
        got = results[-1]
        if got in LABELS:
            return run.fail(
                f"run_by_hand() returned '{got}', the last label that came out of send(), "
                "not what brew() returned. When a coroutine returns, send() raises "
                "StopIteration, and the return value travels in it: catch it and return "
                "its value.",
                "run_by_hand()가 돌려준 값은 brew()의 반환값이 아니라 send()에서 마지막으로 "
                f"나온 레이블({got})입니다. 코루틴이 반환하면 send()가 StopIteration을 "
                "일으키고, 반환값은 그 예외에 담겨 옵니다. 예외를 잡아서 그 value를 "
                "돌려주십시오.",
            )
        return run.fail(
            f"main() printed the result {got!r}, but brew() returns {RESULT!r}: "
            "run_by_hand() must return what the coroutine returned, StopIteration.value.",
            f"brew()는 {RESULT!r}를 반환하는데 main()이 출력한 결과는 {got!r}입니다. "
            "run_by_hand()는 코루틴이 반환한 값, 곧 StopIteration.value를 돌려주어야 "
            "합니다.",
        )
    if not run.uses("StopIteration"):
        return run.fail(
            "main() printed the right result, but run_by_hand() did not get it from the "
            "coroutine: when brew() returns, send() raises StopIteration with the return "
            "value in it. Catch it and return its value.",
            "main()이 올바른 결과를 출력했지만, run_by_hand()는 그 결과를 코루틴에서 받지 "
            "않았습니다. brew()가 반환하면 send()가 반환값을 담은 StopIteration을 "
            "일으킵니다. 그 예외를 잡아서 value를 돌려주십시오.",
        )
    return None
