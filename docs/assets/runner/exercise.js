// One exercise (made by the build: src/asyncio_notes/practice.py): the starter in a runnable
// example, Check (a run judged by the exercise's checks, docs/assets/runner/judge.py), hints
// one at a time, the solution after a pass or three failed checks, and the reader's progress
// kept in the browser.
import { mountExample } from "./example.js";
import { makeButton } from "./run-panel.js";
import { load, save } from "./storage.js";
import { strings } from "./strings.js";
import { verdictText } from "./verdict.js";

/** Failed checks after which the solution may be shown. */
export const FAILS_BEFORE_SOLUTION = 3;

/** @typedef {{passed: boolean, fails: number, hints: number}} Progress */

/** The reader's progress on exercise `id`, as kept in the browser. */
export function progressOf(id) {
  const kept = load(`exercise-progress:${id}`);
  return { passed: false, fails: 0, hints: 0, ...(kept ?? {}) };
}

/** Say how many of the page's exercises the reader has passed, above the first one. */
function summarise(t) {
  const exercises = [...document.querySelectorAll("[data-exercise]")];
  if (!exercises.length) return;
  let line = document.querySelector(".exercise-summary");
  if (!line || !line.isConnected) {
    line = document.createElement("p");
    line.className = "exercise-summary";
    exercises[0].before(line);
  }
  const done = exercises.filter((e) => progressOf(e.getAttribute("data-exercise")).passed);
  line.textContent = t("exercisesDone", { done: done.length, total: exercises.length });
}

/** @param {HTMLElement} root a `.exercise` block */
export function mountExercise(root) {
  root.dataset.runner = "mounted";
  const t = strings();
  const id = root.dataset.exercise;
  const progressKey = `exercise-progress:${id}`;
  const mineKey = `exercise-mine:${id}`;
  const holder = /** @type {HTMLElement | null} */ (root.querySelector(".exercise__data"));
  if (!holder) return;
  const data = JSON.parse(holder.dataset.exerciseData);
  const exampleRoot = /** @type {HTMLElement} */ (root.querySelector(":scope > .example"));
  let progress = progressOf(id);
  const keep = () => {
    save(progressKey, progress);
    summarise(t);
  };

  const checkButton = makeButton(t("check"), "runner-check");
  const hintButton = makeButton(t("hint"), "runner-hint");
  const solutionButton = makeButton(t("showSolution"), "runner-solution");
  const mineButton = makeButton(t("myCode"), "runner-mine");
  const example = mountExample(exampleRoot, {
    storageKey: `exercise:${id}`,
    leadButtons: [checkButton],
    extraButtons: [hintButton, solutionButton, mineButton],
  });
  if (!example) return;

  const label = root.querySelector(".exercise__label");
  const badge = document.createElement("span");
  badge.className = "exercise__passed";
  badge.textContent = t("passedEarlier");
  label?.append(" ", badge);

  const verdict = document.createElement("p");
  verdict.className = "exercise__verdict";
  verdict.setAttribute("role", "status");
  exampleRoot.after(verdict);

  const hints = /** @type {HTMLElement[]} */ ([...root.querySelectorAll(".exercise__hint")]);
  hints.forEach((hint, index) => {
    hint.tabIndex = -1; // focused when revealed, so that a screen reader reads it
    hint.setAttribute("aria-label", t("hintOf", { n: index + 1, total: hints.length }));
  });

  function show() {
    badge.hidden = !progress.passed;
    root.dataset.passed = String(progress.passed);
    hints.forEach((hint, index) => (hint.hidden = index >= progress.hints));
    hintButton.hidden = progress.hints >= hints.length;
    solutionButton.hidden = !(progress.passed || progress.fails >= FAILS_BEFORE_SOLUTION);
    mineButton.hidden = load(mineKey) === null;
  }

  checkButton.addEventListener("click", async () => {
    verdict.textContent = t("checking");
    verdict.dataset.verdict = "checking";
    const result = await example.panel.start({
      check: { source: data.check, lang: document.documentElement.lang },
      button: checkButton,
    });
    verdict.textContent = verdictText(t, result);
    const passed = result.verdict?.passed === true;
    verdict.dataset.verdict = passed ? "passed" : result.verdict ? "failed" : "none";
    if (passed) progress = { ...progress, passed: true };
    else if (result.verdict) progress = { ...progress, fails: progress.fails + 1 };
    keep();
    show();
  });

  hintButton.addEventListener("click", () => {
    progress = { ...progress, hints: Math.min(progress.hints + 1, hints.length) };
    keep();
    show();
    const shown = hints[progress.hints - 1];
    // The button may be gone now (no hint left): the focus goes to the hint it revealed.
    shown?.focus({ preventScroll: false });
  });

  solutionButton.addEventListener("click", async () => {
    const code = example.getCode();
    if (code !== data.solution) save(mineKey, { code });
    await example.setCode(data.solution);
    example.showNotice(t("solutionShown"));
    show();
    mineButton.focus();
  });

  mineButton.addEventListener("click", async () => {
    const mine = load(mineKey);
    if (!mine) return;
    await example.setCode(mine.code);
    example.showNotice(t("mineBack"));
    show();
    checkButton.focus();
  });

  show();
  summarise(t);
}
