"""Overlap the waits: the four fetches wait at the same time; the checksums stay correct."""

STARTER_FAILS_WITH = "one after another"
PASSED = {
    "en": "The four fetch() calls waited at the same time, so the waiting cost 0.3 s "
    "instead of 1.2 s. The checksums still run one after another, with or without gather(): "
    "verify() never awaits, so there is nothing to overlap.",
    "ko": "fetch() 네 번이 동시에 기다려서, 기다리는 데 1.2초 대신 0.3초가 들었습니다. "
    "체크섬은 gather()를 쓰든 안 쓰든 여전히 하나씩 차례로 계산됩니다. verify()는 "
    "await 하지 않으므로 겹칠 것이 없습니다.",
}

NAMES = ("a", "b", "c", "d")
CHECKSUMS = "checksums: [40857, 701074, 361288, 21502]"
WAIT = 0.3


def check(run):
    if CHECKSUMS not in run.lines:
        return run.fail(
            "The program must still print the four checksums, in the order of the files: "
            f"'{CHECKSUMS}'.",
            f"프로그램은 여전히 네 파일의 체크섬을 파일 순서대로 출력해야 합니다: "
            f"'{CHECKSUMS}'.",
        )
    if len(run.spans("fetch(")) < len(NAMES):
        return run.fail(
            "Each file must still be fetched with await fetch(name).",
            "파일마다 여전히 await fetch(name)으로 가져와야 합니다.",
        )
    most = run.most_at_once("fetch(")
    if most == 1:
        verifies = run.tasks_named("verify(")
        cpu = ("", "")
        if len(verifies) > 1:
            spent = max(t.end for t in verifies) - min(t.created for t in verifies)
            cpu = (
                " And gather() around verify() saved nothing: verify() never awaits, so "
                f"the checksums still ran one after another ({spent:.2f} s in all).",
                " 그리고 verify()를 gather()로 감싸도 얻은 것이 없습니다. verify()는 "
                "await 하지 않으므로 체크섬은 여전히 하나씩 차례로 계산되었습니다(모두 "
                f"{spent:.2f}초).",
            )
        return run.fail(
            f"The four fetch() calls waited one after another, {WAIT} s each: "
            f"{len(NAMES) * WAIT:.1f} s of this run's {run.duration:.1f} s was spent "
            "waiting for one file at a time." + cpu[0] + " Let the fetches wait at the "
            "same time.",
            f"fetch() 네 번이 {WAIT}초씩 하나씩 차례로 기다렸습니다. 이번 실행 "
            f"{run.duration:.1f}초 가운데 {len(NAMES) * WAIT:.1f}초를 파일 하나씩 "
            "기다리는 데 썼습니다." + cpu[1] + " fetch() 호출들이 동시에 "
            "기다리게 하십시오.",
            timeline=True,
        )
    if most < len(NAMES):
        return run.fail(
            f"Only {most} of the {len(NAMES)} fetches waited at the same time: let all "
            f"{len(NAMES)} wait at once, so that the waiting costs {WAIT} s in all.",
            f"fetch() {len(NAMES)}개 가운데 {most}개만 동시에 기다렸습니다. 기다리는 데 "
            f"모두 {WAIT}초만 들도록 {len(NAMES)}개가 한꺼번에 기다리게 하십시오.",
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A task was still running when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 실행 중인 태스크가 있었습니다. 모든 태스크를 "
            "기다리십시오.",
        )
    return None
