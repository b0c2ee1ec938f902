// The reader's edits, kept in localStorage. Storage may be full or switched off (private mode,
// blocked cookies): every call then fails softly and says so, and the page keeps working.
const PREFIX = "asyncio-notes:";

export function load(key) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Returns whether the value was saved. */
export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
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
