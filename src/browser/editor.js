// Entry point of the editor bundle (build/vendor/editor.js), loaded by the page on first Edit.
// Everything comes from pinned npm packages; esbuild bundles it into one ES module.
import { basicSetup } from "codemirror";
import { Decoration, EditorView, keymap } from "@codemirror/view";
import { Compartment, EditorState, Prec, StateEffect, StateField } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { oneDarkTheme } from "@codemirror/theme-one-dark";
import { tags as t } from "@lezer/highlight";

// The page's own code colours (Material's, with the contrast fixes in site.css), in both
// schemes: the editor looks like the code block it replaces, and its text keeps 4.5:1.
const pageCodeColours = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
    color: "var(--md-code-hl-keyword-color)" },
  { tag: [t.operator, t.operatorKeyword], color: "var(--md-code-hl-operator-color)" },
  { tag: [t.punctuation, t.bracket, t.separator], color: "var(--md-code-hl-punctuation-color)" },
  { tag: [t.string, t.docString], color: "var(--md-code-hl-string-color)" },
  { tag: [t.special(t.string), t.escape, t.regexp], color: "var(--md-code-hl-special-color)" },
  { tag: t.number, color: "var(--md-code-hl-number-color)" },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName)),
          t.definition(t.className), t.className, t.namespace],
    color: "var(--md-code-hl-function-color)" },
  { tag: [t.self, t.standard(t.variableName)], color: "var(--md-code-hl-constant-color)" },
  { tag: t.comment, color: "var(--md-code-hl-comment-color)" },
  { tag: [t.variableName, t.propertyName, t.bool, t.null],
    color: "var(--md-code-hl-name-color)" },
]);

// One Dark for the editor itself in the dark scheme, with line numbers light enough for 4.6:1;
// the tokens keep the page's colours.
const darkGutter = Prec.highest(
  EditorView.theme({ ".cm-gutters": { color: "#929baa" } }, { dark: true }),
);
const themeFor = (dark) => (dark ? [oneDarkTheme, darkGutter] : []);

// The step-through's marks (docs/assets/timeline/stepper.js): a class, and attributes, on whole
// lines, the same ones the page puts on a code block's line spans.
const setLineMarks = StateEffect.define();
const lineMarks = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setLineMarks)) return effect.value;
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function lineDecorations(state, marks) {
  const ranges = [];
  for (const { line, attributes } of [...marks].sort((a, b) => a.line - b.line)) {
    if (line < 1 || line > state.doc.lines) continue;
    ranges.push(Decoration.line({ attributes }).range(state.doc.line(line).from));
  }
  return Decoration.set(ranges);
}

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
        syntaxHighlighting(pageCodeColours),
        basicSetup,
        python(),
        keymap.of([indentWithTab]),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }])),
        theme.of(themeFor(dark)),
        lineMarks,
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
    /** Mark whole lines: [{line (from 1), attributes: {class, ...}}]; [] clears them. */
    markLines: (marks) =>
      view.dispatch({ effects: setLineMarks.of(lineDecorations(view.state, marks)) }),
    setDark: (isDark) => view.dispatch({ effects: theme.reconfigure(themeFor(isDark)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
