"""Answer from the cache: a lookup whose key is cached returns without ever suspending, so
only the 3 lookups of new keys wait for the server."""

STARTER_FAILS_WITH = "already in the cache"
PASSED = {
    "en": "The five cache hits finished in their first step, without suspending. With an "
    "eager task factory (Python 3.12+) they would even be done inside create_task().",
    "ko": "캐시에 있던 다섯 조회는 일시 중단 없이 첫 단계에서 끝났습니다. eager 태스크 "
    "팩토리(파이썬 3.12 이상)를 쓰면 create_task() 안에서 이미 끝났을 것입니다.",
}

RESULTS = "['A', 'B', 'A', 'C', 'B', 'A']"
NEW_KEYS = 3  # a and b in the first round, c in the second


def check(run):
    lookups = run.tasks_named("lookup(")
    if len(lookups) < 8:
        return run.fail(
            f"Only {len(lookups)} lookups ran as tasks instead of 8 (2 + 6): change lookup() "
            "only, and leave main() as it is.",
            f"조회 8개(2 + 6) 대신 {len(lookups)}개만 태스크로 실행되었습니다. lookup()만 "
            "고치고 main()은 그대로 두십시오.",
        )
    if not any(RESULTS in line for line in run.lines):
        return run.fail(
            f"The second round should print {RESULTS}: a lookup must still return the "
            "value, from the cache or from the server.",
            f"두 번째 조회 묶음은 {RESULTS}를 출력해야 합니다. 조회는 캐시에서든 서버에서든 "
            "여전히 값을 돌려주어야 합니다.",
        )
    suspended = [task for task in lookups if task.waited_on]
    if len(suspended) > NEW_KEYS:
        hits = len(suspended) - NEW_KEYS
        many = "All 8" if len(suspended) == 8 else f"{len(suspended)} of the 8"
        many_ko = (
            "조회 8개가 모두"
            if len(suspended) == 8
            else f"조회 8개 중 {len(suspended)}개가"
        )
        return run.fail(
            f"{many} lookups suspended at an await, but only {NEW_KEYS} of their keys were "
            f"new: the other {hits} lookups found their key already in the cache. Return a "
            "cached value at once, without awaiting anything.",
            f"{many_ko} await에서 일시 중단되었지만, 새 키는 {NEW_KEYS}개뿐이었습니다. 나머지 "
            f"{hits}개는 키가 이미 캐시에 있었습니다. 캐시에 있는 값은 아무것도 어웨이트하지 "
            "말고 바로 돌려주십시오.",
            timeline=True,
        )
    return None
