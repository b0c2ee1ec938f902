"""Take turns: the two worker tasks alternate, one chunk each, and both finish."""

STARTER_FAILS_WITH = "in one go"
PASSED = {
    "en": "After each chunk, a worker gave control back to the event loop, which ran the "
    "other worker's next step: the two took turns.",
    "ko": "작업자는 청크 하나를 처리할 때마다 이벤트 루프에 제어권을 돌려주었고, 이벤트 "
    "루프는 다른 작업자의 다음 단계를 실행했습니다. 두 작업자가 번갈아 실행되었습니다.",
}

WORKERS = ("A", "B")
CHUNKS = 3


def check(run):
    for name in WORKERS:
        chunks = [line for line in run.lines if line.startswith(f"{name}: chunk ")]
        if len(chunks) < CHUNKS or f"{name}: finished" not in run.lines:
            return run.fail(
                f"Worker {name} printed {len(chunks)} of its {CHUNKS} chunks"
                + ("" if f"{name}: finished" in run.lines else " and did not finish")
                + ": each worker must still do all its work.",
                f"작업자 {name}는 청크 {CHUNKS}개 중 {len(chunks)}개를 출력했습니다"
                + ("" if f"{name}: finished" in run.lines else ". 끝나지도 않았습니다")
                + ". 작업자마다 할 일을 모두 해야 합니다.",
            )
    if len(run.tasks_named("worker(")) < len(WORKERS):
        return run.fail(
            "The workers are no longer two tasks: main() must still run them as tasks, "
            "so that the event loop can switch between them.",
            "작업자가 더 이상 태스크 두 개가 아닙니다. 이벤트 루프가 둘 사이를 오갈 수 "
            "있도록 main()은 작업자를 태스크로 실행해야 합니다.",
        )
    order = [line.split(":")[0] for line in run.lines if ": chunk " in line]
    first, other = order[0], next((n for n in order if n != order[0]), None)
    if order.index(other) >= CHUNKS:
        return run.fail(
            f"Worker {first} did all its {CHUNKS} chunks in one go before {other} printed "
            "its first: a task runs without a break until it awaits, so a worker that does "
            "not await between its chunks keeps the event loop to itself.",
            f"작업자 {first}가 청크 {CHUNKS}개를 한 번에 모두 처리한 뒤에야 {other}가 첫 "
            "청크를 출력했습니다. 태스크는 await 할 때까지 쉬지 않고 실행되므로, 청크 사이에 "
            "await 하지 않는 작업자는 이벤트 루프를 혼자 차지합니다.",
            timeline=True,
        )
    for i in range(1, len(order)):
        if order[i] == order[i - 1] and any(n != order[i] for n in order[i:]):
            return run.fail(
                f"Worker {order[i]} printed two chunks in a row while the other "
                "worker was waiting for a turn: give a turn after every chunk.",
                f"다른 작업자가 차례를 기다리는 동안 작업자 {order[i]}가 청크 두 개를 "
                "잇달아 출력했습니다. 청크 하나를 처리할 때마다 차례를 넘기십시오.",
                timeline=True,
            )
    if not run.lines or run.lines[-1] != "main: both workers are done":
        return run.fail(
            "main() must print 'main: both workers are done' last, after both workers.",
            "main()은 두 작업자가 끝난 뒤 마지막으로 'main: both workers are done'을 "
            "출력해야 합니다.",
        )
    return None
