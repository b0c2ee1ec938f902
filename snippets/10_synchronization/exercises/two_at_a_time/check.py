"""Two at a time: all six downloads finish, never more than two fetch() calls at once."""

STARTER_FAILS_WITH = "at once"
PASSED = {
    "en": "No more than two fetch() calls were connected at a time, and the other tasks "
    "waited their turn: three waves of two, about 0.6 s.",
    "ko": "fetch() 호출은 한 번에 두 개까지만 연결했고, 나머지 태스크는 차례를 "
    "기다렸습니다. 두 개씩 세 물결로 약 0.6초 걸렸습니다.",
}

FILES = ("a.zip", "b.zip", "c.zip", "d.zip", "e.zip", "f.zip")
LIMIT = 2


def check(run):
    done = [name for name in FILES if f"{name} downloaded" in run.lines]
    if len(done) < len(FILES):
        return run.fail(
            f"Only {len(done)} of the {len(FILES)} files printed that they were "
            "downloaded: every file must still be downloaded.",
            f"파일 {len(FILES)}개 중 {len(done)}개만 다운로드되었다고 출력했습니다. 모든 "
            "파일을 여전히 다운로드해야 합니다.",
        )
    if not run.spans("fetch("):
        return run.fail(
            "No call of fetch() was seen: each download must still connect with "
            "await fetch(name).",
            "fetch() 호출이 보이지 않습니다. 다운로드마다 여전히 await fetch(name)으로 "
            "연결해야 합니다.",
        )
    most = run.most_at_once("fetch(")
    if most > LIMIT:
        limited = run.uses("asyncio.Semaphore") or run.uses("asyncio.BoundedSemaphore")
        more = ("", "")
        if limited and most >= len(FILES):
            more = (
                " Every task must wait on the same semaphore: create one, in main(), "
                "and pass it to each download.",
                " 모든 태스크가 같은 세마포어를 기다려야 합니다. main()에서 하나만 만들어 "
                "다운로드마다 넘겨주십시오.",
            )
        elif limited:
            more = (
                " Look at the number the semaphore starts with.",
                " 세마포어를 만들 때 준 숫자를 확인하십시오.",
            )
        return run.fail(
            f"{most} fetch() calls were connected to the server at once, but it allows "
            f"{LIMIT} per client. Let at most {LIMIT} tasks into fetch() at a time, and "
            "make the others wait their turn." + more[0],
            f"fetch() 호출 {most}개가 한꺼번에 서버에 연결했지만, 서버는 클라이언트당 "
            f"{LIMIT}개까지만 허용합니다. 한 번에 최대 {LIMIT}개의 태스크만 fetch()에 "
            "들여보내고, 나머지는 차례를 기다리게 하십시오." + more[1],
            timeline=True,
        )
    if most < LIMIT:
        return run.fail(
            f"The downloads ran one at a time and took {run.duration:.1f} s instead of "
            f"about 0.6 s: the server allows {LIMIT} connections at once, so let {LIMIT} "
            "tasks into fetch() at the same time.",
            f"다운로드가 한 번에 하나씩 실행되어 약 0.6초 대신 {run.duration:.1f}초 "
            f"걸렸습니다. 서버는 연결을 동시에 {LIMIT}개까지 허용하므로, {LIMIT}개의 "
            "태스크를 동시에 fetch()에 들여보내십시오.",
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A download was still running when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 실행 중인 다운로드가 있었습니다. 모든 태스크를 "
            "기다리십시오.",
        )
    return None
