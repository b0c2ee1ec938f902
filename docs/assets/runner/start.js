// Starting Python in the worker: what to fetch (a memory snapshot or the standard library's
// core, chosen from what the browser tells), the downloads begun at once and handed over to
// Pyodide, and the fallbacks when one fails. worker.js makes one PythonStart as it begins.
import { installBrowserPackage } from "./browser-package.js";
import { RUNNER_MODULE } from "./protocol.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */

// The loader's address is the same for every version; the rest of the runtime lives in a folder
// named by the version it exports, which hosts may cache for good (docs: contributing, "Speed").
const VENDOR = new URL("../vendor/pyodide/", import.meta.url);
const MANIFEST = new URL("runtime.json", VENDOR); // the build's snapshot, if it made one
const PROGRESS_MS = 250; // how often the page hears how much of Python has arrived

/** What this worker fetches to start Python, begun at once: runtime.json, then the wasm and
 * either the build's memory snapshot (asyncio_notes.snapshot) or the standard library's core
 * (asyncio_notes.stdlib_core), each compressed whatever the host does (download.js). Which of
 * the two is chosen from what the browser tells: the connection measured on the first bytes of
 * these downloads, Save-Data (start-plan.js); iOS gets a snapshot of its own. Without stack switching (JSPI)
 * the restored runtime behaves as a plain one does (can_run_sync() is False, asyncio.run and
 * input() give the same results and explanations: tests/test_snapshot.py, ?jspi=off). */
/**
 * What startPlan began: the start chosen, and the downloads for it.
 * @typedef {object} StartPlan
 * @property {string} how "snapshot" or "plain"
 * @property {string | null} why why a plain start (protocol.StartWhy)
 * @property {string} [reason] what failed, when something did
 * @property {import("./protocol.js").RuntimeManifest} [manifest]
 * @property {import("./download.js").Download} [wasm]
 * @property {Promise<Function>} [glueModule] Pyodide's glue, imported
 * @property {import("./download.js").Download} [lock] the package list
 * @property {import("./download.js").Download} [stdlib] a plain start's standard library
 * @property {import("./download.js").DownloadElsewhere} [snapshot]
 * @property {Uint8Array} [heap] where the snapshot is decoded
 * @property {() => {wasm: import("./download.js").Download,
 *   stdlib: import("./download.js").Download}} [plainInstead] a plain start's downloads, after
 *   a snapshot that failed
 */
export class PythonStart {
  /**
   * Begins the downloads at once (`planned`); `load()` then starts Python from them.
   * @param {object} options
   * @param {Promise<any>} options.loader Pyodide's loader module, being imported
   * @param {(message: FromWorker) => void} options.post sends a message to the page
   * @param {URLSearchParams} options.params the worker's address's switches (?snapshot=off, ?snapshot=on)
   * @param {number} options.began when the worker began, for the start's time
   * @param {() => boolean} options.isStarting whether Python is still starting
   */
  constructor({ loader, post, params, began, isStarting }) {
    this.loader = loader;
    this.post = post;
    this.params = params;
    this.began = began;
    this.isStarting = isStarting;
    /** @type {URL | null} the runtime's folder, named by the loader's version */
    this.folder = null;
    /** @type {Map<string, [import("./download.js").Download, string]>} address -> download */
    this.handOver = new Map();
    handOverFetches(this.handOver);
    /** @type {Promise<StartPlan>} */
    this.planned = this.plan();
  }

  /** What to fetch, begun at once (see StartPlan).
   * @returns {Promise<StartPlan>} */
  async plan() {
    const modules = Promise.all([import("./download.js"), import("./start-plan.js")]);
    let manifest = null;
    try {
      const response = await fetch(MANIFEST);
      if (response.ok) manifest = await response.json();
    } catch {
      // Pyodide fetches its files itself, as they are.
    }
    if (!manifest?.wasm) return { how: "plain", why: "failed", reason: "no runtime.json" };
    const [{ Download, DownloadElsewhere },
      { chooseStart, plainFromTheStart, RATE_SAMPLE_BYTES, snapshotFor, snapshotFromTheStart },
    ] = await modules;
    const progress = new StartProgress(this.post, this.isStarting);
    const fetchFile = (entry, options = {}) => new Download(
      new URL(entry.url, VENDOR), entry, { ...options, onBytes: (bytes) => progress.add(bytes) });
    // Pyodide's JavaScript glue and package list, needed by either start, and first: Pyodide
    // compiles its wasm and restores the snapshot only once the glue runs, and the import of the
    // glue waits while the worker decodes (a run of promise callbacks holds off every task).
    const glue = fetchFile(manifest.glue, { into: new Uint8Array(manifest.glue.size) });
    const lock = fetchFile(manifest.lock, { into: new Uint8Array(manifest.lock.size) });
    const glueModule = importGlue(glue);
    glueModule.catch(() => {}); // reported by the start, which needs it
    const first = Promise.all([glueModule, lock.done]);
    const wasm = fetchFile(manifest.wasm, { after: first });
    const early = plainFromTheStart(this.params, self.navigator, manifest);
    const common = manifest.wasm.bytes + manifest.glue.bytes + manifest.lock.bytes;
    // Measured once enough has arrived, or when the wasm has (or has failed: its error is then
    // reported by the start that needs it).
    const measured = () => Promise.race([
      progress.rate(RATE_SAMPLE_BYTES), wasm.done.then(() => {}, () => {})
        .then(() => progress.bitsPerSecond())]);
    const choice = early ? { how: "plain", ...early }
      : snapshotFromTheStart(this.params) ?? chooseStart(manifest, await measured());
    // A plain start's standard library: its core (what the snapshot holds imported), else all.
    const library = manifest.core ?? { ...manifest.stdlib, size: manifest.stdlib.bytes, head: null };
    if (choice.how === "plain") {
      progress.expect(choice, common + library.bytes);
      const stdlib = fetchFile(library, { after: first });
      return { ...choice, manifest, wasm, glueModule, lock, stdlib };
    }
    const entry = snapshotFor(manifest, self.navigator);
    const heap = new Uint8Array(entry.size);
    const snapshot = new DownloadElsewhere(new URL(entry.url, VENDOR), entry,
      { into: heap, onBytes: (bytes) => progress.add(bytes) });
    progress.expect(choice, common + entry.bytes);
    // If the snapshot fails, a plain start needs the wasm again (Pyodide consumed the first).
    const plainInstead = () => ({ wasm: fetchFile(manifest.wasm), stdlib: fetchFile(library) });
    return { ...choice, manifest, wasm, glueModule, lock, snapshot, heap, plainInstead };
  }

  /** `loadPyodide(options)` with `downloads` handed over to it, failing as soon as one of them
   * does (Pyodide itself would wait forever for a wasm that does not compile). */
  loadWith(loadPyodide, options, downloads) {
    this.handOver.clear();
    const failed = [];
    for (const [name, download, type] of downloads) {
      if (!download) continue;
      if (type) this.handOver.set(new URL(name, this.folder).href, [download, type]);
      failed.push(download.done.then(() => new Promise(() => {})));
    }
    return Promise.race([loadPyodide(options), ...failed]);
  }

  /** Pyodide from the snapshot, with an empty standard library that loadFullStdlib() replaces
   * after the first run (what the examples import is in the snapshot), else a plain load; if a
   * download fails, a plain start from the core, else from the files as they are, with the
   * first failure as the reason. */
  async load() {
    const { loadPyodide, version } = await this.loader;
    const folder = (this.folder = new URL(`${version}/`, VENDOR));
    const chosen = await this.planned;
    const { manifest, snapshot, heap } = chosen;
    let { wasm, stdlib } = chosen;
    let failure = null; // the first thing that went wrong, which the start's reason names
    const failed = (what, error) => {
      failure ??= `${what} failed: ${error?.message ?? error}`;
      console.warn(`Python starts plainly: ${failure}`);
    };
    const how = (name, why) => ({
      how: name, why: failure ? "failed" : why, reason: failure ?? chosen.reason,
      ms: performance.now() - this.began,
    });
    let decoded = {}; // loadPyodide's options for the glue and package list fetched here
    try {
      decoded = await decodedGlueAndLock(chosen, folder);
    } catch (error) {
      failed("download", error);
    }
    if (snapshot && decoded.createPyodideModule) {
      try {
        // Pyodide needs only the heap's size to compile and instantiate its wasm, and waits for
        // fsInit before it restores the heap: the download overlaps all that.
        const pyodide = await this.loadWith(loadPyodide, {
          ...decoded,
          indexURL: folder.href,
          _loadSnapshot: heap,
          stdLibURL: new URL(manifest.emptyStdlib, VENDOR).href,
          fsInit: () => snapshot.done.catch(() => new Promise(() => {})),
        }, [["pyodide.asm.wasm", wasm, "application/wasm"], ["snapshot", snapshot]]);
        // The snapshot must hold the runner (this fails, and Python starts plainly, if not).
        // Until the real standard library arrives, tracebacks show none of its lines.
        pyodide.pyimport(RUNNER_MODULE).forget_stdlib_index();
        return { pyodide, folder, fullStdlib: false, start: how("snapshot", null) };
      } catch (error) {
        failed("snapshot", error);
        ({ wasm, stdlib } = chosen.plainInstead());
      }
    }
    let pyodide = null;
    const core = manifest?.core;
    if (stdlib && decoded.createPyodideModule) {
      try {
        const stdLibURL = new URL((core ?? manifest.stdlib).url, VENDOR).href;
        pyodide = await this.loadWith(loadPyodide, { ...decoded, indexURL: folder.href, stdLibURL }, [
          ["pyodide.asm.wasm", wasm, "application/wasm"],
          [stdLibURL, stdlib, "application/zip"],
        ]);
      } catch (error) {
        failed("download", error);
        pyodide = null;
      }
    }
    const fromCore = Boolean(pyodide && core);
    // The files as they are; the package list that names the browser's wheel (runtime.json
    // names it), not Pyodide's own.
    const lockFileURL = manifest?.lock
      && new URL(manifest.lock.url.replace(/\.br$/, ""), VENDOR).href;
    pyodide ??= await this.loadWith(loadPyodide, { indexURL: folder.href, lockFileURL }, []);
    // A snapshot holds the browser's own Python imported already; here it is installed.
    await installBrowserPackage(pyodide, folder);
    // From the core, Python imports what the snapshot holds imported, so that a program needing
    // more of the standard library waits for it, as on a snapshot start (pyrun.needs_stdlib).
    if (fromCore) pyodide.pyimport(RUNNER_MODULE).preload(pyodide.toPy(core.modules));
    return { pyodide, folder, fullStdlib: !fromCore, start: how("plain", chosen.why) };
  }
}

/** Counts the bytes of Python's downloads as they arrive: tells the page how much has arrived
 * ({type: "progress"}, at most every PROGRESS_MS: the Run's status shows it, and which start
 * was chosen), and measures the reader's connection on them. */
class StartProgress {
  /** @param {(message: FromWorker) => void} post @param {() => boolean} isStarting */
  constructor(post, isStarting) {
    this.post = post;
    this.isStarting = isStarting;
  }

  received = 0;
  total = 0;
  plan = null;
  timer = null;
  firstAt = 0; // when the first byte came
  rates = []; // [bytes, resolve] of rate() calls still waiting

  add(bytes) {
    this.firstAt ||= performance.now();
    this.received += bytes;
    this.timer ??= setTimeout(() => this.send(), PROGRESS_MS);
    this.rates = this.rates.filter(([wanted, resolve]) => {
      if (this.received < wanted) return true;
      resolve(this.bitsPerSecond());
      return false;
    });
  }

  /** Bits per second once `bytes` have arrived, all downloads together (they share the link):
   * what this reader's connection carries now. */
  rate(bytes) {
    if (this.received >= bytes) return Promise.resolve(this.bitsPerSecond());
    return new Promise((resolve) => this.rates.push([bytes, resolve]));
  }

  bitsPerSecond() {
    return (this.received * 8) / (Math.max(performance.now() - this.firstAt, 1) / 1000);
  }

  expect(plan, total) {
    this.plan = plan;
    this.total = total;
    this.send();
  }

  send() {
    this.timer = null;
    if (!this.plan || !this.isStarting()) return;
    const { how, why } = this.plan;
    this.post({ type: "progress", how, why, received: this.received, total: this.total });
  }
}

/** Pyodide fetches its wasm and its standard library itself: it is handed the downloads begun
 * already, decoded, once each (a second attempt, after a failed one, goes to the network). */
function handOverFetches(/** @type {Map<string, [any, string]>} */ handOver) {
  const networkFetch = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const address = String(input instanceof Request ? input.url : input);
    const given = handOver.get(address);
    if (!given) return networkFetch(input, init);
    handOver.delete(address);
    const [download, type] = given;
    return Promise.resolve(new Response(download.stream(), { headers: { "Content-Type": type } }));
  };
}

/** Pyodide's JavaScript glue, imported from the bytes decoded here (instead of Pyodide
 * importing pyodide.asm.mjs, 1.25 MB from a host that compresses nothing): its factory. */
async function importGlue(glue) {
  await glue.done;
  const source = URL.createObjectURL(new Blob([glue.into], { type: "text/javascript" }));
  try {
    return (await import(source)).default;
  } finally {
    URL.revokeObjectURL(source);
  }
}

/** loadPyodide's options for the glue and the package list fetched here; packages are looked
 * for beside the runtime. */
async function decodedGlueAndLock(/** @type {StartPlan} */ { glueModule, lock }, folder) {
  if (!glueModule) return {};
  const createPyodideModule = await glueModule;
  await lock.done;
  const lockFileContents = JSON.parse(new TextDecoder().decode(lock.into));
  return { createPyodideModule, lockFileContents, packageBaseUrl: folder.href };
}
