"""Read lines as they come: each reading is printed whole, as soon as its line has arrived."""

STARTER_FAILS_WITH = "end of the stream"
PASSED = {
    "en": "Reading line by line waits for the next newline, not for the end of the stream: "
    "each line came out as soon as it was complete, however the bytes were split.",
    "ko": "줄 단위로 읽으면 스트림의 끝이 아니라 다음 줄 바꿈까지만 기다립니다. 바이트가 어떻게 "
    "나뉘어 왔든 줄마다 완성되자마자 출력되었습니다.",
}

READINGS = ["temp=21", "humidity=40", "temp=22"]


def _line_with(lines, text):
    """The index of the first line that contains `text`, or None."""
    return next((i for i, line in enumerate(lines) if text in line), None)


def check(run):
    where = {r: _line_with(run.lines, r) for r in READINGS}
    for reading, index in where.items():
        if index is None:
            return run.fail(
                f"No line of the output holds the whole reading {reading}: was it printed "
                "in pieces? The bytes arrive in pieces that may end in the middle of a line. "
                "Print whole lines, every one until the stream ends.",
                f"출력의 어느 줄에도 {reading} 측정값이 온전히 없습니다. 조각으로 나뉘어 "
                "출력되지 않았습니까? 바이트는 줄 중간에서 끊길 수 있는 조각으로 도착합니다. "
                "스트림이 끝날 때까지 모든 줄을 완성된 줄로 출력하십시오.",
            )
    if len(set(where.values())) < len(where):
        return run.fail(
            "Several readings were printed on the same line: print one line per reading.",
            "측정값 여러 개가 한 줄에 출력되었습니다. 측정값마다 한 줄씩 출력하십시오.",
        )
    if len(run.prints) < len(run.lines):
        return None  # no times to judge
    times = [run.prints[i] for i in where.values()]
    if any(times[k + 1] - times[k] < 0.1 for k in range(len(times) - 1)):
        en = ", ".join(f"{t:.1f} s" for t in times)
        ko = ", ".join(f"{t:.1f}초" for t in times)
        return run.fail(
            f"The readings arrived 0.2 s apart but were printed at {en}: together, at the end "
            "of the stream. Print each line as soon as it has arrived.",
            f"측정값은 0.2초 간격으로 도착했지만 {ko}에, 스트림이 끝날 때 한꺼번에 "
            "출력되었습니다. 줄마다 도착하자마자 출력하십시오.",
            timeline=True,
        )
    return None
