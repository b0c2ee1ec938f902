// Keeps the language switcher pointing at the same page in the other language, also after
// instant navigation (Material swaps the page body but not the header, so the links that
// mkdocs-static-i18n rendered for the first page would go stale).
//
// The site root is two levels above this file, which the build serves once at the root.
const ROOT = new URL("../../", import.meta.url);
const DEFAULT_LANGUAGE = "en";
const LANGUAGES = ["en", "ko"];

/** The language of a URL on this site, from its first path segment ("ko/…" or the default). */
export function languageOf(url) {
  const rest = url.pathname.slice(ROOT.pathname.length);
  const first = rest.split("/")[0];
  return LANGUAGES.includes(first) && first !== DEFAULT_LANGUAGE ? first : DEFAULT_LANGUAGE;
}

/** The same page (and section) as `url`, in `language`. */
export function translate(url, language) {
  let rest = url.pathname.slice(ROOT.pathname.length);
  const current = languageOf(url);
  if (current !== DEFAULT_LANGUAGE) rest = rest.slice(current.length + 1);
  const prefix = language === DEFAULT_LANGUAGE ? "" : `${language}/`;
  return new URL(prefix + rest + url.search + url.hash, ROOT);
}

function updateSwitcher() {
  const here = new URL(location.href);
  for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
    if (!(link instanceof HTMLAnchorElement)) continue;
    link.href = translate(here, link.hreflang).href;
  }
}

// A link into the other language needs a full page load: instant navigation would put the
// other language's page into this language's header, search and <html lang>.
function leaveInstantNavigationAcrossLanguages(event) {
  const link = event.target instanceof Element && event.target.closest("a[href]");
  if (!link || link.origin !== location.origin || !link.pathname.startsWith(ROOT.pathname)) return;
  if (languageOf(new URL(link.href)) !== languageOf(new URL(location.href))) {
    event.stopPropagation();
  }
}

document.addEventListener("click", leaveInstantNavigationAcrossLanguages, true);
// The hash changes without a new document (table of contents, permalinks): keep it in the link.
window.addEventListener("hashchange", updateSwitcher);
document$.subscribe(updateSwitcher);
