"""Await the coroutine: save() runs for each file, and main() prints the size it returns."""

STARTER_FAILS_WITH = "never awaited"
PASSED = {
    "en": "Awaiting save() ran its body to the end and gave main() the number it "
    "returned.",
    "ko": "save()를 await 하자 본문이 끝까지 실행되었고, save()가 돌려준 수가 main()에 "
    "전달되었습니다.",
}

FILES = {"notes.txt": 10, "todo.txt": 14}  # name -> the size save() returns


def check(run):
    if any("<coroutine object" in line for line in run.lines):
        return run.fail(
            "main() printed a coroutine object where the size should be, and no file was "
            "saved: calling save() only created a coroutine object, which was never awaited, "
            "so the body of save() never ran.",
            "main()이 크기 대신 코루틴 객체를 출력했고, 저장된 파일은 없습니다. save()를 "
            "호출하면 코루틴 객체가 만들어질 뿐이며, 이 객체를 await 하지 않았으므로 save()의 "
            "본문은 실행되지 않았습니다.",
        )
    if any("<Task " in line for line in run.lines):
        return run.fail(
            "main() printed a task where the size should be: a task is not its result. "
            "Await save(...) to get the number it returns.",
            "main()이 크기 대신 태스크를 출력했습니다. 태스크는 그 결과가 아닙니다. "
            "save(...)를 await 해서 돌려주는 수를 얻으십시오.",
        )
    saved = [name for name in FILES if f"{name}: saved" in run.lines]
    if len(saved) < len(FILES):
        return run.fail(
            f"Only {len(saved)} of the {len(FILES)} files printed that they were saved: "
            "a save() that is not awaited never runs.",
            f"파일 {len(FILES)}개 중 {len(saved)}개만 저장되었다고 출력했습니다. await 하지 "
            "않은 save()는 실행되지 않습니다.",
        )
    for name, size in FILES.items():
        if not any(line.startswith(f"{name}: {size} ") for line in run.lines):
            return run.fail(
                f"main() did not print the size save() returned for {name} "
                f"({size} characters): print the value that `await save(...)` gives.",
                f"main()이 save()가 {name}에 대해 돌려준 크기({size}자)를 출력하지 "
                "않았습니다. `await save(...)`가 돌려주는 값을 출력하십시오.",
            )
    return None
