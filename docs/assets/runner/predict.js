// "Predict, then run" (made by the build: src/asyncio_notes/practice.py): before the reader
// sees an example's output, they put its printed lines in the order they expect; Check my order
// marks each line, shows the recorded output and timeline, and the explanation under them.
import { makeButton } from "./run-panel.js";
import { shuffled } from "./order.js";
import { strings } from "./strings.js";

/** @param {HTMLElement} root a `.predict` block */
export function mountPredict(root) {
  root.dataset.runner = "mounted";
  const t = strings();
  const example = root.querySelector(".example");
  const recorded = example?.querySelector(".example-output .highlight code");
  const explanation = /** @type {HTMLElement | null} */ (
    root.querySelector(".predict__explanation"));
  if (!example || !recorded) return;
  const answer = recorded.textContent.replace(/\n$/, "").split("\n");
  if (explanation) explanation.hidden = true;

  const question = document.createElement("div");
  question.className = "predict__question";
  const prompt = document.createElement("p");
  // The how-to names a button: paper leaves it out (site.css, print).
  const how = document.createElement("span");
  how.className = "predict__how";
  how.textContent = t("predictHow");
  prompt.append(t("predictPrompt"), " ", how);
  const list = document.createElement("ol");
  list.className = "predict__lines";
  list.setAttribute("aria-label", t("predictList"));
  const verdict = document.createElement("p");
  verdict.className = "predict__verdict";
  verdict.setAttribute("role", "status");
  const checkButton = makeButton(t("predictCheck"), "predict-check");
  question.append(prompt, list, checkButton, verdict);
  // Under the code and its Run button, where the output would be.
  example.after(question);

  const items = () => /** @type {HTMLLIElement[]} */ ([...list.children]);

  function refresh() {
    items().forEach((item, index, all) => {
      const [up, down] = item.querySelectorAll("button");
      up.disabled = index === 0;
      down.disabled = index === all.length - 1;
    });
  }

  /** Move `item` one place (`by` -1 up, 1 down), keeping the focus on a button of its own. */
  function move(item, by, button) {
    const sibling = by < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (by < 0) sibling.before(item);
    else sibling.after(item);
    for (const each of items()) {
      delete each.dataset.right;
      each.querySelector(".predict__mark").textContent = "";
    }
    refresh();
    const [up, down] = item.querySelectorAll("button");
    (button.disabled ? (button === up ? down : up) : button).focus();
  }

  for (const line of shuffled(answer)) {
    const item = document.createElement("li");
    item.dataset.line = line;
    const code = document.createElement("code");
    code.textContent = line;
    const up = makeButton("↑", "predict-move");
    const down = makeButton("↓", "predict-move");
    up.setAttribute("aria-label", t("moveUp", { line }));
    down.setAttribute("aria-label", t("moveDown", { line }));
    up.addEventListener("click", () => move(item, -1, up));
    down.addEventListener("click", () => move(item, 1, down));
    const mark = document.createElement("span");
    mark.className = "predict__mark";
    item.append(code, " ", up, down, mark);
    list.append(item);
  }
  refresh();

  checkButton.addEventListener("click", () => {
    const placed = items().map((item, index) => item.dataset.line === answer[index]);
    items().forEach((item, index) => {
      item.dataset.right = String(placed[index]);
      const mark = item.querySelector(".predict__mark");
      mark.textContent = placed[index] ? "✓" : "✗";
    });
    const right = placed.filter(Boolean).length;
    root.dataset.answered = right === answer.length ? "right" : "wrong";
    verdict.textContent = right === answer.length ? t("predictRight")
      : t("predictWrong", { n: right, total: answer.length });
    if (explanation) explanation.hidden = false;
  });
}
