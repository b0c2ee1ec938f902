// The site's service worker: keeps the site in the browser so that pages, instant navigation and
// Run keep working without a network once the reader has read on. The build writes /sw.js,
// which sets `self.OFFLINE` (the files of each group and a version of each, from asyncio_notes.offline) and
// imports this file; a changed list changes /sw.js, and the browser then installs the new worker.
//
// Groups, each kept when the page asks ({type: "keep", group}; register.js says when): "site"
// (every page, the search index, the site's own scripts and styles, 3 MB) and "mermaid" (its
// diagram chunks) once the reader reads on; "python" (Pyodide, 7 MB as the worker fetches it)
// and "snapshot" or "snapshot-ios" (this browser's memory snapshot, 4.3 MB) once Python
// started. The page holds the copying while a program runs ({type: "hold"}). Until "site" is
// kept, the pages fetched through this worker are kept as they come.
// Everything is fetched from the network first, so a reader online always gets the current site;
// the large versioned vendor files are served from the cache first. A group not kept yet is left
// to the browser: passing Python's files through this worker (and copying it into the cache on
// the way) slowed a reader's first Run by about 0.17 s; the group is kept after that Run instead.
/** @typedef {{files: string[], version: string}} Group */
const worker = /** @type {ServiceWorkerGlobalScope & {OFFLINE: {groups: Record<string, Group>}}} */ (
  /** @type {unknown} */ (self));
const { groups } = worker.OFFLINE;
const SCOPE = worker.registration.scope;
const PREFIX = "asyncio-notes-";
const VENDOR = new URL("assets/vendor/", SCOPE).href;
const NOT_FOUND = new URL("404.html", SCOPE).href;

const cacheName = (group) => `${PREFIX}${group}-${groups[group].version}`;
const fileUrls = (group) => groups[group].files.map((path) => new URL(path, SCOPE).href);
const owners = new Map(Object.keys(groups).flatMap((group) => fileUrls(group).map((url) => [url, group])));
const GROUPS = Object.keys(groups);

// Whether each group is kept whole: true or false, or absent until this worker (which
// the browser may have just started) has looked.
const kept = new Map();
for (const group of GROUPS) {
  isKept(group).then((whole) => kept.set(group, whole), () => {});
}

async function isKept(group) {
  if (!(await caches.has(cacheName(group)))) return false;
  const cache = await caches.open(cacheName(group));
  return (await cache.keys()).length >= groups[group].files.length;
}

// Groups being copied: group -> AbortController. A page holds the copying while the
// reader runs a program ({type: "hold"}): copying Python's 11 MB (writing it to
// disk) slowed a Run after instant navigation by 0.08-0.14 s. One file at a time, so that what
// was copied before a hold stays; the page asks again once it is idle.
const copying = new Map();

async function keepOnDemand(group, client) {
  const controller = new AbortController();
  if (!copying.has(group)) {
    copying.set(group, controller);
    try {
      await copy(group, controller.signal);
    } catch {
      // Held, or offline: the page asks again.
    } finally {
      copying.delete(group);
    }
  }
  const whole = kept.get(group) === true;
  client?.postMessage({ type: "kept", group, whole, held: controller.signal.aborted });
}

async function copy(group, signal) {
  const cache = await caches.open(cacheName(group));
  for (const url of fileUrls(group)) {
    signal.throwIfAborted();
    if (await cache.match(url)) continue;
    // Revalidated rather than trusted from the HTTP cache: the list belongs to this build.
    const response = await fetch(url, { cache: "no-cache", signal });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(url, response);
  }
  kept.set(group, true);
}

worker.addEventListener("install", () => worker.skipWaiting());

worker.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const current = new Set(Object.keys(groups).map(cacheName));
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && !current.has(name)) await caches.delete(name);
    }
    for (const group of GROUPS) kept.set(group, await isKept(group));
    await worker.clients.claim();
  })());
});

worker.addEventListener("message", (event) => {
  const { type, group } = event.data ?? {};
  if (type === "hold") {
    for (const controller of copying.values()) controller.abort();
  } else if (type === "keep" && GROUPS.includes(group)) {
    event.waitUntil(keepOnDemand(group, event.source));
  }
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  if (url.pathname.includes("/livereload/")) return; // `mkdocs serve` polling
  url.search = "";
  const group = owners.get(url.href);
  if (group && group !== "site") {
    if (kept.get(group) === false) return; // the browser fetches it, as with no service worker
    event.respondWith(fromCache(request, url.href));
    return;
  }
  event.respondWith(respond(event, request));
});

/** A file of an on-demand group: the kept copy, else the network's (kept later, as a group). */
async function fromCache(request, url) {
  return (await caches.match(url)) ?? fetch(request);
}

async function respond(event, request) {
  const url = new URL(request.url);
  url.search = "";
  if (url.href.startsWith(VENDOR)) {
    const copy = await caches.match(url.href);
    if (copy) return copy;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && !response.redirected) {
      event.waitUntil(store(url.href, response.clone()));
    }
    return response;
  } catch (error) {
    const copy = await caches.match(url.href);
    if (copy) return copy;
    if (request.mode === "navigate") {
      const notFound = await caches.match(NOT_FOUND);
      if (notFound) return notFound;
    }
    throw error;
  }
}

/** Keep a fresh copy of what the network gave, in the cache of the group it belongs to. */
async function store(url, response) {
  const cache = await caches.open(cacheName(owners.get(url) ?? "site"));
  await cache.put(url, response);
}
