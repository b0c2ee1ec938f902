"""Close on error: each connection is closed, however its block ends, and errors go on."""

STARTER_FAILS_WITH = "never closed"
PASSED = {
    "en": "Each connection was closed however its block ended: normally, with the "
    "ValueError, or cancelled by the timeout, and the exceptions still reached main().",
    "ko": "블록이 정상적으로 끝났을 때도, ValueError가 발생했을 때도, 시간제한으로 "
    "취소되었을 때도 연결이 닫혔고, 예외는 그대로 main()까지 전파되었습니다.",
}

NAMES = ("db1", "db2", "db3")


def check(run):
    for name in NAMES:
        if f"{name}: open" not in run.lines:
            return run.fail(
                f"The {name} connection was never opened: main() must still use db1, db2 "
                "and db3 as it does.",
                f"{name} 연결이 열리지 않았습니다. main()은 지금처럼 db1, db2, db3을 써야 "
                "합니다.",
            )
    if "db1: query done" not in run.lines:
        return run.fail(
            "db1's query did not print 'db1: query done': keep main() as it is.",
            "db1의 쿼리가 'db1: query done'을 출력하지 않았습니다. main()은 그대로 두십시오.",
        )
    closed = {name: run.lines.count(f"{name}: closed") for name in NAMES}
    if not closed["db2"]:
        return run.fail(
            "The db2 connection was opened but never closed"
            + (" (nor was db3)" if not closed["db3"] else "")
            + ": the ValueError raised in its block came out of connect() at the yield, "
            "and the lines after the yield never ran. Put the yield inside try: ... "
            "finally:.",
            "db2 연결은 열린 뒤 닫히지 않았습니다"
            + ("(db3 연결도 마찬가지입니다)" if not closed["db3"] else "")
            + ". 블록에서 발생한 ValueError가 yield 지점에서 connect() 밖으로 나가서, "
            "yield 뒤의 줄이 실행되지 않았습니다. yield를 try: ... finally: 안에 "
            "넣으십시오.",
        )
    if not closed["db3"]:
        return run.fail(
            "db2 is closed now, but the db3 connection was opened and never closed. "
            "asyncio.timeout() stops its query by cancelling the task: a CancelledError "
            "comes out of the yield, and it is not an Exception (it derives from "
            "BaseException). Close the connection in a finally block, which runs however "
            "the block ends.",
            "이제 db2는 닫히지만, db3 연결은 열린 뒤 닫히지 않았습니다. asyncio.timeout()은 "
            "태스크를 취소해서 쿼리를 멈춥니다. 그러면 yield에서 CancelledError가 나오는데, "
            "이것은 Exception이 아닙니다(BaseException을 상속합니다). 블록이 어떻게 끝나든 "
            "실행되는 finally 블록에서 연결을 닫으십시오.",
        )
    for name in NAMES:
        if closed[name] != 1:
            return run.fail(
                f"The {name} connection was closed {closed[name]} times: close each "
                "connection once, in one place.",
                f"{name} 연결이 {closed[name]}번 닫혔습니다. 연결은 한 곳에서 한 번만 "
                "닫으십시오.",
            )
    if not any(line.startswith("main caught ValueError") for line in run.lines):
        return run.fail(
            "db2 is closed, but the ValueError raised in its block no longer reaches "
            "main(): connect() swallowed it. After closing, let the exception go on: "
            "re-raise it, or close in a finally block.",
            "db2는 닫히지만, 블록에서 발생한 ValueError가 더 이상 main()에 이르지 "
            "않습니다. connect()가 예외를 삼켰습니다. 연결을 닫은 뒤에는 예외가 계속 "
            "전파되게 하십시오. 예외를 다시 일으키거나, finally 블록에서 닫으십시오.",
        )
    if "main: db3 timed out" not in run.lines:
        return run.fail(
            "db3 is closed, but main() did not print 'main: db3 timed out': connect() "
            "swallowed the cancellation, so asyncio.timeout() could not turn it into "
            "TimeoutError. Let the CancelledError go on after closing.",
            "db3 연결은 닫히지만, main()이 'main: db3 timed out'을 출력하지 않았습니다. "
            "connect()가 취소를 삼켜서 asyncio.timeout()이 그것을 TimeoutError로 바꾸지 "
            "못했습니다. 연결을 닫은 뒤에도 CancelledError가 계속 전파되게 하십시오.",
        )
    return None
