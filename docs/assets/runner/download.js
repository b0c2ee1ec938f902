// The runtime's largest files (the memory snapshot, pyodide.asm.wasm), fetched brotli-compressed
// under their own `.br` names and decoded here. Most static hosts send a `.bin` as it is and gzip
// a `.wasm` at best (GitHub Pages: the snapshot went out as 31.5 MB); no host recompresses a
// `.br` file, so the reader gets brotli's bytes whatever the host does. A host that sends the
// file with Content-Encoding has had the browser decode it already: its first bytes then differ
// from the compressed file's (runtime.json records them), and it is passed on as it is.
// @ts-ignore: the build copies it from npm's brotli-dec-wasm (asyncio_notes.vendor)
import init, { BrotliDecStream, BrotliStreamResultCode } from "../vendor/brotli/brotli_dec_wasm.js";

const OUTPUT_BYTES = 1 << 20; // decoded per decoder call
const DECODER = new URL("../vendor/brotli/brotli_dec_wasm_bg.wasm.gz", import.meta.url);
let decoder = null; // the decoder's wasm, fetched once

/** The decoder's own wasm (208 KB) comes as gzip (99 KB), which every browser's
 * DecompressionStream decodes; unless the host sent it with Content-Encoding already. Resolves
 * with the compiled module (a helper worker is given it: no second download). */
export function loadDecoder() {
  decoder ??= (async () => {
    const response = await fetch(DECODER);
    if (!response.ok) throw new DownloadError(`${DECODER.pathname}: HTTP ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    const module = await WebAssembly.compile(bytes);
    await init({ module_or_path: module });
    return module;
  })();
  decoder.catch(() => (decoder = null)); // a later download tries again
  return decoder;
}

/** Decode with `module`, the decoder compiled elsewhere (decode-worker.js). */
export function useDecoder(module) {
  decoder ??= init({ module_or_path: module }).then(() => module);
  return decoder;
}

/** A download that cannot give the file's bytes: the message names the file and what is wrong. */
export class DownloadError extends Error {}

/** One runtime file being fetched, read and decoded as it arrives (a body nobody reads stops
 * downloading). Decoded bytes go into `into` when given (the snapshot: Python's memory), else
 * are queued for `stream()` (the wasm, which Pyodide compiles as it arrives). `onBytes` hears
 * of the bytes on the wire as they come; `done` settles when the whole file is decoded and
 * checked. */
export class Download {
  /** @param {URL} url @param {{size: number, head: string}} entry (asyncio_notes.runtime)
   *  @param {{into?: Uint8Array, onBytes?: (bytes: number) => void, after?: Promise}} options
   *  `after`: decode only once it settles (reading goes on meanwhile), so that what is needed
   *  first is decoded first on the worker's one thread */
  constructor(url, entry, { into = null, onBytes = () => {}, after = null } = {}) {
    this.name = url.pathname.split("/").pop();
    this.entry = entry;
    this.into = into;
    this.onBytes = onBytes;
    this.decoded = 0;
    this.queue = [];
    this.wake = null; // resolves a stream reader waiting for the next chunk
    this.brotli = undefined; // the decoder's state; null when the bytes arrive decoded
    this.head = null; // the first bytes, until there are enough to tell the encoding
    this.finished = false;
    this.error = null;
    this.after = after?.catch(() => {}) ?? Promise.resolve();
    loadDecoder().catch(() => {}); // at once, beside the file; reported when a chunk needs it
    this.done = this.pump(fetch(url));
    this.done.catch(() => {}); // reported to whoever reads it
  }

  /** The decoded bytes as a stream (for a Response), ending with the download's error if any. */
  stream() {
    return new ReadableStream({
      pull: async (controller) => {
        while (!this.queue.length && !this.finished) {
          await new Promise((resolve) => (this.wake = resolve));
        }
        if (this.queue.length) controller.enqueue(this.queue.shift());
        else if (this.error) controller.error(this.error);
        else controller.close();
      },
    });
  }

  async pump(responding) {
    try {
      const response = await responding;
      if (!response.ok) throw new DownloadError(`${this.name}: HTTP ${response.status}`);
      await this.read(response.body.getReader());
      if (this.decoded !== this.entry.size) {
        throw new DownloadError(`${this.name} arrived incomplete (${this.decoded} of ` +
          `${this.entry.size} bytes decoded)`);
      }
    } catch (error) {
      this.error = error instanceof DownloadError ? error
        : new DownloadError(`${this.name} could not be downloaded: ${error?.message ?? error}`);
      throw this.error;
    } finally {
      this.finished = true;
      this.notify();
    }
  }

  /** Reads the body as fast as it arrives (so that `onBytes` measures the connection, not the
   * decoder) and decodes chunk by chunk behind it. */
  async read(reader) {
    let decoding = this.after;
    let failed = null;
    for (;;) {
      const { done, value } = await reader.read();
      if (value) this.onBytes(value.length);
      const chunk = value ?? new Uint8Array(0);
      decoding = decoding.then(() => this.take(chunk, done));
      decoding.catch((error) => (failed = error));
      this.notify();
      if (done) break;
      if (failed) {
        reader.cancel().catch(() => {});
        break;
      }
    }
    await decoding;
    this.brotli?.free();
  }

  async take(chunk, last) {
    if (this.brotli === undefined) {
      this.head = concat(this.head ?? new Uint8Array(0), chunk);
      const expected = (this.entry.head ?? "").length / 2;
      if (this.head.length < expected && !last) return;
      const compressed = expected > 0 && hex(this.head.subarray(0, expected)) === this.entry.head;
      this.brotli = compressed ? await newDecoder() : null;
      chunk = this.head;
      this.head = null;
    }
    if (this.brotli) this.decode(this.brotli, chunk, last);
    else if (chunk.length) this.deliver(chunk);
    this.notify();
  }

  decode(state, input, last) {
    for (;;) {
      let result;
      try {
        result = state.dec(input, OUTPUT_BYTES);
      } catch (error) {
        throw new DownloadError(`${this.name} is damaged (brotli error ${error})`);
      }
      const { code, buf } = result;
      const used = result.input_offset;
      result.free();
      if (buf.length) this.deliver(buf);
      input = input.subarray(used);
      if (code === BrotliStreamResultCode.NeedsMoreOutput) continue;
      if (code === BrotliStreamResultCode.ResultSuccess) {
        if (input.length) throw new DownloadError(`${this.name} is damaged (bytes after its end)`);
        return;
      }
      if (last) throw new DownloadError(`${this.name} arrived incomplete (the compressed ` +
        `stream ends early)`);
      return; // NeedsMoreInput
    }
  }

  deliver(bytes) {
    if (this.decoded + bytes.length > this.entry.size) {
      throw new DownloadError(`${this.name} is damaged (longer than ${this.entry.size} bytes)`);
    }
    if (this.into) this.into.set(bytes, this.decoded);
    else this.queue.push(bytes);
    this.decoded += bytes.length;
  }

  notify() {
    this.wake?.();
    this.wake = null;
  }
}

/** A Download decoded in a worker of its own (decode-worker.js), into `into` once whole: the
 * runner's thread decodes the wasm meanwhile (on one thread the two took about 0.28 s, the
 * snapshot's share 0.13 s). Where a worker cannot start one (older Safari), it decodes here. */
export class DownloadElsewhere {
  /** @param {URL} url @param {object} entry runtime.json's entry
   *  @param {{into: Uint8Array, onBytes?: (bytes: number) => void}} options */
  constructor(url, entry, { into, onBytes = () => {} }) {
    this.name = url.pathname.split("/").pop();
    this.into = into;
    if (typeof Worker === "undefined") {
      this.done = new Download(url, entry, { into, onBytes }).done;
      return;
    }
    const helper = new Worker(new URL("./decode-worker.js", import.meta.url), { type: "module" });
    /** @type {(data: {type: string, bytes?: number, message?: string, buffer?: ArrayBuffer}) => void} */
    let hear = () => {};
    this.done = new Promise((resolve, reject) => {
      hear = (data) => {
        if (data.type === "bytes") {
          onBytes(data.bytes);
          return;
        }
        helper.terminate();
        if (data.type === "failed") reject(new DownloadError(data.message));
        else {
          into.set(new Uint8Array(data.buffer));
          resolve();
        }
      };
      helper.onmessage = ({ data }) => hear(data);
      helper.onerror = (event) => {
        event.preventDefault();
        helper.terminate();
        reject(new DownloadError(`${this.name}: its decoder could not start (${event.message})`));
      };
    });
    this.done.catch(() => {}); // reported to whoever waits for it
    loadDecoder().then(
      (module) => helper.postMessage({ url: url.href, entry, module }),
      (error) => hear({ type: "failed", message: String(error.message) }));
  }
}

async function newDecoder() {
  await loadDecoder();
  return new BrotliDecStream();
}

function concat(a, b) {
  if (!a.length) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function hex(bytes) {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
