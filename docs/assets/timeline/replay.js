// The step-through of a task timeline, as data: from a recording (recorder.py, version 3),
// what the event loop had done after each turn. A turn is one step of one task: the loop
// resumes it, it runs until its next `await` that suspends it (or until it ends). For every
// turn: which task ran, from what it resumed, where it stopped (the program's lines), what it
// printed, where every other task waits, and the await tree. Pure: no DOM, tested in Node.

/**
 * @typedef {[string, number]} Frame a coroutine call of the program and the line it stands at
 * @typedef {[number, Frame[] | null, number[]]} Turn task index, frames (null: it ended), awaited tasks
 * @typedef {{name: string, state: string, error?: string, created_turn: number,
 *            steps: Array<[number, number, string | null]>}} ReplayTask
 * @typedef {{turns: Turn[], tasks: ReplayTask[], print_turns: number[], hidden_turns: number}} Replay
 *
 * @typedef {{task: number, name: string, frames: Frame[], waitsOn: string | null,
 *            started: boolean}} Waiting a task suspended (or created, not started) after a turn
 * @typedef {{task: number, name: string, running: boolean, frames: Frame[],
 *            waitsOn: string | null, children: TreeNode[]}} TreeNode
 * @typedef {{index: number, time: number, task: number, name: string,
 *            resumedAfter: string | null, frames: Frame[], ended: string | null,
 *            error: string | null, waitsOn: string | null, printed: number[],
 *            waiting: Waiting[], tree: TreeNode[]}} Step
 */

/** The steps of `replay`, one per turn it kept. */
export function replaySteps(/** @type {Replay} */ replay) {
  const { tasks, turns } = replay;
  /** Per task: how many of its turns have been seen, its frames and awaited tasks so far. */
  const seen = tasks.map(() => ({ turns: 0, frames: /** @type {Frame[]} */ ([]),
                                  awaits: /** @type {number[]} */ ([]), ended: false }));
  const printedIn = new Map();
  replay.print_turns.forEach((turn, line) => {
    printedIn.set(turn, [...(printedIn.get(turn) ?? []), line + 1]);
  });
  return turns.map(([task, frames, awaits], index) => {
    const state = seen[task];
    const own = tasks[task];
    const stepIndex = state.turns;
    const step = own.steps[stepIndex] ?? [0, 0, null];
    const resumedAfter = stepIndex === 0 ? null : (own.steps[stepIndex - 1]?.[2] ?? "?");
    const previousFrames = state.frames;
    state.turns += 1;
    state.ended = frames === null;
    state.frames = frames ?? [];
    state.awaits = awaits;
    const ended = frames === null ? own.state === "pending" ? "done" : own.state : null;
    /** @type {Waiting[]} */
    const waiting = [];
    tasks.forEach((other, i) => {
      const s = seen[i];
      if (i === task || s.ended || other.created_turn > index) return;
      const started = s.turns > 0;
      waiting.push({
        task: i, name: other.name, frames: s.frames, started,
        waitsOn: started ? (other.steps[s.turns - 1]?.[2] ?? null) : null,
      });
    });
    return {
      index,
      time: step[0],
      task,
      name: own.name,
      resumedAfter,
      // A turn that ended its task stopped nowhere: it is shown where it resumed.
      frames: frames ?? previousFrames,
      ended,
      error: ended === "error" ? (own.error ?? null) : null,
      waitsOn: frames === null ? null : step[2],
      printed: printedIn.get(index) ?? [],
      waiting,
      tree: awaitTree(tasks, seen, task),
    };
  });
}

/** Who awaits whom among the tasks still alive: each task under the task that awaits it. */
function awaitTree(tasks, seen, running) {
  const alive = tasks.flatMap((task, i) =>
    seen[i].turns > 0 && !seen[i].ended ? [i] : []);
  const parentOf = new Map();
  for (const i of alive) {
    for (const child of seen[i].awaits) {
      if (child !== i && !parentOf.has(child) && alive.includes(child)) parentOf.set(child, i);
    }
  }
  const node = (/** @type {number} */ i, /** @type {Set<number>} */ path) => {
    const s = seen[i];
    const children = alive.filter((c) => parentOf.get(c) === i && !path.has(c));
    const next = new Set(path).add(i);
    return {
      task: i,
      name: tasks[i].name,
      running: i === running,
      frames: s.frames,
      waitsOn: children.length ? null : (tasks[i].steps[s.turns - 1]?.[2] ?? null),
      children: children.map((c) => node(c, next)),
    };
  };
  // A cycle (two tasks awaiting each other) has no root: its first task stands for it.
  const roots = alive.filter((i) => !parentOf.has(i));
  const placed = new Set();
  const visit = (n) => { placed.add(n.task); n.children.forEach(visit); };
  const tree = roots.map((i) => node(i, new Set()));
  tree.forEach(visit);
  for (const i of alive) {
    if (!placed.has(i)) {
      const n = node(i, new Set());
      visit(n);
      tree.push(n);
    }
  }
  return tree;
}

/** The line a step's task stands at: its innermost frame's (null when none is known). */
export function currentLine(/** @type {Frame[]} */ frames) {
  return frames.length ? frames[frames.length - 1][1] : null;
}

/**
 * What happened in `step`, as one sentence or two, in the words of `t` (strings.js):
 * "say_after(0.5, 'hello') resumed after asyncio.sleep(0.5), printed line 1 and finished.
 *  Waiting: main() on task say_after(…) (line 15)."
 */
export function describeStep(/** @type {Step} */ step, t, maxWaiting = 3) {
  const parts = [step.resumedAfter === null
    ? t("stepStarted", { task: step.name })
    : t("stepResumed", { task: step.name, what: step.resumedAfter })];
  if (step.printed.length) {
    parts.push(t(step.printed.length === 1 ? "stepPrintedOne" : "stepPrinted",
                 { lines: step.printed.join(", ") }));
  }
  const line = currentLine(step.frames);
  if (step.ended === "error") parts.push(t("stepRaised", { error: step.error ?? "" }));
  else if (step.ended === "cancelled") parts.push(t("stepCancelled"));
  else if (step.ended) parts.push(t("stepFinished"));
  else if (line !== null) parts.push(t("stepWaitsAt", { what: step.waitsOn ?? "?", line }));
  else parts.push(t("stepWaits", { what: step.waitsOn ?? "?" }));
  let text = t("stepSentence", { parts: joinParts(parts, t) });
  const shown = step.waiting.slice(0, maxWaiting).map((w) => waitingText(w, t));
  if (step.waiting.length > maxWaiting) {
    shown.push(t("stepMore", { n: step.waiting.length - maxWaiting }));
  }
  if (shown.length) text += " " + t("stepWaiting", { list: shown.join(t("stepListSeparator")) });
  else text += " " + t("stepNoneWaiting");
  return text;
}

function joinParts(parts, t) {
  if (parts.length < 2) return parts.join("");
  return parts.slice(0, -1).join(t("stepPartSeparator")) + t("stepLastSeparator") + parts.at(-1);
}

function waitingText(/** @type {Waiting} */ w, t) {
  if (!w.started) return t("stepNotStarted", { task: w.name });
  const line = currentLine(w.frames);
  return line === null
    ? t("stepOnWhat", { task: w.name, what: w.waitsOn ?? "?" })
    : t("stepOnWhatAt", { task: w.name, what: w.waitsOn ?? "?", line });
}
