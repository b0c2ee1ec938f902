"""Don't block the loop: the three pings wait at the same time, with no time.sleep() in a
coroutine."""

STARTER_FAILS_WITH = "time.sleep"
PASSED = {
    "en": "While one ping waited in await asyncio.sleep(), the event loop ran the others: "
    "the three waits overlapped, and the program took as long as the longest one.",
    "ko": "핑 하나가 await asyncio.sleep()에서 기다리는 동안 이벤트 루프가 나머지 핑을 "
    "실행했습니다. 세 번의 기다림이 겹쳐서, 프로그램은 가장 긴 것만큼만 걸렸습니다.",
}

HOSTS = {"db.local": 0.3, "cache.local": 0.2, "web.local": 0.4}
ONE_AFTER_ANOTHER = sum(HOSTS.values())  # 0.9 s
TOGETHER = max(HOSTS.values())  # 0.4 s


def check(run):
    silent = [host for host in HOSTS if f"{host} is up" not in run.lines]
    if silent:
        return run.fail(
            f"No 'is up' line for {', '.join(silent)}: every ping must still finish.",
            f"끝났다고 출력하지 않은 핑이 있습니다({', '.join(silent)}). 모든 핑이 여전히 "
            "끝나야 합니다.",
        )
    slow = run.duration > 0.8 * ONE_AFTER_ANOTHER
    if run.calls("time.sleep", inside_async=True):
        took = (
            (
                f" This run took {run.duration:.1f} s, about the sum of the waits "
                f"({ONE_AFTER_ANOTHER:.1f} s).",
                f" 이번 실행은 기다린 시간을 모두 더한 {ONE_AFTER_ANOTHER:.1f}초와 비슷한 "
                f"{run.duration:.1f}초가 걸렸습니다.",
            )
            if slow
            else ("", "")
        )
        return run.fail(
            "ping() calls time.sleep(), which blocks the whole thread, and with it the "
            "event loop: while one ping sleeps, no other task can run, so gather() cannot "
            "overlap the waits." + took[0] + " In a coroutine, wait with await "
            "asyncio.sleep().",
            "ping()이 time.sleep()을 호출하는데, 이 함수는 스레드 전체를, 따라서 이벤트 "
            "루프도 블로킹합니다. 핑 하나가 잠든 동안 다른 태스크는 실행될 수 없으므로 "
            "gather()도 기다림을 겹치게 할 수 없습니다." + took[1] + " 코루틴 안에서는 "
            "await asyncio.sleep()으로 기다리십시오.",
            timeline=True,
        )
    if slow:
        if len(run.tasks_named("ping(")) < len(HOSTS):
            fix = (
                "Start the three pings together, with asyncio.gather() or tasks.",
                "세 핑을 asyncio.gather()나 태스크로 함께 시작하십시오.",
            )
        else:
            fix = (
                "Something in ping() still blocks the event loop: always wait with await.",
                "ping() 안의 무언가가 여전히 이벤트 루프를 블로킹합니다. 기다릴 때는 "
                "언제나 await 하십시오.",
            )
        return run.fail(
            f"The pings took {run.duration:.1f} s, the sum of their waits, instead of "
            f"about {TOGETHER:.1f} s, the longest one: they ran one after another. "
            + fix[0],
            f"핑이 가장 긴 기다림인 약 {TOGETHER:.1f}초가 아니라 기다림을 모두 더한 "
            f"{run.duration:.1f}초 걸렸습니다. 하나씩 차례로 실행된 것입니다. "
            + fix[1],
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A ping was still running when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 실행 중인 핑이 있었습니다. 모든 태스크를 기다리십시오.",
        )
    return None
