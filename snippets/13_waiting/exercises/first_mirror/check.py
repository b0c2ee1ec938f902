"""Race the mirrors: use the first answer at once; the others are cancelled and stopped first."""

import ast

FASTEST = "mirror-b"  # answers at 0.1 s
OTHERS = ("mirror-c", "mirror-a")  # would answer at 0.2 s and 0.3 s

STARTER_FAILS_WITH = "waited for every mirror"
PASSED = {
    "en": "main() used the first answer at 0.1 s, and the other two mirrors were cancelled "
    "and had stopped before it went on.",
    "ko": "main()이 0.1초에 가장 먼저 온 응답을 썼고, 나머지 두 미러는 취소되어 main()이 다음 "
    "일로 넘어가기 전에 멈췄습니다.",
}


def check(run):
    def first_line(text):
        return next(
            (i for i, line in enumerate(run.lines) if line.endswith(text)), None
        )

    used = next((i for i, line in enumerate(run.lines) if "data from" in line), None)
    if used is None:
        return run.fail(
            "main() never printed the data it used ('... s: using data from ...').",
            "main()이 사용한 데이터를 출력하지 않았습니다('... s: using data from ...').",
        )
    at = run.prints[used]
    answered = {m: first_line(f"{m}: answered") for m in (FASTEST, *OTHERS)}
    late = [m for m in OTHERS if answered[m] is not None]
    if late and all(answered[m] < used for m in late):
        waited = "every mirror" if len(late) == len(OTHERS) else f"{late[0]} as well"
        waited_ko = "모든 미러를" if len(late) == len(OTHERS) else f"{late[0]}까지"
        return run.fail(
            f"main() waited for {waited}: {' and '.join(late)} answered too, and main() "
            f"used its data only at {at:.1f} s instead of about 0.1 s. Take the first answer "
            "as soon as it comes.",
            f"main()이 {waited_ko} 기다렸습니다. {', '.join(late)}도 응답했고, main()은 약 "
            f"0.1초 대신 {at:.1f}초에야 데이터를 썼습니다. 가장 먼저 온 응답을 바로 받으십시오.",
            timeline=True,
        )
    if late:
        return run.fail(
            f"{' and '.join(late)} kept running after main() had its data, and answered anyway: "
            "nobody needed that answer. Cancel the other mirrors once the first one has answered.",
            f"main()이 데이터를 받은 뒤에도 {', '.join(late)}가 계속 실행되어 아무도 필요 "
            "없는 응답을 했습니다. 첫 번째 응답이 오면 나머지 미러를 취소하십시오.",
            timeline=True,
        )
    if FASTEST not in run.lines[used] or answered[FASTEST] is None:
        return run.fail(
            f"main() printed '{run.lines[used]}', but {FASTEST} answered first, at 0.1 s: "
            "use its data.",
            f"main()이 '{run.lines[used]}'을(를) 출력했지만 가장 먼저 응답한 것은 0.1초의 "
            f"{FASTEST}입니다. 그 데이터를 쓰십시오.",
        )
    for mirror in OTHERS:
        cancelled = first_line(f"{mirror}: cancelled")
        if cancelled is None:
            return run.fail(
                f"{mirror} was never cancelled: cancel the mirrors that have not answered.",
                f"{mirror}는 취소되지 않았습니다. 응답하지 않은 미러를 취소하십시오.",
                timeline=True,
            )
        if cancelled > used and not calls_cancel(run):
            return run.fail(
                f"{mirror} was cancelled only by asyncio.run(), after main() had printed the "
                "data it used: main() itself never cancels the other mirrors. Cancel them once "
                "the first one has answered.",
                f"{mirror}는 main()이 사용한 데이터를 출력한 뒤에야 asyncio.run()이 "
                "취소했습니다. main()은 나머지 미러를 직접 취소하지 않습니다. 첫 번째 응답이 "
                "오면 나머지 미러를 취소하십시오.",
                timeline=True,
            )
        if cancelled > used:
            return run.fail(
                f"{mirror} stopped only after main() printed the data it used: cancel() only "
                "asks a task to stop. Wait for the cancelled mirrors to finish before going on.",
                f"{mirror}는 main()이 사용한 데이터를 출력한 뒤에야 멈췄습니다. cancel()은 "
                "태스크에 멈추라고 요청할 뿐입니다. 취소한 미러가 끝나기를 기다린 다음에 "
                "다음 일로 넘어가십시오.",
                timeline=True,
            )
    if at - run.prints[answered[FASTEST]] > 0.05:
        return run.fail(
            f"{FASTEST} answered at {run.prints[answered[FASTEST]]:.1f} s, but main() used its "
            f"data only at {at:.1f} s: go on as soon as the first answer comes.",
            f"{FASTEST}는 {run.prints[answered[FASTEST]]:.1f}초에 응답했지만 main()은 "
            f"{at:.1f}초에야 그 데이터를 썼습니다. 첫 번째 응답이 오면 바로 넘어가십시오.",
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A mirror's task was still pending when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 대기 중인 미러 태스크가 있었습니다. 모든 태스크를 "
            "기다리십시오.",
        )
    return None


def calls_cancel(run):
    """Whether the code calls a `.cancel()` method anywhere (`task.cancel()`, ...)."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "cancel"
        for node in ast.walk(run.tree)
    )
