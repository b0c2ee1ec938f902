// The reader's edits, kept in localStorage. Storage may be full or switched off (private mode,
// blocked cookies): every call then fails softly and says so, and the page keeps working. A copy
// in memory (this module outlives instant navigation) keeps edits while the tab stays open.
const PREFIX = "asyncio-notes:";
const memory = new Map();
const unsaved = new Set(); // keys whose last save reached memory only

export function load(key) {
  if (memory.has(key)) return memory.get(key);
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Returns whether the value was saved in the browser (it is kept in memory either way). */
export function save(key, value) {
  memory.set(key, value);
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    unsaved.delete(key);
    return true;
  } catch {
    unsaved.add(key);
    return false;
  }
}

/** Whether the value last saved under `key` could not be written to the browser's storage. */
export function isUnsaved(key) {
  return unsaved.has(key);
}

export function remove(key) {
  memory.delete(key);
  unsaved.delete(key);
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing was saved either.
  }
}

/** A short, stable fingerprint of a text, to notice when an original example has changed. */
export function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
