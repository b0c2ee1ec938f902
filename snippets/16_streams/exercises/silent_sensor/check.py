"""Give up on a silent sensor: every reading is printed, then show() stops soon after the
last one instead of waiting for the sensor to hang up."""

STARTER_FAILS_WITH = "until the sensor hung up"
PASSED = {
    "en": "A new time limit for each line lets the readings come at their own pace, and "
    "still notices when they stop coming.",
    "ko": "줄마다 새 시간제한을 두면 측정값이 제 속도로 오는 동안에는 기다리고, 더는 오지 "
    "않을 때는 그것을 알아챕니다.",
}

READINGS = ["temp=21", "temp=22", "temp=23"]


def _line_with(lines, text):
    """The index of the first line that contains `text`, or None."""
    return next((i for i, line in enumerate(lines) if text in line), None)


def check(run):
    where = {r: _line_with(run.lines, r) for r in READINGS}
    missing = [r for r, index in where.items() if index is None]
    if missing:
        return run.fail(
            f"Missing from the output: {', '.join(missing)}. The sensor sends a reading "
            "every 0.2 s: give up only when no line has come for 0.3 s, with a time limit "
            "for each line, not one for the whole loop.",
            f"출력에 {', '.join(missing)} 측정값이 없습니다. 센서는 0.2초마다 측정값을 "
            "보냅니다. 0.3초 동안 줄이 하나도 오지 않을 때만 포기하십시오. 시간제한은 반복문 "
            "전체가 아니라 줄마다 두십시오.",
            timeline=True,
        )
    last = max(where.values())
    if len(run.prints) > last:
        silence = run.duration - run.prints[last]
        if silence > 0.6:
            return run.fail(
                f"After the last reading, show() went on waiting for {silence:.1f} s, until "
                f"the sensor hung up at {run.duration:.1f} s. Give up as soon as no line has "
                "come for 0.3 s.",
                f"마지막 측정값 뒤에도 show()는 센서가 연결을 끊은 {run.duration:.1f}초까지 "
                f"{silence:.1f}초를 더 기다렸습니다. 0.3초 동안 줄이 오지 않으면 바로 "
                "포기하십시오.",
                timeline=True,
            )
    if run.pending():
        return run.fail(
            f"The task {run.pending()[0].name} was still running when the program ended.",
            f"프로그램이 끝날 때 {run.pending()[0].name} 태스크가 아직 실행 중이었습니다.",
        )
    return None
