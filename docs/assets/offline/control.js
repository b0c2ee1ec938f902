// The offline copy, in the reader's hands (the Browser Python page): how much this browser keeps
// for the site, and a button to remove it and keep nothing more (or to keep the site now).
import { loadStrings, strings } from "../runner/strings.js";
import {
  keptBytes, offlineRefused, offlineSavesData, offlineStarted, setKeepOffline,
} from "./register.js";

const megabytes = (bytes) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

/** @param {HTMLElement} root an element with `data-offline-control` (the page's Markdown) */
export async function mountOfflineControl(root) {
  root.dataset.mounted = "";
  await loadStrings();
  const t = strings();
  const state = document.createElement("p");
  state.className = "offline-control__state";
  state.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button runner-button offline-control__button";
  // The button joins the page once show() has given it its words: never a button without a
  // name (Material's .md-button display rule outranks the hidden attribute).
  root.replaceChildren(state);

  async function show(done = "") {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) {
      state.textContent = t("offlineUnsupported");
      button.hidden = true;
      return;
    }
    const refused = offlineRefused();
    const started = !refused && offlineStarted();
    const bytes = started ? await keptBytes() : null;
    const now = refused
      ? t(offlineSavesData() ? "offlineSaveData" : "offlineOff")
      : !started
        ? t("offlineNotYet")
        : bytes
          ? t("offlineKept", { mb: megabytes(bytes) })
          : t("offlineStarting");
    state.textContent = done ? `${done} ${now}` : now;
    button.textContent = t(started ? "offlineRemove" : "offlineKeep");
    button.dataset.keep = started ? "" : "yes";
    button.hidden = false;
    if (!button.isConnected) state.after(button);
  }

  button.addEventListener("click", async () => {
    const keep = button.dataset.keep === "yes";
    button.disabled = true;
    await setKeepOffline(keep);
    button.disabled = false;
    await show(t(keep ? "offlineKeeping" : "offlineRemoved"));
    button.focus();
  });
  show();
}
