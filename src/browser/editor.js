// Entry point of the editor bundle (build/vendor/editor.js), loaded by the page on first Edit.
// Everything comes from pinned npm packages; esbuild bundles it into one ES module.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { oneDark } from "@codemirror/theme-one-dark";

const themeFor = (dark) => (dark ? oneDark : []);

/**
 * Replace nothing, mount an editor into `parent` and return a small handle.
 * `onRun` is called on Ctrl/Cmd+Enter; `onChange(text)` after every edit.
 */
export function createEditor({ parent, doc, dark, label, onRun, onChange }) {
  const theme = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        python(),
        keymap.of([indentWithTab]),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
        theme.of(themeFor(dark)),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    setDark: (isDark) => view.dispatch({ effects: theme.reconfigure(themeFor(isDark)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
