"""Wrap the callback in a future: read() waits exactly until the sensor calls back."""

STARTER_FAILS_WITH = "returned None"
PASSED = {
    "en": "read() waited on a future that the sensor's callback filled: it resumed as soon "
    "as the reading arrived, at 0.3 s.",
    "ko": "read()는 센서의 콜백이 채운 퓨처를 기다렸습니다. 값이 도착한 0.3초에 곧바로 "
    "다시 실행되었습니다.",
}

READING = "kitchen: 21.5"


def check(run):
    if READING not in run.lines:
        if "kitchen: None" in run.lines:
            at = run.prints[run.lines.index("kitchen: None")]
            return run.fail(
                f"read() returned None: it looked for the reading at {at:.1f} s, but the "
                "sensor calls back only at 0.3 s. Wait for the callback instead of a "
                "fixed time.",
                f"read()가 None을 돌려주었습니다. {at:.1f}초에 값을 찾았지만 센서는 0.3초에야 "
                "콜백을 호출합니다. 정해 둔 시간 대신 콜백을 기다리십시오.",
                timeline=True,
            )
        if any(line.startswith("kitchen: <Future") for line in run.lines):
            return run.fail(
                "main() printed a future instead of the reading: read() must await the "
                "future and return its result.",
                "main()이 측정값 대신 퓨처를 출력했습니다. read()는 퓨처를 await 해서 그 "
                "결과를 돌려주어야 합니다.",
            )
        return run.fail(
            f"main() did not print the reading, {READING!r}.",
            f"main()이 측정값 {READING!r}을 출력하지 않았습니다.",
        )
    if run.prints[run.lines.index(READING)] < 0.25:
        return run.fail(
            "The reading came earlier than the sensor can give it: keep read_sensor() as "
            "it is (it calls back after 0.3 s) and change only read().",
            "센서가 값을 줄 수 있는 시각보다 먼저 값을 얻었습니다. read_sensor()는 그대로 "
            "두고(0.3초 뒤에 콜백을 호출합니다) read()만 고치십시오.",
        )
    if run.calls("asyncio.sleep", inside_async=True):
        return run.fail(
            "read() gets the reading now, but it still waits with asyncio.sleep(): it "
            "sleeps for a guessed time or checks again and again, instead of waking up when "
            f"the callback runs (the program took {run.duration:.1f} s). Let the callback "
            "itself tell read() that the value is there.",
            "이제 read()가 값을 얻지만, 여전히 asyncio.sleep()으로 기다립니다. 콜백이 "
            "실행될 때 깨어나는 대신 어림한 시간만큼 잠자거나 몇 번이고 다시 확인합니다"
            f"(프로그램이 {run.duration:.1f}초 걸렸습니다). 값이 왔다는 것을 콜백이 직접 "
            "read()에 알리게 하십시오.",
            timeline=True,
        )
    if run.duration > 0.45:
        return run.fail(
            f"The program took {run.duration:.1f} s, though the reading arrived at 0.3 s: "
            "read() should return as soon as the callback has run.",
            f"값은 0.3초에 도착했는데 프로그램은 {run.duration:.1f}초 걸렸습니다. 콜백이 "
            "실행되면 read()가 곧바로 반환해야 합니다.",
            timeline=True,
        )
    return None
