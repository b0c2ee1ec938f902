// Loads the CodeMirror bundle (built from pinned npm packages) the first time a reader edits,
// and keeps the editor's colours in step with Material's light/dark switch.
const BUNDLE = new URL("../vendor/editor.js", import.meta.url);
let bundle;
const editors = new Set();

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";

new MutationObserver(() => {
  for (const editor of editors) editor.setDark(isDark());
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

/** Mount an editor in `parent`; see src/browser/editor.js for the handle it returns. */
export async function openEditor({ parent, doc, label, onRun, onChange }) {
  bundle ??= import(BUNDLE.href);
  const { createEditor } = await bundle;
  const editor = createEditor({ parent, doc, dark: isDark(), label, onRun, onChange });
  editors.add(editor);
  const destroy = editor.destroy;
  editor.destroy = () => {
    editors.delete(editor);
    destroy();
  };
  return editor;
}
