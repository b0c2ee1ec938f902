// Accessible names that Material's templates leave out: its search dialog and its page-loading
// progress bar have ARIA roles but no names (Lighthouse's accessibility audit in `make bench`).
// The search dialog takes the name of its own search field, which Material translates.
const PROGRESS = { en: "Loading page", ko: "페이지를 불러오는 중" };

function label() {
  const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  const field = document.querySelector(".md-search__input");
  if (dialog) dialog.setAttribute("aria-label", field?.getAttribute("aria-label") || "Search");
  const progress = document.querySelector('.md-progress[role="progressbar"]:not([aria-label])');
  const language = document.documentElement.lang;
  if (progress) progress.setAttribute("aria-label", PROGRESS[language] ?? PROGRESS.en);
}

document$.subscribe(label);
