"""The HTML of a ```mermaid fence: its source in a `<pre class="diagram">`, which
docs/assets/javascripts/diagrams.js draws (with the Mermaid copy the site serves) as the reader
nears it."""

from __future__ import annotations

from html import escape


def diagram_fence(source: str, language: str, css_class: str, *args, **kwargs) -> str:
    """pymdownx.superfences' custom format for the fence. The source is not in a `<code>`:
    Material mounts its code-block component on `pre > code` when it comes into view, and a
    mount that came after the drawing had replaced the `pre`'s content found its `code` in no
    `pre` and threw ("Cannot read properties of null (reading 'closest')")."""
    return f'<pre class="{escape(css_class)}">{escape(source, quote=False)}</pre>'
