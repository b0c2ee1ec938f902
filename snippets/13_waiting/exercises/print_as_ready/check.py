"""Print each result as it comes: every site's line right after its check finishes."""

SECONDS = {"fast.example": 0.1, "mid.example": 0.2, "slow.example": 0.3}
"""Each site's check, in the order they finish."""

STARTER_FAILS_WITH = "printed only at"
PASSED = {
    "en": "Each line was printed as soon as its site answered: fast.example at 0.1 s, "
    "without waiting for the slowest site.",
    "ko": "사이트가 응답하자마자 그 줄이 출력되었습니다. fast.example은 가장 느린 사이트를 "
    "기다리지 않고 0.1초에 출력되었습니다.",
}


def check(run):
    line_of = {}  # site -> index of the first line that names it
    for index, line in enumerate(run.lines):
        for site in SECONDS:
            if site in line and site not in line_of:
                line_of[site] = index
    missing = [site for site in SECONDS if site not in line_of]
    if missing:
        return run.fail(
            f"Only {len(line_of)} of the 3 sites were printed; missing: {', '.join(missing)}.",
            f"사이트 3개 중 {len(line_of)}개만 출력되었습니다. 빠진 것: {', '.join(missing)}.",
        )
    one_after_another = sum(SECONDS.values())
    if run.duration >= 0.8 * one_after_another:
        return run.fail(
            f"The sites were checked one after another: {run.duration:.1f} s instead of about "
            "0.3 s. Start all three checks before waiting for any.",
            f"사이트를 하나씩 차례로 확인해서 약 0.3초 대신 {run.duration:.1f}초 걸렸습니다. "
            "세 확인 작업을 모두 시작한 다음에 기다리십시오.",
            timeline=True,
        )
    for site, seconds in SECONDS.items():
        # When its check finished: its task (named after the site by the recorder, or by the
        # program), else the time it sleeps, since the checks started together.
        ends = [
            t.finished for t in run.tasks if site in t.name and t.finished is not None
        ]
        done = min(ends) if ends else seconds
        printed = run.prints[line_of[site]]
        if printed - done > 0.05:
            return run.fail(
                f"{site} was up at {done:.1f} s, but its line was printed only at "
                f"{printed:.1f} s: it waited for slower sites. Print each result as soon as "
                "its check is done.",
                f"{site}는 {done:.1f}초에 응답했지만 그 줄은 {printed:.1f}초에야 "
                "출력되었습니다. 더 느린 사이트를 기다린 것입니다. 확인 작업이 끝나는 대로 "
                "결과를 하나씩 출력하십시오.",
                timeline=True,
            )
    return None
