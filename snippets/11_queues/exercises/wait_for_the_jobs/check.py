"""Wait for the jobs: main() says the jobs are done once all five are, then ends the workers."""

import ast

STARTER_FAILS_WITH = "had finished"
PASSED = {
    "en": "main() said the jobs were done only once all five were finished, not merely "
    "taken out of the queue, and it ended the idle workers itself instead of leaving them "
    "to asyncio.run().",
    "ko": "main()은 다섯 작업을 큐에서 꺼냈을 때가 아니라 모두 끝냈을 때에야 작업이 끝났다고 "
    "출력했고, 쉬고 있는 작업자를 asyncio.run()에 맡기지 않고 직접 끝냈습니다.",
}

JOBS = 5
DONE = "main: all jobs done"


def calls_method(run, name):
    """Whether the code calls a method `name`: task.cancel(), q.task_done()..."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
        for node in ast.walk(run.tree)
    )


def check(run):
    if DONE not in run.lines:
        return run.fail(
            f"main() did not print '{DONE}': it must still say so once the jobs are done.",
            f"main()이 '{DONE}'을 출력하지 않았습니다. 작업이 끝나면 여전히 그렇게 "
            "출력해야 합니다.",
        )
    said = run.lines.index(DONE)
    finished = [i for i, line in enumerate(run.lines) if ": finished job " in line]
    before = [i for i in finished if i < said]
    if len(before) < JOBS:
        at = run.prints[said]
        if len(finished) < JOBS:
            en_rest = f"; the other {JOBS - len(finished)} never finished"
            ko_rest = f" 나머지 {JOBS - len(finished)}개는 끝나지 못했습니다."
        else:
            last = run.prints[finished[-1]]
            en_rest = f"; the last one finished only at {last:.1f} s"
            ko_rest = f" 마지막 작업은 {last:.1f}초에야 끝났습니다."
        if calls_method(run, "task_done") and calls_method(run, "join"):
            return run.fail(
                f"main() printed '{DONE}' at {at:.1f} s, when only {len(before)} of the "
                f"{JOBS} jobs had finished{en_rest}. queue.join() returned too early: "
                "task_done() tells the queue that a job is finished: call it once the work "
                "is done, not as soon as the job is taken out of the queue.",
                f"main()이 {at:.1f}초에 '{DONE}'을 출력했지만, 그때 끝난 작업은 {JOBS}개 "
                f"중 {len(before)}개뿐이었습니다.{ko_rest} queue.join()이 너무 일찍 "
                "반환되었습니다. task_done()은 작업이 끝났다고 큐에 알립니다. 작업을 큐에서 "
                "꺼내자마자가 아니라 일을 마친 뒤에 부르십시오.",
                timeline=True,
            )
        return run.fail(
            f"main() printed '{DONE}' at {at:.1f} s, when only {len(before)} of the "
            f"{JOBS} jobs had finished{en_rest}. Sleeping for a guess does not tell main() "
            "when the jobs are done, nor does an empty queue: a job taken out of it is not "
            "finished yet. The queue can count the finished jobs, if each worker reports "
            "every job it finishes.",
            f"main()이 {at:.1f}초에 '{DONE}'을 출력했지만, 그때 끝난 작업은 {JOBS}개 중 "
            f"{len(before)}개뿐이었습니다.{ko_rest} 짐작한 시간만큼 잠자서는 main()이 작업이 "
            "언제 끝나는지 알 수 없고, 큐가 비었다고 해서 알 수 있는 것도 아닙니다. 큐에서 "
            "꺼낸 작업이 끝난 작업은 아니기 때문입니다. 작업자가 작업을 끝낼 때마다 큐에 알리면, 큐가 "
            "끝난 작업을 셀 수 있습니다.",
            timeline=True,
        )
    workers = run.tasks_named("worker")
    if not all(task.state == "done" for task in workers) and not calls_method(
        run, "cancel"
    ):
        return run.fail(
            f"All {JOBS} jobs are done, but when main() returned, the workers were still "
            "waiting at queue.get() for jobs that will never come, and asyncio.run() had "
            "to cancel them. Once the jobs are done, cancel the workers and wait for them "
            "to end.",
            f"작업 {JOBS}개는 모두 끝났지만, main()이 반환될 때 작업자들은 다시는 오지 않을 "
            "작업을 queue.get()에서 여전히 기다리고 있었고, asyncio.run()이 그들을 취소해야 "
            "했습니다. 작업이 끝나면 작업자를 취소하고 끝날 때까지 기다리십시오.",
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A worker was still running when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 실행 중인 작업자가 있었습니다. 모든 태스크를 "
            "기다리십시오.",
        )
    return None
