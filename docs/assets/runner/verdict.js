// An exercise's verdict (judge.py's, through the worker) in the reader's words.

/** @typedef {(key: string, values?: object) => string} Translate */

/**
 * What the verdict says, in the reader's words, for a checked run's result.
 * @param {Translate} t translated strings
 * @param {{error?: string | null, verdict?: import("./protocol.js").Verdict}} result a
 *   checked run's result
 */
export function verdictText(t, result) {
  const verdict = result.verdict;
  if (result.error === "stopped") return t("verdictStopped");
  if (!verdict) return ""; // Python or the checks' files failed: the run's own status says so
  if (verdict.passed) return [t("passed"), verdict.message].filter(Boolean).join(" ");
  if (verdict.reason === "error") return t("verdictError", { error: verdict.error ?? "" });
  if (verdict.reason === "broken") return t("verdictBroken", { message: verdict.message });
  const text = t("notYet", { message: verdict.message });
  return verdict.timeline ? `${text} ${t("seeTimeline")}` : text;
}
