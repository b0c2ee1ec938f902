"""Plain `str -> str` functions over page Markdown, used by the hooks and by the page checks.

A page shows an example by including its file in a Python fence, and nothing else:

    ```python
    --8<-- "03_tasks/create_task.py"
    ```

`wrap_examples` turns each such fence into the runnable example block: the code, a notice if
the browser cannot run it, and the output recorded beside the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from asyncio_notes.catalogue import Snippet
from asyncio_notes.fences import CodeFence, code_fences
from asyncio_notes.i18n import text
from asyncio_notes.practice import practice_blocks
from asyncio_notes.timeline import render_recorded

PYTHON_LANGS = frozenset({"py", "python", "python3", "pycon", "py3"})

HEADING = re.compile(
    r"^(?P<level>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*$"
)


def included_snippets(markdown: str) -> list[str]:
    """Names of the snippets a page includes, in the order it includes them: in a fence, or as
    a "predict, then run" question (`asyncio_notes.practice`)."""
    found = [
        (fence.start, name)
        for fence in code_fences(markdown)
        if fence.lang in PYTHON_LANGS and (name := fence.included_snippet)
    ]
    found += [(b.start, b.name) for b in practice_blocks(markdown) if b.kind == "predict"]
    return [name for _, name in sorted(found)]


def bare_code_blocks(markdown: str) -> list[int]:
    """Line numbers of Python fences that hold code instead of including a snippet file."""
    return [
        fence.line
        for fence in code_fences(markdown)
        if fence.lang in PYTHON_LANGS and fence.included_snippet is None
    ]


def heading_anchors(markdown: str) -> list[tuple[str, str | None]]:
    """`(heading text, explicit id or None)` for every `##`-level or deeper heading.

    Headings carry explicit ids (`## 태스크 { #tasks }`) so a link to a section works in
    both languages; code fences are skipped.
    """
    fenced = [(f.start, f.end) for f in code_fences(markdown)]
    anchors = []
    offset = 0
    for line in markdown.splitlines(keepends=True):
        inside = any(start <= offset < end for start, end in fenced)
        offset += len(line)
        if inside or not line.startswith("##"):
            continue
        if match := HEADING.match(line.rstrip("\n")):
            anchors.append((match["text"], match["id"]))
    return anchors


class UnknownSnippetError(LookupError):
    """A page includes a snippet that is not in the catalogue, or has no recorded output."""


def wrap_examples(markdown: str, lang: str, snippets: Mapping[str, Snippet]) -> str:
    """Turn every included example into a runnable example block with its recorded output.

    Args:
        markdown: The page source.
        lang: The page's language (`"en"` or `"ko"`), for the titles and notices.
        snippets: The catalogue, by snippet name.

    Raises:
        UnknownSnippetError: An included snippet does not exist or has never been recorded.
    """
    parts = []
    last = 0
    for fence in code_fences(markdown):
        name = fence.included_snippet if fence.lang in PYTHON_LANGS else None
        if name is None:
            continue
        snippet = snippets.get(name)
        if snippet is None:
            raise UnknownSnippetError(f"includes snippets/{name}.py, which does not exist")
        if snippet.recorded_output is None:
            raise UnknownSnippetError(
                f"snippets/{name}.py has no recorded output: run `make update-outputs`"
            )
        parts.append(markdown[last : fence.start])
        parts.append(_example_block(fence, snippet, lang))
        last = fence.end
    parts.append(markdown[last:])
    return "".join(parts)


TIMELINE_SECONDS = re.compile(r'\s*\btimeline-seconds="(?P<seconds>\d+(?:\.\d+)?)"')
"""A fence option for the timeline's time axis: `timeline-seconds="1.5"` draws at least 1.5 s, so
that examples compared on one page (sequential, concurrent) share a scale."""


def _example_block(fence: CodeFence, snippet: Snippet, lang: str) -> str:
    options = fence.options
    axis = TIMELINE_SECONDS.search(options)
    options = TIMELINE_SECONDS.sub("", options).strip()
    if "title=" not in options:
        options = f'{options} title="{snippet.path.name}"'.strip()
    browser = f' data-browser="{snippet.browser_reason}"' if snippet.browser_reason else ""
    lines = [f'<div class="example" data-example="{snippet.name}"{browser} markdown>', ""]
    if snippet.browser_reason:
        lines += [
            f'!!! warning "{text(lang, f"browser_{snippet.browser_reason}_title")}"',
            f"    {text(lang, 'browser_' + snippet.browser_reason)}",
            "",
        ]
    lines += [
        f"``` python {options}",
        f'--8<-- "{snippet.name}.py"',
        "```",
        "",
        '<div class="example-output" markdown>',
        "",
        f'``` text title="{_output_title(snippet, lang)}"',
        f'--8<-- "{snippet.name}.out"',
        "```",
        "",
        "</div>",
    ]
    timeline = render_recorded(snippet, lang, float(axis["seconds"]) if axis else 0.0)
    if timeline is not None:
        lines += ["", timeline, ""]
    lines += ["</div>"]
    return "\n".join(fence.indent + line if line else line for line in lines)


def _output_title(snippet: Snippet, lang: str) -> str:
    """ "Output, recorded with CPython 3.11": each recorded output names the Python that printed it."""
    if snippet.recorded_with is None:
        return text(lang, "output")
    return text(lang, "output_recorded").format(python=snippet.recorded_with)


ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_alternate_links(html: str) -> str:
    """Remove the `<link rel="alternate" hreflang>` tags from a page's head.

    Material fetches `sitemap.xml` below every such link, taking it for the root of another
    language's site; mkdocs-static-i18n points them at pages, so every page load made two
    requests that fail. The sitemap keeps the hreflang alternates for search engines, and
    `language-switch.js` links the reader to the same page in the other language.
    """
    return ALTERNATE_LINK.sub("", html)


COMPARISON_TABLE = re.compile(r"<table>\n<thead>\n<tr>\n<th></th>.*?</table>", re.DOTALL)
FIRST_CELL = re.compile(r"<tr>\n<td([^>]*)>(.*?)</td>", re.DOTALL)


def mark_row_headers(html: str) -> str:
    """In a table whose top-left header is empty (a comparison: a label in each row's first
    cell), make those first cells row headers and the empty corner a plain cell.

    Written in Markdown, the labels come out as data cells under an empty header, and a
    screen reader then announces each cell without saying which row it belongs to.
    """

    def rework(table: re.Match[str]) -> str:
        head, body = table.group().replace("<th></th>", "<td></td>", 1).split("<tbody>", 1)
        return head + "<tbody>" + FIRST_CELL.sub(r'<tr>\n<th scope="row"\1>\2</th>', body)

    return COMPARISON_TABLE.sub(rework, html)


HIGHLIGHTED_CODE = "<pre><span></span><code>"


def focusable_code(html: str) -> str:
    """Let the keyboard reach every highlighted code block (`tabindex="0"`), so that one wider
    than the page can be scrolled without a mouse.

    Material sets this itself, but only on blocks that turn out to scroll, and (with
    `content.lazy`) only once a block comes into view: a keyboard reader would skip the code of
    examples further down. Material takes it off again where a block does not scroll.
    """
    return html.replace(HIGHLIGHTED_CODE, '<pre><span></span><code tabindex="0">')
