"""Let the cancellation through: the worker saves its progress, then ends cancelled."""

STARTER_FAILS_WITH = "swallowed the cancellation"
PASSED = {
    "en": "The worker saved its progress and then let the CancelledError go on: its task "
    "ended cancelled, and main() was told so.",
    "ko": "작업자가 진행 상황을 저장한 다음 CancelledError를 계속 전파했습니다. 그래서 태스크가 "
    "취소된 상태로 끝났고 main()도 그것을 알았습니다.",
}


def check(run):
    workers = run.tasks_named("worker")
    if not workers:
        return run.fail(
            "No worker task ran: keep main() as it is and change worker() only.",
            "worker 태스크가 실행되지 않았습니다. main()은 그대로 두고 worker()만 고치십시오.",
        )
    worker = workers[0]
    saved = [line for line in run.lines if line.startswith("worker: stopping")]
    if not saved:
        return run.fail(
            "The worker was cancelled without saving its progress: it never printed "
            "'worker: stopping, ...'. Keep the clean-up, and let the cancellation go on after it.",
            "작업자가 진행 상황을 저장하지 않고 취소되었습니다. 'worker: stopping, ...'을 한 번도 "
            "출력하지 않았습니다. 정리 작업은 그대로 두고, 그 뒤에 취소가 계속 전파되게 하십시오.",
        )
    if worker.state == "done":
        return run.fail(
            "worker() swallowed the cancellation: it caught the CancelledError and returned, so "
            f"its task ended as done at {worker.end:.2f} s, not cancelled, and main() believed "
            "it had finished by itself. Raise the CancelledError again after the clean-up.",
            "worker()가 취소를 삼켰습니다. CancelledError를 잡은 뒤 그냥 반환해서 태스크가 "
            f"{worker.end:.2f}초에 취소되지 않고 완료된 상태로 끝났고, main()은 작업자가 스스로 "
            "끝났다고 여겼습니다. 정리 작업 뒤에 CancelledError를 다시 일으키십시오.",
            timeline=True,
        )
    if worker.state == "error":
        return run.fail(
            f"The worker ended with {worker.error}, not cancelled: after the clean-up, raise the "
            "CancelledError it caught (a plain `raise`), not another exception.",
            f"작업자가 취소되지 않고 {worker.error}(으)로 끝났습니다. 정리 작업 뒤에는 다른 예외가 "
            "아니라 잡은 CancelledError를 다시 일으키십시오(그냥 `raise`).",
        )
    if worker.state != "cancelled":
        return run.fail(
            "The worker was still running when the program ended: main() must wait for it "
            "after cancelling it.",
            "프로그램이 끝날 때 작업자가 아직 실행 중이었습니다. main()은 작업자를 취소한 뒤 "
            "기다려야 합니다.",
        )
    return None
