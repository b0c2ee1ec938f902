// Material keeps the reader's choices (colour scheme, content tabs) in localStorage through its
// inline helpers __md_get and __md_set. Where a browser refuses storage (cookies blocked, some
// private modes), merely reading `localStorage` throws, and Material's inline scripts would stop
// with an error on every page. Wrapped, they fail softly: the choices last for the page only.
// A classic script loaded from <head> (docs/overrides/main.html), after the helpers are defined
// and before the inline scripts in <body> use them.
(() => {
  try {
    if (window.localStorage) return;
  } catch {
    // Storage is refused: wrap the helpers below.
  }
  const get = window.__md_get;
  const set = window.__md_set;
  if (typeof get !== "function" || typeof set !== "function") return;
  window.__md_get = (...args) => {
    try {
      return get(...args);
    } catch {
      return null;
    }
  };
  window.__md_set = (...args) => {
    try {
      set(...args);
    } catch {
      // Nothing is kept; the page works without it.
    }
  };
})();
