// Decodes one runtime file off the runner worker's thread (download.js, DownloadElsewhere) and
// hands its bytes over: the snapshot's 31 MB then decode beside the wasm, not after it.
// In:  {url, entry, module} (entry as runtime.json has it; module: the brotli decoder, compiled)
// Out: {type: "bytes", bytes} (as they arrive), then {type: "done", buffer}
//      or {type: "failed", message}
import { Download, useDecoder } from "./download.js";

self.onmessage = async ({ data: { url, entry, module } }) => {
  useDecoder(module);
  const into = new Uint8Array(entry.size);
  const onBytes = (bytes) => postMessage({ type: "bytes", bytes });
  try {
    await new Download(new URL(url), entry, { into, onBytes }).done;
    postMessage({ type: "done", buffer: into.buffer }, [into.buffer]);
  } catch (error) {
    postMessage({ type: "failed", message: String(error?.message ?? error) });
  }
};
