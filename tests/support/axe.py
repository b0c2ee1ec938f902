"""axe-core, pinned in package.json, and the call that runs its WCAG 2 A and AA checks in a
page."""

from __future__ import annotations

from asyncio_notes.catalogue import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const { violations } = await axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
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
