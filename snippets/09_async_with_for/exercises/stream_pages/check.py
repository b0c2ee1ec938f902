"""Stream the pages: main() shows each page as soon as it is fetched, with async for."""

import ast

STARTER_FAILS_WITH = "only after all 3 pages"
PASSED = {
    "en": "Each page was shown as soon as it arrived: async for asked fetch_pages() for "
    "one page at a time, and main() showed it before asking for the next.",
    "ko": "페이지마다 도착하자마자 표시되었습니다. async for가 fetch_pages()에 페이지를 "
    "하나씩 요청했고, main()은 다음 페이지를 요청하기 전에 그 페이지를 표시했습니다.",
}

PAGES = 3


def line(run, text):
    """The index of the line `text`, or None."""
    return run.lines.index(text) if text in run.lines else None


def check(run):
    for n in range(1, PAGES + 1):
        for what in ("fetched", "showing"):
            if line(run, f"{what} page {n}") is None:
                return run.fail(
                    f"The program did not print '{what} page {n}': fetch_pages(3) must "
                    "still fetch the three pages, and main() show each of them.",
                    f"프로그램이 '{what} page {n}'을 출력하지 않았습니다. fetch_pages(3)은 "
                    "여전히 페이지 세 개를 가져오고, main()은 그 각각을 표시해야 합니다.",
                )
    for n in range(1, PAGES):
        shown, next_fetched = (
            line(run, f"showing page {n}"),
            line(run, f"fetched page {n + 1}"),
        )
        if shown > next_fetched:
            arrived = run.prints[line(run, f"fetched page {n}")]
            late = run.prints[shown]
            after_all = shown > line(run, f"fetched page {PAGES}")
            return run.fail(
                f"main() showed page {n} at {late:.1f} s, only after "
                + (f"all {PAGES} pages" if after_all else f"page {n + 1}")
                + f" had been fetched, although it arrived at {arrived:.1f} s: fetch_pages() "
                "hands the pages over only after fetching more. Make it hand over each page "
                "as soon as it has it.",
                f"{n}번 페이지는 {arrived:.1f}초에 도착했지만, main()은 "
                + (f"페이지 {PAGES}개를 모두" if after_all else f"{n + 1}번 페이지까지")
                + f" 가져온 뒤인 {late:.1f}초에야 그것을 표시했습니다. fetch_pages()가 "
                "페이지를 더 가져온 뒤에야 main()에 넘겨주기 때문입니다. 페이지를 받는 "
                "즉시 넘겨주도록 고치십시오.",
                timeline=True,
            )
    loops = [
        node
        for node in ast.walk(run.tree)
        if isinstance(node, ast.AsyncFor)
        or (isinstance(node, ast.comprehension) and node.is_async)
    ]
    if not loops and not run.calls("anext"):
        return run.fail(
            "Each page is shown as it arrives, but main() does not loop with async for: "
            "make fetch_pages() an asynchronous generator (or iterator) and iterate it with "
            "async for page in fetch_pages(3).",
            "페이지마다 도착하는 대로 표시되지만, main()이 async for로 반복하지 않습니다. "
            "fetch_pages()를 비동기 제너레이터(또는 이터레이터)로 만들고 "
            "async for page in fetch_pages(3)으로 반복하십시오.",
        )
    return None
