"""The few words the site's Python tooling puts on pages, in each language.

Browser UI strings live with the browser code (`docs/assets/runner/strings.js`).
"""

LANGUAGES = ("en", "ko")
"""Every language the site is written in; English is the source and the default."""

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "output": "Output",
        "footer": (
            "Examples run in your browser with Pyodide {pyodide} (Python {python}), served by this"
            " site. Output shown under each example was recorded with CPython."
        ),
        "browser_threads_title": "Runs with CPython only",
        "browser_threads": (
            "This example starts operating-system threads, which Python in the browser cannot do."
            " The output below was recorded with CPython; press Run to see the error the browser"
            " gives."
        ),
        "browser_jspi_title": "Needs a recent browser",
        "browser_jspi": (
            "This example blocks on the event loop with `loop.run_until_complete()`. Python in the"
            " browser can do that only where WebAssembly stack switching (JSPI) is available:"
            " Chrome and Edge 137+, Firefox 153+. Elsewhere Run explains the error."
        ),
    },
    "ko": {
        "output": "출력",
        "footer": (
            "예제는 이 사이트가 제공하는 Pyodide {pyodide}(Python {python})로 브라우저에서"
            " 실행됩니다. 예제 아래의 출력은 CPython으로 기록한 것입니다."
        ),
        "browser_threads_title": "CPython에서만 실행됩니다",
        "browser_threads": (
            "이 예제는 운영 체제 스레드를 시작하는데, 브라우저 안의 파이썬은 스레드를 만들 수 없습니다."
            " 아래 출력은 CPython으로 기록한 것입니다. 실행을 누르면 브라우저가 내는 오류를 볼 수"
            " 있습니다."
        ),
        "browser_jspi_title": "최신 브라우저가 필요합니다",
        "browser_jspi": (
            "이 예제는 `loop.run_until_complete()`로 이벤트 루프가 끝날 때까지 기다립니다. 브라우저 안의"
            " 파이썬은 WebAssembly 스택 전환(JSPI)을 지원하는 브라우저(Chrome·Edge 137 이상,"
            " Firefox 153 이상)에서만 이렇게 할 수 있습니다. 다른 브라우저에서는 실행 시 오류를 설명합니다."
        ),
    },
}


def text(lang: str, key: str) -> str:
    """The string `key` in `lang`, falling back to English for an unknown language."""
    return STRINGS.get(lang, STRINGS["en"])[key]
