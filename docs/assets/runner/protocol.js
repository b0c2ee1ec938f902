// What the page (client.js) and the Python worker (worker.js) say to each other, and the names
// and limits both sides share. The build's Python reads the constants below from this file
// (asyncio_notes.protocol), so each is written once.

/** Characters of output one run may send; past this, output is counted, not sent. */
export const MAX_OUTPUT_CHARS = 200_000;

/** The wheel the build makes of the runner, the judge and the live timeline
 * (asyncio_notes.browser_package), by its name in the site's pyodide-lock.json. */
export const BROWSER_PACKAGE = "asyncio-notes-browser";

/** The runner module (pyrun.py) as Python imports it, in the snapshot and in a plain start. */
export const RUNNER_MODULE = "_asyncio_notes_runner";

/** The exercises' judge (judge.py), imported on a worker's first Check. */
export const JUDGE_MODULE = "_asyncio_notes_judge";

/** The live timeline's modules (docs/assets/timeline/NAME.py), imported as `timeline_NAME`. */
export const TIMELINE_MODULES = ["recorder", "render", "live"];

/** The first line Pyodide writes before a fatal error: Python's stack, the runner's frames
 * included. Output from there on is held back, and dropped if Python crashed meanwhile. */
export const STACK_DUMP = "Stack (most recent call first):";

// ── Page → worker ─────────────────────────────────────────────────────────────────────────

/**
 * @typedef {{lang: string, id: string}} TimelineRequest the language of the timeline's labels
 *   and the id of its figure
 * @typedef {{source: string, lang: string}} CheckRequest an exercise's checks (its check.py)
 *   and the language of the verdict
 * @typedef {{type: "run", id: number, code: string, filename: string,
 *   timeline: TimelineRequest | null, check?: CheckRequest | null}} RunMessage run a program;
 *   with `check`, judge the run too (which needs `timeline`)
 * @typedef {{type: "input", id: number, text: string | null}} InputMessage a line the program
 *   asked for; null is the end of input
 * @typedef {{code: string, filename: string}} Program
 * @typedef {{type: "prepare", programs: Program[]}} PrepareMessage the page's examples, to
 *   compile while idle
 * @typedef {RunMessage | InputMessage | PrepareMessage} ToWorker
 */

// ── Worker → page ─────────────────────────────────────────────────────────────────────────

/**
 * @typedef {"snapshot" | "plain"} StartHow
 * @typedef {"slow-link" | "save-data" | "safari" | "failed" | "off" | null} StartWhy why a plain
 *   start (strings.js says it in the reader's language)
 * @typedef {{how: StartHow, why: StartWhy, reason?: string, ms: number}} StartInfo
 * @typedef {{type: "alive", lock: string}} AliveMessage first: the lock the worker holds
 *   while it lives
 * @typedef {{type: "progress", how: StartHow, why: StartWhy, received: number,
 *   total: number}} ProgressMessage bytes of Python arrived, while it starts
 * @typedef {{type: "ready", versions: {pyodide: string, python: string},
 *   start: StartInfo}} ReadyMessage
 * @typedef {{type: "failed", error: string}} FailedMessage Python could not start
 * @typedef {"stdout" | "stderr"} Stream
 * @typedef {{type: "output", id: number, stream: Stream, text: string}} OutputMessage
 * @typedef {{type: "input", id: number}} AskMessage the program waits for a line
 * @typedef {{type: "timeline", id: number, html: string}} TimelineMessage the run's task
 *   timeline so far ("" for none)
 * @typedef {{passed: boolean, reason: "passed" | "check" | "error" | "broken",
 *   message: string, timeline?: boolean, error?: string | null}} Verdict an exercise's verdict
 *   (judge.judge): what the checks found, in the requested language
 * @typedef {{ok: boolean, error: string | null, hint: string | null,
 *   verdict?: Verdict}} RunResult what pyrun.run returns: the exception's name, and a hint key
 *   (strings.js) for what the browser cannot do; a checked run adds the verdict
 * @typedef {RunResult & {type: "done", id: number, dropped: number, elapsed: number,
 *   detail?: string}} DoneMessage the run ended; `elapsed` is the program's own ms; `detail`
 *   says what failed outside Python (error "stdlib": the standard library's fetch)
 * @typedef {{type: "crashed", id: number | null, error: string}} CrashedMessage Python cannot
 *   go on: the page starts a new worker
 * @typedef {AliveMessage | ProgressMessage | ReadyMessage | FailedMessage | OutputMessage
 *   | AskMessage | TimelineMessage | DoneMessage | CrashedMessage} FromWorker
 */

// ── runtime.json, which the build writes (asyncio_notes.runtime) ─────────────────────────────

/**
 * @typedef {{url: string, bytes: number}} FetchedFile a file the worker fetches as it is: its
 *   address below the vendor folder and its size
 * @typedef {FetchedFile & {size: number, head: string}} CompressedFile a `.br` file the worker
 *   decodes itself: also its size decoded and its first 16 bytes as fetched (hex), which tell
 *   whether the host decoded it already
 * @typedef {{version: string, wasm: CompressedFile, glue: CompressedFile, lock: CompressedFile,
 *   stdlib: FetchedFile, snapshot?: CompressedFile, snapshotIos?: CompressedFile, emptyStdlib: string,
 *   core?: CompressedFile & {modules: string[]}}} RuntimeManifest
 */
