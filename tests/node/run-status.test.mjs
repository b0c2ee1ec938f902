// What a run panel says when a run ends (run by tests/test_node.py).
import assert from "node:assert/strict";
import test from "node:test";

import { endOfRun } from "../../docs/assets/runner/run-status.js";
import { loadStrings, strings } from "../../docs/assets/runner/strings.js";

await loadStrings("en");
await loadStrings("ko");

const en = strings("en");
const ko = strings("ko");

test("a run that went well says how long the program took", () => {
  assert.deepEqual(endOfRun(en, { ok: true, elapsed: 520 }),
                   { status: "Finished in 0.52 s", state: "ok", hint: null });
  assert.equal(endOfRun(ko, { ok: true, elapsed: 12_340 }).status, "12.3 s 만에 끝났습니다");
});

test("an exception is named, with the hint for what the browser cannot do", () => {
  const ended = endOfRun(en, { ok: false, error: "RuntimeError", hint: "threads", elapsed: 10 });
  assert.equal(ended.status, "RuntimeError after 0.01 s");
  assert.equal(ended.state, "error");
  assert.match(ended.hint, /cannot start threads/);
});

test("Stop is not an error", () => {
  assert.equal(endOfRun(en, { ok: false, error: "stopped", elapsed: 3000 }).state, "stopped");
});

test("a crash names what broke, from what the browser reported", () => {
  const stack = endOfRun(en, { ok: false, error: "crashed", detail: "Maximum call stack size exceeded" });
  assert.match(stack.status, /stopped unexpectedly/);
  assert.match(stack.hint, /deeper than the browser's stack/);
  assert.match(endOfRun(en, { ok: false, error: "crashed", detail: "boom" }).hint, /boom/);
});

test("a standard library that cannot be fetched is not a crash, and offline says so", () => {
  const failed = { ok: false, error: "stdlib", detail: "python_stdlib.zip: HTTP 404" };
  const online = endOfRun(en, failed);
  assert.equal(online.status, "Could not fetch the rest of Python's standard library");
  assert.match(online.hint, /HTTP 404/);
  assert.match(endOfRun(en, failed, { online: false }).hint, /You are offline/);
  assert.match(endOfRun(ko, failed, { online: false }).status, /표준 라이브러리/);
});

test("a start that failed offline says so", () => {
  const ended = endOfRun(en, { ok: false, error: "start", detail: "x" }, { online: false });
  assert.equal(ended.status, "Python could not start in this browser: x");
  assert.match(ended.hint, /You are offline/);
});

test("both languages have every string, and nothing else", async () => {
  const en = (await import("../../docs/assets/runner/strings/en.js")).default;
  const ko = (await import("../../docs/assets/runner/strings/ko.js")).default;
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
});
