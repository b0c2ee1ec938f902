"""Cancel the timer: the warning prints for the slow request only, before its reply."""

STARTER_FAILS_WITH = "warning still fired"
PASSED = {
    "en": "Only the slow request, still waiting at 0.3 s, printed a warning: the fast "
    "one's warning was called off when its reply came.",
    "ko": "0.3초에 아직 기다리던 느린 요청만 경고를 출력했습니다. 빠른 요청의 경고는 "
    "응답이 왔을 때 취소되었습니다.",
}


def line_starting(run, prefix):
    """The index of the first line that starts with prefix, or None."""
    return next(
        (i for i, line in enumerate(run.lines) if line.startswith(prefix)), None
    )


def check(run):
    for name in ("fast", "slow"):
        if line_starting(run, f"{name}: reply") is None:
            return run.fail(
                f"The {name} request printed no reply: both requests must still be fetched.",
                f"{name} 요청의 응답이 출력되지 않았습니다. 두 요청 모두 가져와야 합니다.",
            )
    fast_warning = line_starting(run, "fast: still waiting")
    if fast_warning is not None:
        reply = run.prints[line_starting(run, "fast: reply")]
        return run.fail(
            f"The fast request got its reply at {reply:.1f} s, but its warning still fired "
            f"at {run.prints[fast_warning]:.1f} s: its timer kept running after the reply. "
            "Cancel the timer once the reply is there.",
            f"빠른 요청은 {reply:.1f}초에 응답을 받았는데, 경고가 "
            f"{run.prints[fast_warning]:.1f}초에 그대로 출력되었습니다. 응답이 온 뒤에도 "
            "타이머가 남아 있었습니다. 응답이 오면 타이머를 취소하십시오.",
            timeline=True,
        )
    slow_warning = line_starting(run, "slow: still waiting")
    if slow_warning is None or slow_warning > line_starting(run, "slow: reply"):
        return run.fail(
            "The slow request waited 0.5 s for its reply, but no warning was printed "
            "while it waited: cancel a warning only when its reply has come.",
            "느린 요청은 응답을 0.5초 기다렸는데, 기다리는 동안 경고가 출력되지 "
            "않았습니다. 경고는 응답이 왔을 때만 취소하십시오.",
            timeline=True,
        )
    return None
