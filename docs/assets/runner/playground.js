// The Playground: an example that opens in the editor, with a Share button that puts the code
// in the link's fragment (#code=…). A shared link only loads the code; the reader presses Run.
import { mountExample } from "./example.js";
import { makeButton } from "./run-panel.js";
import { load } from "./storage.js";
import { strings } from "./strings.js";

const PREFIX = "#code=";

export function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCode(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(
    Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function sharedCode() {
  if (!location.hash.startsWith(PREFIX)) return undefined;
  try {
    return decodeCode(location.hash.slice(PREFIX.length));
  } catch {
    return undefined; // a damaged link: start from the saved or the original code
  }
}

export function mountPlayground(root) {
  root.dataset.runner = "mounted";
  const example = root.querySelector(".example");
  if (!example) return;
  const t = strings();
  const shareButton = makeButton(t("share"), "runner-share");
  const storageKey = "playground";
  const shared = sharedCode();
  const code = shared ?? load(storageKey)?.code ?? example.querySelector("code").textContent;
  const handle = mountExample(example, {
    storageKey,
    initialCode: code,
    notice: shared === undefined ? "" : t("loadedFromLink"),
    extraButtons: [shareButton],
  });
  shareButton.addEventListener("click", async () => {
    const url = new URL(location.href);
    url.hash = PREFIX + encodeCode(handle.getCode());
    history.replaceState(history.state, "", url);
    try {
      await navigator.clipboard.writeText(url.href);
      handle.showNotice(t("linkCopied"));
    } catch {
      handle.showNotice(url.href);
    }
  });
}
