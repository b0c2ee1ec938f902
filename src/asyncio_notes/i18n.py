"""The few words the site's Python tooling puts on pages, in each language.

Browser UI strings live with the browser code (`docs/assets/runner/strings.js`).
"""

LANGUAGES = ("en", "ko")
"""Every language the site is written in; English is the source and the default."""

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "output": "Output",
        "exercise": "Exercise",
        "output_recorded": "Output, recorded with {python}",
        "timeline_caption": (
            "What the event loop did, recorded with {python}: one lane per task, and under it"
            " (↳) the coroutine calls it awaited; solid while running, light while suspended;"
            " ticks below are printed lines."
        ),
        "timeline_caption_live": (
            "What the event loop did in your run: one lane per task, and under it (↳) the"
            " coroutine calls it awaited; solid while running, light while suspended."
        ),
        "timeline_summary": "The same timeline as a table",
        "timeline_task": "Task",
        "timeline_start": "Created (s)",
        "timeline_end": "Finished (s)",
        "timeline_state": "State",
        "timeline_awaited": "Awaited",
        "timeline_running": "running",
        "timeline_suspended": "suspended",
        "timeline_done": "done",
        "timeline_cancelled": "cancelled",
        "timeline_error": "raised {error}",
        "timeline_pending": "still pending",
        "timeline_prints": "print",
        "timeline_created": "created",
        "timeline_ran": "{task}: running {from_:.2f}–{to:.2f} s",
        "timeline_waited": "{task}: suspended {length:.2f} s in {what}",
        "timeline_printed": "line {n} printed at {at:.2f} s",
        "timeline_more": "{n} more tasks not shown",
        "timeline_more_calls": "{n} more coroutine calls not shown",
        "timeline_call": "awaited call",
        "timeline_label": "Timeline of {n} tasks over {duration:.2f} s",
        "timeline_label_one": "Timeline of 1 task over {duration:.2f} s",
        "timeline_turns": "turns",
        "timeline_turns_note": (
            "The whole run took under {seconds:g} s, so the figure spaces its steps by turns of"
            " the event loop (one step of one task each), not by time."
        ),
        "timeline_ran_turn": "{task}: running in turn {turn}",
        "timeline_waited_turns": "{task}: suspended for {turns} turns in {what}",
        "timeline_waited_turn_one": "{task}: suspended for 1 turn in {what}",
        "timeline_printed_turn": "line {n} printed in turn {turn}",
        "timeline_more_turns": "{n} more turns not shown",
        "timeline_label_turns": "Timeline of {n} tasks over {turns} turns of the event loop",
        "timeline_label_turns_one": "Timeline of 1 task over {turns} turns of the event loop",
        "footer": (
            "Examples run in your browser with Pyodide {pyodide} (Python {python}), served by this"
            " site. The output under each example says which Python recorded it."
        ),
        "browser_threads_title": "Runs with CPython only",
        "browser_threads": (
            "This example starts operating-system threads, which Python in the browser cannot do."
            " The output below was recorded with CPython; press Run to see the error the browser"
            " gives."
        ),
        "browser_network_title": "Runs with CPython only",
        "browser_network": (
            "This example opens network connections, which Python in the browser cannot do: a web"
            " page gets no sockets. The output below was recorded with CPython; press Run to see"
            " the error the browser gives."
        ),
        "browser_processes_title": "Runs with CPython only",
        "browser_processes": (
            "This example starts other programs as subprocesses, which Python in the browser"
            " cannot do. The output below was recorded with CPython; press Run to see the error"
            " the browser gives."
        ),
        "browser_debug_title": "Runs with CPython only",
        "browser_debug": (
            "This example uses asyncio's debug mode, which the event loop of Python in the"
            " browser does not have. The output below was recorded with CPython; press Run to"
            " see the error the browser gives."
        ),
        "browser_jspi_title": "Needs a recent browser",
        "browser_jspi": (
            "This example blocks on the event loop with `loop.run_until_complete()`. Python in the"
            " browser can do that only where WebAssembly stack switching (JSPI) is available:"
            " Chrome and Edge 137+, Firefox 153+. Elsewhere Run explains the error."
        ),
        # Translations: the notice on outdated or missing pages, the status table, the glossary.
        "language_en": "English",
        "language_ko": "Korean",
        "translation_outdated_title": "This translation is out of date",
        "translation_outdated": (
            "The {source_language} original of this page has changed since it was translated."
            " Read [the {source_language} page]({source_url}) for the current text, or help"
            " bring this one up to date: [translation status]({status_url})."
        ),
        "translation_untracked": (
            "This translation does not record which version of the {source_language} page it was"
            " made from, so it may be out of date. Compare it with [the {source_language}"
            " page]({source_url}); [translation status]({status_url}) says how to fix this."
        ),
        "translation_missing_title": "Not translated yet",
        "translation_missing": (
            "This page has no {language} translation yet, so it shows [the {source_language}"
            " original]({source_url}) as it is. [The contributor guide]({guide_url}) explains how"
            " to translate it."
        ),
        "status_page": "Page",
        "status_language": "Translation",
        "status_state": "State",
        "status_source": "Source",
        "status_up_to_date": "up to date",
        "status_outdated": "outdated",
        "status_untracked": "outdated (never marked as synced)",
        "status_missing": "missing",
        "status_summary": "{count} of {total} translations need work.",
        "status_all_done": "Every translation is up to date.",
        "glossary_english": "English",
        "glossary_korean": "Korean",
        "glossary_avoid": "Not",
        "glossary_note": "Where the official translation uses it",
    },
    "ko": {
        "output": "출력",
        "exercise": "연습 문제",
        "output_recorded": "출력: {python}에서 기록",
        "timeline_caption": (
            "{python}에서 기록한 이벤트 루프의 동작입니다. 태스크마다 한 줄이며, 그 아래(↳)는 태스크가"
            " 기다린 코루틴 호출입니다. 진한 막대는 실행 중, 옅은 막대는 일시 중단된 시간입니다."
            " 아래 눈금은 출력한 줄입니다."
        ),
        "timeline_caption_live": (
            "여러분이 실행한 프로그램에서 이벤트 루프가 한 일입니다. 태스크마다 한 줄이며, 그 아래(↳)는"
            " 태스크가 기다린 코루틴 호출입니다. 진한 막대는 실행 중, 옅은 막대는 일시 중단된 시간입니다."
        ),
        "timeline_summary": "같은 타임라인을 표로 보기",
        "timeline_task": "태스크",
        "timeline_start": "생성 (초)",
        "timeline_end": "완료 (초)",
        "timeline_state": "상태",
        "timeline_awaited": "기다린 대상",
        "timeline_running": "실행 중",
        "timeline_suspended": "일시 중단",
        "timeline_done": "완료",
        "timeline_cancelled": "취소됨",
        "timeline_error": "{error} 예외 발생",
        "timeline_pending": "아직 대기 중",
        "timeline_prints": "출력",
        "timeline_created": "생성",
        "timeline_ran": "{task}: 실행 중 {from_:.2f}–{to:.2f}초",
        "timeline_waited": "{task}: {what}에서 {length:.2f}초 동안 일시 중단",
        "timeline_printed": "{n}번째 줄을 {at:.2f}초에 출력",
        "timeline_more": "태스크 {n}개는 표시하지 않습니다",
        "timeline_more_calls": "코루틴 호출 {n}개는 표시하지 않습니다",
        "timeline_call": "기다린 호출",
        "timeline_label": "태스크 {n}개의 {duration:.2f}초 동안의 타임라인",
        "timeline_label_one": "태스크 1개의 {duration:.2f}초 동안의 타임라인",
        "timeline_turns": "차례",
        "timeline_turns_note": (
            "실행 전체가 {seconds:g}초도 걸리지 않아서, 이 그림은 단계를 시간이 아니라 이벤트 루프의"
            " 차례(한 태스크의 한 단계)로 벌려 그립니다."
        ),
        "timeline_ran_turn": "{task}: {turn}번째 차례에 실행 중",
        "timeline_waited_turns": "{task}: {what}에서 {turns}차례 동안 일시 중단",
        "timeline_waited_turn_one": "{task}: {what}에서 1차례 동안 일시 중단",
        "timeline_printed_turn": "{n}번째 줄을 {turn}번째 차례에 출력",
        "timeline_more_turns": "차례 {n}개는 표시하지 않습니다",
        "timeline_label_turns": "태스크 {n}개의 이벤트 루프 {turns}차례 동안의 타임라인",
        "timeline_label_turns_one": "태스크 1개의 이벤트 루프 {turns}차례 동안의 타임라인",
        "footer": (
            "예제는 이 사이트가 제공하는 Pyodide {pyodide}(Python {python})로 브라우저에서"
            " 실행됩니다. 예제 아래의 출력에는 그 출력을 기록한 파이썬이 표시되어 있습니다."
        ),
        "browser_threads_title": "CPython에서만 실행됩니다",
        "browser_threads": (
            "이 예제는 운영 체제 스레드를 시작하는데, 브라우저 안의 파이썬은 스레드를 만들 수 없습니다."
            " 아래 출력은 CPython으로 기록한 것입니다. 실행을 누르면 브라우저가 내는 오류를 볼 수"
            " 있습니다."
        ),
        "browser_network_title": "CPython에서만 실행됩니다",
        "browser_network": (
            "이 예제는 네트워크 연결을 여는데, 웹 페이지에는 소켓이 없으므로 브라우저 안의 파이썬은"
            " 이 일을 할 수 없습니다. 아래 출력은 CPython에서 기록한 것입니다. 실행을 누르면 브라우저가"
            " 내는 오류를 볼 수 있습니다."
        ),
        "browser_processes_title": "CPython에서만 실행됩니다",
        "browser_processes": (
            "이 예제는 다른 프로그램을 서브 프로세스로 시작하는데, 브라우저 안의 파이썬은 이 일을 할 수"
            " 없습니다. 아래 출력은 CPython에서 기록한 것입니다. 실행을 누르면 브라우저가 내는 오류를 볼"
            " 수 있습니다."
        ),
        "browser_debug_title": "CPython에서만 실행됩니다",
        "browser_debug": (
            "이 예제는 asyncio의 디버그 모드를 쓰는데, 브라우저 안의 파이썬의 이벤트 루프에는 디버그"
            " 모드가 없습니다. 아래 출력은 CPython에서 기록한 것입니다. 실행을 누르면 브라우저가 내는"
            " 오류를 볼 수 있습니다."
        ),
        "browser_jspi_title": "최신 브라우저가 필요합니다",
        "browser_jspi": (
            "이 예제는 `loop.run_until_complete()`로 이벤트 루프가 끝날 때까지 기다립니다. 브라우저 안의"
            " 파이썬은 WebAssembly 스택 전환(JSPI)을 지원하는 브라우저(Chrome·Edge 137 이상,"
            " Firefox 153 이상)에서만 이렇게 할 수 있습니다. 다른 브라우저에서는 실행 시 오류를 설명합니다."
        ),
        # 번역: 오래되었거나 없는 페이지의 안내, 번역 현황 표, 용어집.
        "language_en": "영어",
        "language_ko": "한국어",
        "translation_outdated_title": "번역이 최신이 아닙니다",
        "translation_outdated": (
            "이 페이지를 번역한 뒤에 {source_language} 원문이 바뀌었습니다. 최신 내용은"
            " [{source_language} 원문]({source_url})에서 확인하십시오."
            " [번역 현황]({status_url})에서 번역을 최신으로 고치는 일을 도울 수도 있습니다."
        ),
        "translation_untracked": (
            "이 번역은 {source_language} 원문의 어느 판을 옮긴 것인지 기록하지 않아서"
            " 최신이 아닐 수 있습니다. [{source_language} 원문]({source_url})과 비교해"
            " 보십시오. 고치는 방법은 [번역 현황]({status_url})에 있습니다."
        ),
        "translation_missing_title": "아직 번역되지 않았습니다",
        "translation_missing": (
            "이 페이지는 아직 {language}로 번역되지 않아서 [{source_language} 원문]({source_url})을"
            " 그대로 보여 드립니다. 번역하는 방법은 [기여 안내]({guide_url})에 있습니다."
        ),
        "status_page": "페이지",
        "status_language": "번역",
        "status_state": "상태",
        "status_source": "원문",
        "status_up_to_date": "최신",
        "status_outdated": "갱신 필요",
        "status_untracked": "갱신 필요 (동기화 기록 없음)",
        "status_missing": "번역 없음",
        "status_summary": "번역 {total}개 중 {count}개에 손볼 곳이 있습니다.",
        "status_all_done": "모든 번역이 최신입니다.",
        "glossary_english": "영어",
        "glossary_korean": "한국어",
        "glossary_avoid": "쓰지 않는 표기",
        "glossary_note": "공식 번역에서 쓰인 곳",
    },
}


def text(lang: str, key: str) -> str:
    """The string `key` in `lang`, falling back to English for an unknown language."""
    return STRINGS.get(lang, STRINGS["en"])[key]
