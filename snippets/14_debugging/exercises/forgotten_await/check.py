"""Find the forgotten await: every order is saved, its customer notified, then it is done."""

ORDERS = (1, 2, 3)

STARTER_FAILS_WITH = "never ran"
PASSED = {
    "en": "Every coroutine call is awaited now: each order's notify() ran to the end before "
    "the order was done.",
    "ko": "이제 모든 코루틴 호출이 어웨이트됩니다. 주문마다 notify()가 끝까지 실행된 다음에 "
    "주문이 끝났습니다.",
}


def check(run):
    def line_of(order, what):
        text = f"order {order}: {what}"
        return next((i for i, line in enumerate(run.lines) if line == text), None)

    notified = {order: line_of(order, "customer notified") for order in ORDERS}
    done = {order: line_of(order, "done") for order in ORDERS}
    if all(index is None for index in done.values()):
        return run.fail(
            "finish() never ran: no order printed 'done'. Is there a new warning under the "
            "output? Calling a coroutine function only makes a coroutine: await it.",
            "finish()가 한 번도 실행되지 않았습니다. 'done'을 출력한 주문이 없습니다. 출력 "
            "아래에 새 경고가 있습니까? 코루틴 함수를 호출하면 코루틴이 만들어질 뿐입니다. "
            "어웨이트하십시오.",
        )
    if all(index is None for index in notified.values()) and run.spans("notify("):
        return run.fail(
            "notify() started but never finished: it was still sending when the program "
            "ended, and asyncio.run() cancelled it. Wait for it before the order is done.",
            "notify()가 시작했지만 끝나지 못했습니다. 프로그램이 끝날 때 아직 보내는 중이어서 "
            "asyncio.run()이 취소했습니다. 주문이 끝나기 전에 notify()를 기다리십시오.",
            timeline=True,
        )
    if all(index is None for index in notified.values()):
        return run.fail(
            "notify() never ran: no order printed 'customer notified', and the timeline has "
            "no notify() call. Read the warning under the output: it names the coroutine that "
            "was created but never awaited, and the line where it was lost.",
            "notify()가 한 번도 실행되지 않았습니다. 'customer notified'를 출력한 주문이 없고, "
            "타임라인에도 notify() 호출이 없습니다. 출력 아래의 경고를 읽으십시오. 만들어졌지만 "
            "어웨이트되지 않은 코루틴과 그것을 잃어버린 줄을 알려 줍니다.",
            timeline=True,
        )
    for order in ORDERS:
        if notified[order] is None or done[order] is None:
            what = "customer notified" if notified[order] is None else "done"
            return run.fail(
                f"Order {order} never printed '{what}': every order must be saved, its "
                "customer notified, and then be done.",
                f"주문 {order}은(는) '{what}'을(를) 출력하지 않았습니다. 모든 주문은 저장되고, "
                "고객에게 알린 다음에 끝나야 합니다.",
            )
        if done[order] < notified[order]:
            return run.fail(
                f"Order {order} was done before its customer was notified: finish() must "
                "wait for notify() to end before it prints 'done'.",
                f"주문 {order}이(가) 고객에게 알리기 전에 끝났습니다. finish()는 notify()가 "
                "끝나기를 기다린 다음에 'done'을 출력해야 합니다.",
                timeline=True,
            )
    return None
