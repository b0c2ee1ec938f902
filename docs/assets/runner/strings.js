// Words of the runner's interface in each language of the site, one module per language
// (strings/<lang>.js): a page fetches its own language's only. `loadStrings` fetches them; the
// entry points call it before they mount anything, so `strings()` can answer at once.

const LANGUAGES = ["en", "ko"];
const loaded = new Map(); // language -> its table, once fetched

/** The site's language for `lang` (English when the site has no such language). */
const known = (lang) => (LANGUAGES.includes(lang) ? lang : "en");

/** Fetch the strings of `lang` (the page's language by default). */
export async function loadStrings(lang = document.documentElement.lang) {
  const language = known(lang);
  if (!loaded.has(language)) {
    loaded.set(language, (await import(`./strings/${language}.js`)).default);
  }
}

/** The strings for the current page's language, fetched by `loadStrings` first. */
export function strings(lang = document.documentElement.lang) {
  const table = loaded.get(known(lang));
  if (!table) {
    throw new Error(`the ${known(lang)} strings are not loaded: await loadStrings() first`);
  }
  return (key, values = {}) =>
    (table[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** The status while Python starts: how much of it has arrived, and why it starts plainly when
 * it does. `t` is `strings()`; `progress` is the worker's {how, why, received, total}. */
export function startingText(t, { how, why, received, total }) {
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  const values = { received: megabytes(Math.min(received, total)), total: megabytes(total) };
  if (how === "plain" && why) {
    return t("startingPlainBytes", { ...values, why: t(`why-${why}`) });
  }
  return t("startingBytes", values);
}

/** Seconds as the status line shows them: "0.52 s", "12.3 s". */
export function seconds(ms) {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}
