"""axe-core, pinned in package.json, and the call that runs its WCAG 2 A and AA checks in a
page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from asyncio_notes.catalogue import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""The WCAG 2 A and AA rules that read colours: all that a page's colour scheme can change."""
RUN_AXE = """async ({ within = null, rules = null, leaving_out = [] } = {}) => {
  // `within`: a CSS selector for the part of the page to check (the whole page if none);
  // `rules`: axe's rule ids (all of WCAG 2 A and AA if none), but not those in `leaving_out`.
  const { violations } = await axe.run(within ?? document, {
    runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: ["wcag2a", "wcag2aa"] },
    rules: Object.fromEntries(leaving_out.map((id) => [id, { enabled: false }])),
    resultTypes: ["violations"],
  });
  // The Playground editor's scroller holds its text, which takes focus (contenteditable);
  // axe does not count that as focusable content.
  const falseAlarm = (rule, node) =>
    rule === "scrollable-region-focusable" && node.target.join(" ").endsWith(".cm-scroller");
  return violations.flatMap(({ id, nodes }) => {
    const found = nodes.filter((node) => !falseAlarm(id, node)).map((n) => n.target.join(" "));
    return found.length ? [`${id}: ${found.slice(0, 3).join(", ")}`] : [];
  });
}"""


def axe_violations(
    page: Page,
    within: str | None = None,
    rules: list[str] | None = None,
    leaving_out: Sequence[str] = (),
) -> list:
    """axe's WCAG 2 A and AA violations in `page` (`RUN_AXE`), axe put in first if the page has
    none yet (by evaluation: the page's policy allows no script of ours)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    options = {"within": within, "rules": rules, "leaving_out": list(leaving_out)}
    return page.evaluate(RUN_AXE, options)
