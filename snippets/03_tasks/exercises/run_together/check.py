"""Run the downloads together: three downloads overlap, and all of them finish."""

STARTER_FAILS_WITH = "one after another"
PASSED = {
    "en": "The three downloads waited at the same time: the program took as long as the "
    "longest one.",
    "ko": "세 내려받기가 동시에 기다렸습니다. 프로그램은 가장 긴 것만큼 걸렸습니다.",
}


def check(run):
    downloads = run.tasks_named("download(")
    finished = [line for line in run.lines if line.endswith("downloaded")]
    if len(finished) < 3:
        return run.fail(
            f"Only {len(finished)} of the 3 downloads printed that they finished.",
            f"내려받기 3개 중 {len(finished)}개만 끝났다고 출력했습니다.",
        )
    if len(downloads) < 3:
        return run.fail(
            "The three downloads ran one after another, awaited inside main(): "
            f"{run.duration:.1f} s instead of about 0.5 s. Make each download a task.",
            "세 내려받기가 main() 안에서 하나씩 차례로 await 되어 "
            f"약 0.5초 대신 {run.duration:.1f}초 걸렸습니다. 내려받기마다 태스크로 만드십시오.",
            timeline=True,
        )
    if run.most_at_once("download(") < 3:
        return run.fail(
            "The downloads are tasks, but they still ran one after another: "
            f"{run.duration:.1f} s instead of about 0.5 s. Create all three before awaiting any.",
            "내려받기는 태스크지만 여전히 차례로 실행되어 약 0.5초 대신 "
            f"{run.duration:.1f}초 걸렸습니다. 셋을 모두 만든 다음에 await 하십시오.",
            timeline=True,
        )
    if run.pending():
        return run.fail(
            "A download was still running when the program ended: wait for every task.",
            "프로그램이 끝날 때 아직 실행 중인 내려받기가 있었습니다. 모든 태스크를 기다리십시오.",
        )
    return None
