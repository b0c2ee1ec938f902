"""Korean pages use the glossary's renderings; the glossary data is sound."""

from __future__ import annotations

import pytest

from asyncio_notes.glossary import (
    MARKER,
    Term,
    fill_glossary,
    glossary_table,
    glossary_violations,
    load_glossary,
    register_violations,
)
from conftest import DOCS, pages

TERMS = load_glossary()
THREAD = Term("thread", "스레드", ("쓰레드",), "threading")
LOCK = Term("lock", "록", ("락",), "threading")
QUOTE = "> 여러 쓰레드들을 사용할 때처럼 락을 관리할 필요가 없다.\n"


@pytest.mark.parametrize("page", pages("ko"))
def test_korean_pages_use_glossary_terms(page: str) -> None:
    found = glossary_violations((DOCS / "ko" / page).read_text(encoding="utf-8"), TERMS)
    assert not found, (
        f"docs/ko/{page} uses renderings the glossary avoids (src/asyncio_notes/data/"
        "glossary.tsv):\n" + "\n".join(f"  {v}" for v in found) + "\nUse the glossary's "
        "rendering, or allow it on purpose in the front matter (glossary_allow_in_quotes for a "
        "quotation, glossary_allow for the page)."
    )


@pytest.mark.parametrize("page", pages("ko"))
def test_korean_pages_write_one_register(page: str) -> None:
    found = register_violations((DOCS / "ko" / page).read_text(encoding="utf-8"))
    assert not found, (
        f"docs/ko/{page} mixes registers: the pages write 합니다체, whose imperative is -십시오 "
        "(보십시오, 마십시오), not -세요:\n" + "\n".join(f"  line {n}: {word}" for n, word in found)
    )


def test_a_polite_imperative_is_flagged_outside_quotes_and_code() -> None:
    page = "---\nsource_hash: x\n---\n실행해 보세요.\n> 인용은 그대로 두세요.\n`보세요` 참고하십시오.\n"
    assert register_violations(page) == [(4, "보세요")]


def test_the_glossary_starts_from_the_official_terms() -> None:
    korean = {term.english: term.korean for term in TERMS}
    for english, rendering in [
        ("coroutine", "코루틴"),
        ("awaitable", "어웨이터블"),
        ("task", "태스크"),
        ("future", "퓨처"),
        ("thread", "스레드"),
        ("event loop", "이벤트 루프"),
    ]:
        assert korean[english] == rendering


def test_no_avoided_rendering_is_part_of_a_glossary_rendering() -> None:
    renderings = {term.korean for term in TERMS}
    for term in TERMS:
        for variant in term.avoid:
            clashes = [r for r in renderings if variant in r]
            assert not clashes, f"{term.english}: avoiding {variant!r} would flag {clashes}"


@pytest.mark.parametrize(
    "text",
    [
        "여러 쓰레드를 씁니다.\n",
        "쓰레드들을 관리합니다.\n",
        "(쓰레드)\n",
        "**쓰레드**는\n",
        "- 쓰레드\n",
        "    !!! note\n        쓰레드입니다.\n",
    ],
)
def test_a_transliteration_is_flagged(text: str) -> None:
    assert [v.found for v in glossary_violations(text, [THREAD])] == ["쓰레드"]


def test_the_line_number_counts_the_front_matter() -> None:
    page = "---\nsource_hash: abc\n---\n\n# 제목\n\n스레드와 쓰레드.\n"
    (violation,) = glossary_violations(page, [THREAD])
    assert violation.line == 7
    assert str(violation) == "line 7: '쓰레드' for 'thread'; the glossary writes '스레드'"


@pytest.mark.parametrize(
    "text",
    [
        "스레드를 씁니다.\n",
        "연락을 기다립니다.\n",  # 락 inside a word is not 락 the lock
        "`쓰레드`는 피합니다.\n",
        "```text\n쓰레드\n```\n",
        "<!-- 쓰레드 -->\n",
        "[스레드](https://example.org/쓰레드)\n",
    ],
)
def test_code_comments_and_other_words_are_not_flagged(text: str) -> None:
    assert glossary_violations(text, [THREAD, LOCK]) == []


def test_quotations_can_be_allowed_on_purpose() -> None:
    body = "# 제목\n\n" + QUOTE + "\n쓰레드는 본문입니다.\n"
    assert len(glossary_violations(body, [THREAD, LOCK])) == 3
    allowed = "---\nglossary_allow_in_quotes: [쓰레드, 락]\n---\n" + body
    assert [(v.line, v.found) for v in glossary_violations(allowed, [THREAD, LOCK])] == [
        (8, "쓰레드")
    ]  # outside the quotation it is still flagged
    everywhere = "---\nglossary_allow: 쓰레드\n---\n" + body
    assert [v.found for v in glossary_violations(everywhere, [THREAD, LOCK])] == ["락"]


def test_glossary_table_in_both_languages() -> None:
    english = glossary_table([THREAD], "en").splitlines()
    assert english[0] == "| English | Korean | Not | Where the official translation uses it |"
    assert english[2] == "| thread | **스레드** | <del>쓰레드</del> | threading |"
    assert glossary_table([THREAD], "ko").splitlines()[0] == (
        "| 영어 | 한국어 | 쓰지 않는 표기 | 공식 번역에서 쓰인 곳 |"
    )
    filled = fill_glossary(f"# Glossary\n\n{MARKER}\n", TERMS, "en")
    assert filled.count("\n| ") == len(TERMS) + 2  # header, separator, one row per term
    assert fill_glossary("# Other\n", TERMS, "en") == "# Other\n"


def test_bad_glossary_rows_are_refused(tmp_path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_text("english\tkorean\tavoid\tnote\nthread\t스레드\t스레드\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="both the rendering and avoided"):
        load_glossary(path)
    path.write_text("english\tkorean\tavoid\tnote\nthread\t\t\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2"):
        load_glossary(path)
