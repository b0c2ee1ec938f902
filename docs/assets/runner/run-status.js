// What a run panel says when a run ends: its status line, its state and the hint under it.
import { seconds } from "./strings.js";

/** @typedef {(key: string, values?: object) => string} Translate */
/** @typedef {{ok: boolean, error?: string | null, hint?: string | null, detail?: string,
 *   elapsed?: number}} EndedRun what client.js resolves a run with */

/** A hint key (strings.js: `hint` + the key capitalised) for what the browser said when
 * Python broke. */
export function crashHint(detail = "") {
  if (/Maximum call stack size exceeded|too much recursion/i.test(detail)) return "stack";
  if (/Program terminated with exit|ExitStatus/.test(detail)) return "exit";
  return "crash";
}

/** The strings.js key of a hint. */
export const hintKey = (/** @type {string} */ hint) =>
  `hint${hint[0].toUpperCase()}${hint.slice(1)}`;

/**
 * The end of a run in the reader's words.
 * @param {Translate} t translated strings
 * @param {EndedRun} result
 * @param {{online?: boolean}} [browser] whether the browser says it is online
 * @returns {{status: string, state: "ok" | "stopped" | "error", hint: string | null}}
 */
export function endOfRun(t, result, { online = true } = {}) {
  const time = seconds(result.elapsed ?? 0);
  let status;
  if (result.ok) status = t("finished", { t: time });
  else if (result.error === "stopped") status = t("stopped", { t: time });
  else if (result.error === "crashed") status = t("crashed", { t: time });
  else if (result.error === "start") status = t("startFailed", { error: result.detail });
  else if (result.error === "stdlib") status = t("stdlibFailed");
  else if (result.error === "judge") status = t("judgeFailed");
  else status = t("failed", { t: time, error: result.error });
  const state = result.ok ? "ok" : result.error === "stopped" ? "stopped" : "error";
  let hint = result.hint ?? null;
  if (result.error === "crashed") hint = crashHint(result.detail);
  else if (result.error === "stdlib") hint = online ? "stdlib" : "offline";
  else if (result.error === "judge") hint = online ? "judge" : "offline";
  else if (result.error === "start" && !online) hint = "offline";
  return { status, state, hint: hint && t(hintKey(hint), { detail: result.detail ?? "" }) };
}
