// How Python starts for this reader: from the build's memory snapshot (the least CPU: about
// 0.5 s to the first line instead of 2 s) or plainly (fewer bytes: the standard library's core,
// 0.6 MB, instead of the 4.3 MB snapshot). Pure functions of what the browser tells the worker, so
// Node's test runner checks them (tests/node/start-plan.test.mjs).

/** Seconds of CPU a plain start costs more than the snapshot's (`make bench`: "Lever off: plain
 * load in the worker" against "Cold Run", on a 2-core machine). A phone's CPU is slower, which
 * favours the snapshot: this figure errs on the snapshot's side. */
export const PLAIN_START_EXTRA_SECONDS = 1.5;

/** Bytes of pyodide.asm.wasm (needed either way) received before the connection is judged. */
export const RATE_SAMPLE_BYTES = 256 * 1024;

/** Pyodide's own test for iOS (in pyodide.asm.mjs 314.0.7, where it picks how Python calls
 * functions), copied as it is: its answer is part of Python's memory, so a snapshot made under
 * one answer does not restore under the other ("table index is out of bounds"). The build makes
 * a snapshot of each (asyncio_notes.snapshot). Every iOS browser answers yes, whatever its name.
 * @param {{userAgent?: string, platform?: string, maxTouchPoints?: number}} navigator */
export function onIOS(navigator) {
  return /iPad|iPhone|iPod/.test(navigator.userAgent ?? "")
    || (navigator.platform === "MacIntel" && (navigator.maxTouchPoints ?? 0) > 1);
}

/** The build's snapshot for this browser (runtime.json's `snapshotIos` on iOS), or null.
 * @param {{snapshot?: object | null, snapshotIos?: object | null}} manifest
 * @param {{userAgent?: string, platform?: string, maxTouchPoints?: number}} navigator */
export function snapshotFor(manifest, navigator) {
  return (onIOS(navigator) ? manifest.snapshotIos : manifest.snapshot) ?? null;
}

/** Why a plain start is decided before anything is measured, or null.
 * @param {URLSearchParams} params the worker's address (`?snapshot=off` is a test switch)
 * @param {{userAgent?: string, connection?: {saveData?: boolean}}} navigator
 * @param {{snapshot?: object | null, snapshotIos?: object | null}} manifest runtime.json */
export function plainFromTheStart(params, navigator, manifest) {
  if (params.get("snapshot") === "off") return { why: "off", reason: "snapshot=off" };
  if (navigator.connection?.saveData) return { why: "save-data", reason: "Save-Data" };
  if (!snapshotFor(manifest, navigator)) {
    return onIOS(navigator)
      ? { why: "safari", reason: "the build made no snapshot for iOS" }
      : { why: "failed", reason: "the build made no snapshot" };
  }
  return null;
}

/** The snapshot without measuring the connection, where the worker's address asks for it
 * (`?snapshot=on`, a test switch: for tests of what a snapshot start does, not of the choice,
 * which a busy machine's starved clock would make for them), or null.
 * @param {URLSearchParams} params */
export function snapshotFromTheStart(params) {
  if (params.get("snapshot") !== "on") return null;
  return { how: "snapshot", why: null, reason: "snapshot=on" };
}

/** The snapshot, or a plain start when the snapshot's extra bytes would take longer on this
 * connection than the plain start's extra CPU.
 * @param {{snapshot: {bytes: number}, stdlib: {bytes: number}, core?: {bytes: number}}} manifest
 *   runtime.json: a plain start fetches the standard library's core, or all of it
 * @param {number} bitsPerSecond measured on the wasm's first bytes */
export function chooseStart(manifest, bitsPerSecond) {
  const plainBytes = (manifest.core ?? manifest.stdlib).bytes;
  const extraBits = (manifest.snapshot.bytes - plainBytes) * 8; // the two snapshots' sizes match
  const megabits = (bitsPerSecond / 1e6).toFixed(1);
  if (extraBits / bitsPerSecond > PLAIN_START_EXTRA_SECONDS) {
    const reason = `${megabits} Mbit/s: fewer bytes start sooner`;
    return { how: "plain", why: "slow-link", reason };
  }
  return { how: "snapshot", why: null, reason: `${megabits} Mbit/s` };
}
