// A run's output on its way from Python to the page: batched into few messages, capped, and held
// back from where Pyodide starts dumping Python's stack before a fatal error.
import { MAX_OUTPUT_CHARS, STACK_DUMP } from "./protocol.js";

/** Send output at least this often, even while Python computes without pause. */
export const FLUSH_MS = 40;

/** @typedef {import("./protocol.js").Stream} Stream */
/** @typedef {import("./protocol.js").OutputMessage} OutputMessage */

export class OutputStream {
  /**
   * @param {object} options
   * @param {(message: OutputMessage) => void} options.post sends a message to the page
   * @param {() => number} [options.now] the clock, in ms
   * @param {(callback: () => void, ms: number) => unknown} [options.later] a timer
   * @param {(timer: unknown) => void} [options.cancel] stops a timer
   * @param {number} [options.cap] characters one run may send
   */
  constructor({
    post, now = () => performance.now(), later = (callback, ms) => setTimeout(callback, ms),
    cancel = (timer) => clearTimeout(/** @type {number} */ (timer)), cap = MAX_OUTPUT_CHARS,
  }) {
    this.post = post;
    this.now = now;
    this.later = later;
    this.cancel = cancel;
    this.cap = cap;
    /** @type {number | null} */
    this.id = null;
    this.sent = 0;
    /** Whether what was sent so far ends with a line end. */
    this.endsLine = true;
    /** Characters past the cap, counted, not sent. */
    this.dropped = 0;
    /** @type {{stream: Stream | null, text: string}} */
    this.pending = { stream: null, text: "" };
    this.lastFlush = -Infinity;
    /** @type {unknown} */
    this.timer = null;
    /** @type {[Stream, string][] | null} written after a stack dump began */
    this.held = null;
  }

  /** A new run: its output is counted afresh and sent with its id. */
  begin(/** @type {number} */ id) {
    this.id = id;
    this.sent = 0;
    this.endsLine = true;
    this.dropped = 0;
    this.held = null;
  }

  /** What Python wrote. From a stack dump on, held until `release` (the worker's next turn). */
  write(/** @type {Stream} */ stream, /** @type {string} */ text) {
    if (this.held) {
      this.held.push([stream, text]);
      return;
    }
    if (text.startsWith(STACK_DUMP)) {
      this.held = [[stream, text]];
      this.later(() => this.release(), 0);
      return;
    }
    this.send(stream, text);
  }

  /** Python did not crash after all (a program's own faulthandler dump): send what was held. */
  release() {
    const output = this.held;
    this.held = null;
    for (const [stream, text] of output ?? []) this.send(stream, text);
  }

  /** Python crashed: what was held is Pyodide's dump, the runner's frames included. */
  discard() {
    this.held = null;
  }

  /** Send what is waiting, now. */
  flush() {
    this.cancel(this.timer);
    this.timer = null;
    if (!this.pending.text || this.pending.stream === null) return;
    this.lastFlush = this.now();
    this.post({ type: "output", id: /** @type {number} */ (this.id), stream: this.pending.stream,
                text: this.pending.text });
    this.pending = { stream: null, text: "" };
  }

  /** @param {Stream} stream @param {string} text */
  send(stream, text) {
    let full = false;
    if (this.sent + text.length > this.cap) {
      full = true;
      const room = Math.max(0, this.cap - this.sent);
      // The last line kept is a whole one, where there is a line end to cut at; a single line
      // longer than the cap is cut.
      const lineEnd = room > 0 ? text.lastIndexOf("\n", room - 1) : -1;
      const kept = lineEnd >= 0 ? lineEnd + 1 : this.sent > 0 && this.endsLine ? 0 : room;
      this.dropped += text.length - kept;
      this.sent = this.cap; // nothing more is sent: the rest of the run is only counted
      text = text.slice(0, kept);
      if (!text) {
        this.flush();
        return;
      }
    } else {
      this.sent += text.length;
    }
    this.endsLine = text.endsWith("\n");
    if (this.pending.text && this.pending.stream !== stream) this.flush();
    this.pending.stream = stream;
    this.pending.text += text;
    // At once when output has been quiet (the first line shows immediately), or when it is the
    // last the run may send (a program that goes on printing keeps the worker too busy for a
    // timer to fire); else batched.
    if (full || this.now() - this.lastFlush > FLUSH_MS) this.flush();
    else this.timer ??= this.later(() => this.flush(), FLUSH_MS);
  }
}
