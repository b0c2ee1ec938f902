// The worker's output stream: batching, the cap, the held stack dump (run by tests/test_node.py).
import assert from "node:assert/strict";
import test from "node:test";

import { FLUSH_MS, OutputStream } from "../../docs/assets/runner/output-stream.js";
import { STACK_DUMP } from "../../docs/assets/runner/protocol.js";

/** An output stream on a clock and timers the test moves by hand. */
function make(cap) {
  const posted = [];
  const timers = new Map();
  let clock = 1000;
  let nextTimer = 1;
  const stream = new OutputStream({
    post: (message) => posted.push(message),
    now: () => clock,
    later: (callback, ms) => {
      timers.set(nextTimer, [clock + ms, callback]);
      return nextTimer++;
    },
    cancel: (timer) => timers.delete(timer),
    ...(cap ? { cap } : {}),
  });
  const advance = (ms) => {
    clock += ms;
    for (const [timer, [at, callback]] of [...timers]) {
      if (at <= clock) {
        timers.delete(timer);
        callback();
      }
    }
  };
  stream.begin(7);
  return { stream, posted, advance };
}

test("the first line after a quiet spell goes at once, with the run's id", () => {
  const { stream, posted } = make();
  stream.write("stdout", "hello\n");
  assert.deepEqual(posted, [{ type: "output", id: 7, stream: "stdout", text: "hello\n" }]);
});

test("a burst is batched into one message per FLUSH_MS", () => {
  const { stream, posted, advance } = make();
  stream.write("stdout", "a\n");
  for (const line of ["b\n", "c\n", "d\n"]) stream.write("stdout", line);
  assert.equal(posted.length, 1);
  advance(FLUSH_MS);
  assert.deepEqual(posted.map((m) => m.text), ["a\n", "b\nc\nd\n"]);
});

test("a change of stream sends what came before it first, in order", () => {
  const { stream, posted, advance } = make();
  stream.write("stdout", "a\n");
  stream.write("stdout", "b\n");
  stream.write("stderr", "oops\n");
  advance(FLUSH_MS);
  assert.deepEqual(posted.map((m) => [m.stream, m.text]),
                   [["stdout", "a\n"], ["stdout", "b\n"], ["stderr", "oops\n"]]);
});

test("the cap cuts at a line end, and what it keeps goes at once", () => {
  const { stream, posted } = make(10);
  stream.write("stdout", "one\n");
  stream.write("stdout", "two\nthree\n"); // batched: quiet time has not passed
  // Python goes on printing and the timer never fires: the last kept lines are sent anyway.
  assert.equal(posted.map((m) => m.text).join(""), "one\ntwo\n");
  stream.write("stdout", "four\n");
  assert.equal(stream.dropped, "three\nfour\n".length);
});

test("past the cap, a line that began before it is not cut in two", () => {
  const { stream, posted } = make(10);
  stream.write("stdout", "12345\n");
  stream.write("stdout", "abcdefgh");
  stream.flush();
  assert.equal(posted.map((m) => m.text).join(""), "12345\n");
  assert.equal(stream.dropped, 8);
});

test("past the cap, output is counted, not sent", () => {
  const { stream, posted } = make(10);
  stream.write("stdout", "12345678");
  stream.write("stdout", "abcdef");
  stream.flush();
  assert.equal(posted.map((m) => m.text).join(""), "12345678ab");
  assert.equal(stream.dropped, 4);
  stream.begin(8); // the next run starts afresh
  assert.equal(stream.dropped, 0);
});

test("a stack dump is held, then sent if Python goes on", () => {
  const { stream, posted, advance } = make();
  stream.write("stderr", `${STACK_DUMP}\n  File "x.py"\n`);
  stream.write("stderr", "more\n");
  assert.equal(posted.length, 0);
  advance(0); // the worker's next turn: Python did not crash
  advance(FLUSH_MS);
  assert.equal(posted.map((m) => m.text).join(""), `${STACK_DUMP}\n  File "x.py"\nmore\n`);
});

test("a stack dump is dropped if Python crashed", () => {
  const { stream, posted, advance } = make();
  stream.write("stdout", "before\n");
  stream.write("stderr", `${STACK_DUMP}\n  File "/home/pyodide/_asyncio_notes_runner.py"\n`);
  stream.discard();
  advance(FLUSH_MS);
  assert.deepEqual(posted.map((m) => m.text), ["before\n"]);
});
