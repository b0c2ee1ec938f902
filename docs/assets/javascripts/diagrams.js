// Draws ```mermaid fences (rendered as <pre class="diagram">) with the Mermaid copy that the
// site serves itself. Mermaid is only fetched on pages that have a diagram.
const MERMAID = new URL("../vendor/mermaid/mermaid.esm.min.mjs", import.meta.url);
let mermaid;
let counter = 0;

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";

async function draw(diagrams) {
  mermaid ??= (await import(MERMAID.href)).default;
  mermaid.initialize({ startOnLoad: false, theme: isDark() ? "dark" : "default",
                       securityLevel: "strict", fontFamily: "var(--md-text-font-family)" });
  for (const pre of diagrams) {
    pre.dataset.source ??= pre.textContent;
    try {
      const { svg } = await mermaid.render(`diagram-${++counter}`, pre.dataset.source);
      pre.innerHTML = svg;
      pre.dataset.rendered = "";
    } catch (error) {
      console.error("diagram failed to render", error);
    }
  }
}

const diagramsOnPage = () => [...document.querySelectorAll("pre.diagram")];

document$.subscribe(() => {
  const diagrams = diagramsOnPage();
  if (diagrams.length) draw(diagrams);
});

// Redraw in the other colours when the reader switches between light and dark.
new MutationObserver(() => {
  const diagrams = diagramsOnPage().filter((pre) => "rendered" in pre.dataset);
  if (diagrams.length) draw(diagrams);
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
