// What an exercise's verdict says, and the order a "predict, then run" question offers
// (run by tests/test_node.py).
import assert from "node:assert/strict";
import test from "node:test";

import { shuffled } from "../../docs/assets/runner/order.js";
import { loadStrings, strings } from "../../docs/assets/runner/strings.js";

await loadStrings("en");
await loadStrings("ko");
import { verdictText } from "../../docs/assets/runner/verdict.js";

const en = strings("en");
const ko = strings("ko");

test("a pass says Passed (통과), with the exercise's own sentence", () => {
  const result = { ok: true, verdict: { passed: true, reason: "passed", message: "They overlap." } };
  assert.equal(verdictText(en, result), "Passed. They overlap.");
  assert.match(verdictText(ko, { ok: true, verdict: { ...result.verdict, message: "" } }), /^통과/);
});

test("a failed check says what is wrong, and points to the timeline when asked", () => {
  const verdict = { passed: false, reason: "check", message: "1.2 s instead of 0.5 s." };
  assert.equal(verdictText(en, { ok: true, verdict }), "Not yet: 1.2 s instead of 0.5 s.");
  assert.match(verdictText(en, { ok: true, verdict: { ...verdict, timeline: true } }),
               /timeline of your run/);
  assert.doesNotMatch(verdictText(ko, { ok: true, verdict }), /통과/);
});

test("a program that raised is not judged: the verdict names the error", () => {
  const verdict = { passed: false, reason: "error", error: "NameError", message: "" };
  assert.match(verdictText(en, { ok: false, error: "NameError", verdict }), /NameError/);
  assert.equal(verdictText(en, { ok: false, error: "stopped" }), en("verdictStopped"));
  assert.equal(verdictText(en, { ok: false, error: "crashed" }), ""); // the run's status says it
});

test("the lines to order never come in the answer's order, and the same on every visit", () => {
  for (const lines of [["a", "b"], ["A: 1", "B: 1", "A: 2", "B: 2"], ["x", "y", "z"]]) {
    const order = shuffled(lines);
    assert.notDeepEqual(order, lines);
    assert.deepEqual([...order].sort(), [...lines].sort());
    assert.deepEqual(shuffled(lines), order);
  }
});
