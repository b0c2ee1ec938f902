// The browser's own Python (the runner, the judge and the live timeline): one wheel in the
// site's package list (asyncio_notes.browser_package), installed with its sha256 checked against
// that list. Pyodide's loadPackage would check it too, but then refreshes the import system
// through importlib.metadata, which a start from the standard library's core does not hold; and
// the memory snapshot cannot be made after it. The snapshot's page imports this module as well.
import { BROWSER_PACKAGE } from "./protocol.js";

const hex = (bytes) => [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** Fetch the wheel from `folder` (the runtime's), check it and unpack it into site-packages.
 * @param {any} pyodide a started Pyodide, whose package list names the wheel
 * @param {URL | string} folder where the package list's files are */
export async function installBrowserPackage(pyodide, folder) {
  const entry = pyodide.lockfile?.packages?.[BROWSER_PACKAGE];
  if (!entry) throw new Error(`${BROWSER_PACKAGE} is not in the package list: rebuild the site`);
  const response = await fetch(new URL(entry.file_name, folder));
  if (!response.ok) throw new Error(`${entry.file_name}: HTTP ${response.status}`);
  const wheel = new Uint8Array(await response.arrayBuffer());
  const digest = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", wheel)));
  if (digest !== entry.sha256) {
    throw new Error(`${entry.file_name} is damaged: sha256 ${digest}, the package list says ` +
      `${entry.sha256}`);
  }
  const sitePackages = pyodide.runPython(
    "import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}
