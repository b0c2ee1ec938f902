"""Stop the spinner: main() cancels the spinner task and waits until it has stopped before it
prints the result."""

STARTER_FAILS_WITH = "before the spinner stopped"
PASSED = {
    "en": "cancel() only asked the spinner to stop; awaiting the task waited until its "
    "finally block had run and it was really cancelled.",
    "ko": "cancel()은 스피너에 멈추라고 요청만 했고, 태스크를 어웨이트해서 finally 블록이 "
    "실행되고 태스크가 실제로 취소될 때까지 기다렸습니다.",
}


def _index(lines, start):
    return next((i for i, line in enumerate(lines) if line.startswith(start)), None)


def check(run):
    spinners = run.tasks_named("spinner(")
    if not spinners:
        return run.fail(
            "The spinner did not run as a task: keep the line that creates it.",
            "스피너가 태스크로 실행되지 않았습니다. 스피너를 만드는 줄은 그대로 두십시오.",
        )
    result_at = _index(run.lines, "result")
    if result_at is None:
        return run.fail(
            "main() never printed the result.",
            "main()이 결과를 출력하지 않았습니다.",
        )
    stopped_at = _index(run.lines, "spinner stopped")
    if stopped_at is None or stopped_at > result_at:
        return run.fail(
            "main() printed the result before the spinner stopped: cancel() only asks, and "
            "the spinner stops later, the next time the event loop runs it. Wait for the "
            "cancelled task before you print the result.",
            "main()이 스피너가 멈추기 전에 결과를 출력했습니다. cancel()은 요청만 할 뿐이고, "
            "스피너는 나중에 이벤트 루프가 그것을 다시 실행할 때 멈춥니다. 결과를 출력하기 "
            "전에 취소한 태스크를 기다리십시오.",
            timeline=True,
        )
    spinner = spinners[0]
    if spinner.state == "done":
        return run.fail(
            "The spinner caught the CancelledError and returned, so it counts as finished, "
            "not cancelled. Leave spinner() as it was: clean up in finally and let the "
            "cancellation propagate.",
            "스피너가 CancelledError를 잡고 반환해서, 취소된 것이 아니라 끝난 것으로 "
            "처리되었습니다. spinner()는 원래대로 두십시오. 정리 작업은 finally에서 하고 "
            "취소는 전파되게 하십시오.",
        )
    if spinner.state == "error":
        return run.fail(
            f"The spinner ended with {spinner.error} instead of being cancelled.",
            f"스피너가 취소되지 않고 예외를 일으키며 끝났습니다: {spinner.error}.",
        )
    main = run.tasks_named("main(")
    if main and "asyncio.sleep(0)" in main[0].waited_on:
        return run.fail(
            "asyncio.sleep(0) gave the spinner one turn, which is just enough here because "
            "its cleanup takes a single step. Await the task itself: that waits however "
            "long its cleanup takes.",
            "asyncio.sleep(0)은 스피너에 한 차례를 주었고, 여기서는 정리 작업이 한 단계로 "
            "끝나서 우연히 충분했을 뿐입니다. 태스크 자체를 어웨이트하십시오. 그래야 정리 "
            "작업이 얼마나 걸리든 기다립니다.",
        )
    return None
