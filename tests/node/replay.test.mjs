// The step-through's model: what each turn of the event loop did, as the page says it
// (run by tests/test_node.py). The recording is create_task.py's, as recorder.py writes it.
import assert from "node:assert/strict";
import test from "node:test";

import { loadStrings, strings } from "../../docs/assets/runner/strings.js";

await loadStrings("en");
await loadStrings("ko");
import { describeStep, replaySteps } from "../../docs/assets/timeline/replay.js";
import { lineMarks } from "../../docs/assets/timeline/stepper.js";

const en = strings("en");
const ko = strings("ko");

const hello = "say_after(0.5, 'hello')";
const world = "say_after(1.0, 'world')";
const createTask = {
  tasks: [
    { name: "main()", state: "done", created_turn: 0,
      steps: [[0, 0, `task ${hello}`], [0.5, 0.5, `task ${world}`], [1, 1, null]] },
    { name: hello, state: "done", created_turn: 0,
      steps: [[0, 0, "asyncio.sleep(0.5)"], [0.5, 0.5, null]] },
    { name: world, state: "done", created_turn: 0,
      steps: [[0, 0, "asyncio.sleep(1)"], [1, 1, null]] },
  ],
  turns: [
    [0, [["main()", 15]], [1]],
    [1, [[hello, 6]], []],
    [2, [[world, 6]], []],
    [1, null, []],
    [0, [["main()", 16]], [2]],
    [2, null, []],
    [0, null, []],
  ],
  print_turns: [3, 5, 6],
  hidden_turns: 0,
};

test("one step per turn, each with its task, time and what it printed", () => {
  const steps = replaySteps(createTask);
  assert.deepEqual(steps.map((s) => s.name),
                   ["main()", hello, world, hello, "main()", world, "main()"]);
  assert.deepEqual(steps.map((s) => s.time), [0, 0, 0, 0.5, 0.5, 1, 1]);
  assert.deepEqual(steps.map((s) => s.printed), [[], [], [], [1], [], [2], [3]]);
  assert.deepEqual(steps.map((s) => s.ended), [null, null, null, "done", null, "done", "done"]);
});

test("a task created but not yet run waits too, marked as not started", () => {
  const [first] = replaySteps(createTask);
  assert.deepEqual(first.waiting.map((w) => [w.name, w.started]), [[hello, false], [world, false]]);
  assert.equal(
    describeStep(first, en),
    `main() started and now waits on task ${hello} at line 15. ` +
      `Waiting: ${hello}, created, not started yet; ${world}, created, not started yet.`);
});

test("a turn that resumes a task says after what, and where the others wait", () => {
  const steps = replaySteps(createTask);
  assert.equal(
    describeStep(steps[3], en),
    `${hello} resumed after asyncio.sleep(0.5), printed line 1 and finished. ` +
      `Waiting: main() on task ${hello} (line 15); ${world} on asyncio.sleep(1) (line 6).`);
  assert.equal(
    describeStep(steps[3], ko),
    `${hello} 태스크가 asyncio.sleep(0.5) 뒤에 재개했습니다. 출력의 1번째 줄을 인쇄했습니다. ` +
      "태스크가 끝났습니다. 기다리는 태스크: main(), 15행에서 task " + hello +
      ` 대기; ${world}, 6행에서 asyncio.sleep(1) 대기.`);
  assert.equal(describeStep(steps[6], en).endsWith("No other task is waiting."), true);
});

test("the await tree puts an awaited task under the task that awaits it", () => {
  const steps = replaySteps(createTask);
  const tree = steps[2].tree;
  // world's task is awaited by no one yet: a root of its own.
  assert.deepEqual(tree.map((n) => n.name), ["main()", world]);
  assert.deepEqual(tree[0].children.map((n) => [n.name, n.waitsOn]),
                   [[hello, "asyncio.sleep(0.5)"]]);
  assert.deepEqual(steps[4].tree.map((n) => n.name), ["main()"]);
  assert.deepEqual(steps[4].tree[0].children.map((n) => n.name), [world]);
  assert.equal(steps[4].tree[0].running, true);
});

test("the code marks the running task's line and the lines the others wait at", () => {
  const steps = replaySteps(createTask);
  assert.deepEqual(lineMarks(steps[4]), [
    { line: 16, kind: "run", tasks: ["main()"] },
    { line: 6, kind: "wait", tasks: [world] },
  ]);
  // Two tasks at one line: one mark naming both.
  assert.deepEqual(lineMarks(steps[2]), [
    { line: 6, kind: "run", tasks: [world, hello] },
    { line: 15, kind: "wait", tasks: ["main()"] },
  ]);
});

test("nested coroutine calls and errors are told too", () => {
  const replay = {
    tasks: [{ name: "main()", state: "error", error: "ValueError", created_turn: 0,
              steps: [[0, 0, "asyncio.sleep(1)"], [1, 1, null]] }],
    turns: [[0, [["main()", 12], ["fetch(1)", 6]], []], [0, null, []]],
    print_turns: [],
    hidden_turns: 0,
  };
  const [first, second] = replaySteps(replay);
  assert.match(describeStep(first, en), /waits on asyncio\.sleep\(1\) at line 6\./);
  assert.deepEqual(lineMarks(first), [
    { line: 6, kind: "run", tasks: ["main()"] },
    { line: 12, kind: "wait", tasks: ["main()"] },
  ]);
  assert.match(describeStep(second, en), /^main\(\) resumed after asyncio\.sleep\(1\) and raised ValueError\./);
  assert.match(describeStep(second, ko), /ValueError 예외를 일으켰습니다/);
});
