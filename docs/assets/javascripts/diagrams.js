// Draws ```mermaid fences (rendered as <pre class="diagram">) with the Mermaid copy that the
// site serves itself, each when it comes near the screen: Mermaid is only fetched on pages that
// have a diagram, and drawing one (0.1-0.25 s of the page's thread) never competes with a Run
// far from it. `data-drawing` marks a diagram queued or being drawn; `data-rendered` one drawn.
const MERMAID = new URL("../vendor/mermaid/mermaid.esm.min.mjs", import.meta.url);
const NEAR = "50% 0px"; // half a screen ahead: drawn before the reader scrolls to it
let mermaid;
let counter = 0;
let drawing = Promise.resolve(); // one diagram at a time: Mermaid's render is not reentrant

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";

async function drawOne(pre) {
  try {
    if (!pre.isConnected) return; // on a page instant navigation left
    mermaid ??= (await import(MERMAID.href)).default;
    mermaid.initialize({ startOnLoad: false, theme: isDark() ? "dark" : "default",
                         securityLevel: "strict", fontFamily: "var(--md-text-font-family)" });
    pre.dataset.source ??= pre.textContent;
    const { svg } = await mermaid.render(`diagram-${++counter}`, pre.dataset.source);
    pre.innerHTML = svg;
    pre.dataset.rendered = "";
  } catch (error) {
    console.error("diagram failed to render", error); // the diagram's source stays readable
  } finally {
    delete pre.dataset.drawing;
  }
}

function draw(pre) {
  pre.dataset.drawing = "";
  drawing = drawing.then(() => drawOne(pre));
}

const near = new IntersectionObserver((entries) => {
  for (const { isIntersecting, target } of entries) {
    if (!isIntersecting) continue;
    near.unobserve(target);
    draw(target);
  }
}, { rootMargin: NEAR });

document$.subscribe(() => {
  near.disconnect(); // the diagrams of the page instant navigation left
  for (const pre of document.querySelectorAll("pre.diagram:not([data-rendered])")) {
    near.observe(pre);
  }
});

// Redraw in the other colours when the reader switches between light and dark (diagrams not
// drawn yet take the new colours when they are).
new MutationObserver(() => {
  for (const pre of document.querySelectorAll("pre.diagram[data-rendered]")) draw(pre);
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
