"""The site's Content Security Policy: what its pages may load and run.

Every page gets the policy as a `<meta http-equiv="Content-Security-Policy">` tag (added by the
`on_post_page` hook), which works on any static host. What the site needs, and why:

- scripts from the site itself only, plus Material's few inline scripts (`__md_scope`, palette,
  tabs), allowed by their SHA-256 hashes, which this module computes from each built page;
  `'wasm-unsafe-eval'` lets WebAssembly compile (Pyodide); `blob:` lets the runner's worker
  import Pyodide's JavaScript glue once it has decoded it (`docs/assets/runner/download.js`:
  the glue reaches the reader brotli-compressed whatever the host does);
- styles from the site plus inline styles: Mermaid writes `<style>` into each diagram it draws,
  CodeMirror adds its own;
- images and fonts from the site and `data:` URLs (Material's icons are inline SVG data);
- requests (`fetch`, Material's instant navigation and search index) and workers (the Python
  runner, Material's search, the offline service worker) from the site only;
- no plugins (`object-src 'none'`), and no `<base>` or form target elsewhere.

A host that can send headers should send the same policy as a header, which also covers the
Web Workers (a meta tag applies to the page only) and can forbid framing the site
(`frame-ancestors`, which a meta tag cannot carry). `header_policy(site_dir)` prints it for a
built site, with the hashes of every page:

    python -c "from asyncio_notes.csp import header_policy; print(header_policy('site'))"

and the host sends `Content-Security-Policy: <that line>` with every response. `mkdocs serve`
injects its own live-reload script, which no hash can know in advance, so while serving the
policy allows inline scripts instead of listing hashes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
"""Script types a browser runs; data blocks (`type="application/json"`) need no permission."""

CHARSET = re.compile(r'<meta charset="[^"]*">')

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval' blob:"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
HEADER_ONLY = (("frame-ancestors", "'none'"),)
"""Directives a browser ignores in a meta tag."""


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources (`'sha256-…'`) for every inline script a browser would run in `html`."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\ssrc\s*=", attrs):
            continue
        kind = re.search(r'\stype\s*=\s*"([^"]*)"', attrs)
        if (kind[1].strip().lower() if kind else "") not in SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str], *, serving: bool = False, header: bool = False) -> str:
    """The policy text. `hashes` allow inline scripts; `serving` allows every inline script
    (for `mkdocs serve`); `header` adds what only a header can carry."""
    directives = DIRECTIVES + (HEADER_ONLY if header else ())
    parts = []
    for name, value in directives:
        if name == "script-src":
            value = " ".join([value, "'unsafe-inline'"] if serving else [value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def add_policy_meta(html: str, *, serving: bool = False) -> str:
    """`html` with the policy as a meta tag right after `<meta charset>`, before any script."""
    tag = (
        '<meta http-equiv="Content-Security-Policy" content="'
        f'{policy(inline_script_hashes(html), serving=serving)}">'
    )
    match = CHARSET.search(html)
    if match is None:
        raise ValueError("the page has no <meta charset>, so no place for the policy before it")
    return f"{html[: match.end()]}\n      {tag}{html[match.end() :]}"


def header_policy(site_dir: str | Path) -> str:
    """The policy as a header for a whole built site: the hashes of every page's scripts."""
    hashes: list[str] = []
    for page in sorted(Path(site_dir).rglob("*.html")):
        for source in inline_script_hashes(page.read_text(encoding="utf-8")):
            if source not in hashes:
                hashes.append(source)
    return policy(hashes, header=True)
