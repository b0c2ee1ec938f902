// One example on a page: Run, Stop, Edit, Reset and Copy under its code, the live output beside
// the recorded one (or in its place, once the code is not the original), and the reader's edits
// kept in the browser.
import { makeButton, RunPanel } from "./run-panel.js";
import { fingerprint, isUnsaved, load, remove, save } from "./storage.js";
import { strings } from "./strings.js";
import { CodeLines } from "../timeline/stepper.js";
import { TimelineView } from "./timeline-view.js";

const panels = new WeakMap(); // example block -> its RunPanel

/** The programs of the page's examples as they would run now ({code, filename}). */
export function programsOnPage() {
  return [...document.querySelectorAll(".example")].flatMap((root) => {
    const panel = panels.get(root);
    return panel ? [{ code: panel.getCode(), filename: panel.filename }] : [];
  });
}

/**
 * @param {HTMLElement} root a `.example` block made by the build (src/asyncio_notes/pages.py)
 * @param {object} [options] what the Playground and exercises change: `storageKey`,
 *   `initialCode` (open the editor with it), `notice`, and buttons for the toolbar:
 *   `leadButtons` after Run, `extraButtons` after Copy
 */
export function mountExample(root, options = {}) {
  root.dataset.runner = "mounted";
  const t = strings();
  const name = root.dataset.example;
  const storageKey = options.storageKey ?? `edit:${name}`;
  const codeBlock = /** @type {HTMLElement | null} */ (root.querySelector(":scope > .highlight"));
  const outputBox = root.querySelector(":scope > .example-output");
  const recorded = /** @type {HTMLElement | null | undefined} */ (
    outputBox?.querySelector(".highlight"));
  if (!codeBlock || !outputBox) return;
  const original = codeBlock.querySelector("code").textContent;
  let editor = null;
  const timeline = new TimelineView(root, name, new CodeLines(codeBlock, () => editor));

  const panel = new RunPanel({
    t,
    filename: `${name.split("/").pop()}.py`,
    getCode: () => (editor ? editor.getText() : original),
    timeline: timeline.request,
    onTimeline: (html) => timeline.show(html),
    // However the run started (Run, Ctrl+Enter in the editor), the run's output and timeline
    // come in. The original's stay beside them to compare with; under other code they would say
    // what that code does not print, so they give way.
    onState: (state) => {
      if (state !== "running") {
        root.style.minHeight = "";
        panel.reserve("");
        timeline.runEnded();
        return;
      }
      // The example keeps its height until the run ends, so that nothing below it moves while
      // the live output grows (and the browser need not restyle and lay out the rest of the
      // page during the run). A run of the original gets the room its recorded output and
      // timeline take, which its own will fill.
      const height = root.getBoundingClientRect().height; // before the recorded parts hide
      const compare = Boolean(recorded) && panel.getCode() === original;
      outputBox.toggleAttribute("data-compare", compare);
      if (recorded) recorded.hidden = !compare;
      notRunYet.hidden = true;
      timeline.runStarted({ keepRecorded: compare });
      resetButton.disabled = false;
      // Measured once the panel shows, which the run's start does after this call (and before
      // the browser draws a frame).
      queueMicrotask(() => {
        panel.reserve(compare ? recorded.textContent : "");
        root.style.minHeight = `${Math.max(height, root.getBoundingClientRect().height)}px`;
      });
    },
  });

  panels.set(root, panel);

  const toolbar = document.createElement("div");
  toolbar.className = "runner-toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", t("toolbar"));
  const editButton = makeButton(t("edit"), "runner-edit");
  const resetButton = makeButton(t("reset"), "runner-reset");
  const copyButton = makeButton(t("copy"), "runner-copy");
  resetButton.disabled = true;
  // Stop comes last: appearing while a program runs, it shifts no button under the pointer.
  toolbar.append(panel.runButton, ...(options.leadButtons ?? []), editButton, resetButton,
                 copyButton, ...(options.extraButtons ?? []), panel.stopButton);
  const notice = document.createElement("p");
  notice.className = "runner-notice";
  notice.hidden = true;
  codeBlock.after(toolbar, notice);
  outputBox.prepend(panel.element);

  const showNotice = (text) => {
    notice.textContent = text;
    notice.hidden = !text;
  };

  // What the build recorded is the original's output: under other code (a saved edit, a shared
  // link), it would say what that code does not print.
  const notRunYet = document.createElement("p");
  notRunYet.className = "runner-not-run";
  notRunYet.textContent = t("notRunYet");
  notRunYet.hidden = true;
  outputBox.append(notRunYet);
  const showsOtherCode = () => {
    outputBox.removeAttribute("data-compare");
    if (recorded) recorded.hidden = true;
    timeline.runStarted();
    notRunYet.hidden = false;
  };

  /** Save the reader's code in the browser, with the original it was made from. */
  function keep(text) {
    const saved = save(storageKey, { code: text, original: fingerprint(original) });
    showNotice(saved ? "" : t("storageOff"));
  }

  async function edit(doc, { focus }) {
    if (editor) return editor;
    editButton.disabled = true;
    const host = document.createElement("div");
    host.className = "runner-editor";
    codeBlock.after(host);
    // The editor's loader comes with the first Edit, like the editor itself.
    const { openEditor } = await import("./editor.js");
    editor = await openEditor({
      parent: host,
      doc,
      label: t("editorLabel"),
      onRun: () => panel.start(),
      onChange: keep,
    });
    codeBlock.hidden = true;
    resetButton.disabled = false;
    if (focus) editor.focus();
    return editor;
  }

  editButton.addEventListener("click", () => edit(original, { focus: true }));

  // Reset asks nothing, but can be undone: the reader's code stays in memory until the page goes.
  const undoButton = makeButton(t("undoReset"), "runner-undo");
  undoButton.addEventListener("click", async () => {
    const code = undoButton.dataset.code ?? "";
    await edit(code, { focus: true });
    keep(code);
    showsOtherCode();
  });

  resetButton.addEventListener("click", () => {
    const mine = editor?.getText();
    panel.hide();
    remove(storageKey);
    editor?.view.dom.parentElement.remove();
    editor?.destroy();
    editor = null;
    codeBlock.hidden = false;
    editButton.disabled = false;
    resetButton.disabled = true;
    outputBox.removeAttribute("data-compare");
    if (recorded) recorded.hidden = false;
    notRunYet.hidden = true;
    timeline.reset();
    showNotice("");
    if (mine !== undefined && mine !== original) {
      undoButton.dataset.code = mine;
      notice.replaceChildren(`${t("resetDone")} `, undoButton);
      notice.hidden = false;
      undoButton.focus({ preventScroll: true }); // Reset is disabled now: it cannot keep it
    }
  });

  copyButton.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(panel.getCode());
      copyButton.textContent = t("copied");
      setTimeout(() => (copyButton.textContent = t("copy")), 1500);
    } catch {
      // No clipboard access (insecure context): Material's own copy button still works.
    }
  });

  // Bring back the reader's saved edit, and say if the original changed since.
  const saved = load(storageKey);
  if (options.initialCode !== undefined) {
    if (options.initialCode !== original) showsOtherCode();
    edit(options.initialCode, { focus: false }).then(() => showNotice(options.notice ?? ""));
  } else if (saved?.code && saved.code !== original) {
    showsOtherCode();
    edit(saved.code, { focus: false }).then(() => {
      if (isUnsaved(storageKey)) showNotice(t("storageOff"));
      else showNotice(saved.original === fingerprint(original) ? t("edited") : t("originalChanged"));
    });
  }
  /** Put `text` in the editor (opening it if needed); the reader's edits are saved as usual. */
  async function setCode(text) {
    if (editor) editor.setText(text); // saved by the editor's onChange
    else {
      await edit(text, { focus: false });
      keep(text);
    }
    showsOtherCode();
  }

  return { panel, getCode: panel.getCode, setCode, showNotice, original };
}
