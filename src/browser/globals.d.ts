// What the site's JavaScript uses that TypeScript's own DOM types do not describe.

/** Material for MkDocs: emits the document on every page load, instant navigation included. */
declare const document$: { subscribe(callback: (document: Document) => void): unknown };

interface Window {
  /** Material's storage helpers (storage-guard.js wraps them). */
  __md_get?: (key: string, storage?: Storage) => unknown;
  __md_set?: (key: string, value: unknown, storage?: Storage) => void;
}

interface Navigator {
  /** The Network Information API (Chromium): Save-Data and the link's estimate. */
  connection?: { saveData?: boolean; effectiveType?: string; downlink?: number };
  /** The Device Memory API (Chromium), in GB. */
  deviceMemory?: number;
}

declare namespace WebAssembly {
  /** JavaScript Promise Integration (stack switching), where the browser has it. */
  let Suspending: unknown;
  let promising: unknown;
}
