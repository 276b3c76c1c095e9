// Planbord's service worker: after the first visit the app opens without a
// network (the workshop room may have none), and always as one whole build.
//
// Each build has one cache of its own, named after this worker's scope and
// the build id. Installing fills it completely from the host, past the HTTP
// cache, each file checked against the build (all or nothing); activating
// makes it the one the app files come from and deletes this scope's older
// caches, never another app's. A page keeps running the build it started
// with: a new build waits until the user chooses "Herladen" (boot.js then
// asks it to take over) or every Planbord tab is closed.
// Only the app's own files are served from the cache; board data never
// passes here (it lives in localStorage).

// Written by the build (.ci/stamp-build): the build id, and the sha256 of
// each app file.
const BUILD = "dev";
const FILES = {};

const SCOPE = self.registration.scope;
// Scope and build are separated by spaces, which a URL never contains, so
// no other scope's prefix is a prefix of ours.
const PREFIX = `planbord ${SCOPE} `;
const CACHE = PREFIX + BUILD;
// The first service worker kept one cache for every scope under this name;
// a Planbord still running that version fills it again on its next fetch.
const LEGACY = "planbord-app-v1";

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Fetches one app file from the host (revalidating any HTTP cache) and
 * checks that it belongs to this build. index.html is checked by its build
 * tag rather than its hash: some hosts add to HTML pages. */
async function fetchChecked(name) {
  const response = await fetch(new URL(name, SCOPE), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const ours =
    name === "index.html"
      ? new TextDecoder().decode(body).includes(`<meta name="planbord-build" content="${BUILD}"`)
      : hex(await crypto.subtle.digest("SHA-256", body)) === FILES[name];
  if (!ours) throw new Error(`${name} is not from build ${BUILD} (deployed again meanwhile?)`);
  // A fresh response with the same body and headers (never "redirected",
  // which the browser would refuse for a page), but for those of the
  // transfer: the body is decoded now (a host may send br or gzip).
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const names = Object.keys(FILES);
      if (names.length === 0) throw new Error("sw.js was not stamped by .ci/stamp-build");
      // Everything first; the cache is written only once every file is here.
      const responses = await Promise.all(names.map(fetchChecked));
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(names.map((name, i) => cache.put(new URL(name, SCOPE), responses[i])));
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((k) => (k.startsWith(PREFIX) && k !== CACHE) || k === LEGACY);
      await Promise.all(old.map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

// "Herladen" in a page running the previous build (see boot.js).
self.addEventListener("message", (event) => {
  if (event.data === "planbord:take-over") self.skipWaiting();
});

/** The app file a URL names ("./" is index.html), or null. */
function appFile(url) {
  const { origin, pathname } = new URL(url);
  const path = origin + pathname;
  if (!path.startsWith(SCOPE)) return null;
  const name = path.slice(SCOPE.length) || "index.html";
  return Object.hasOwn(FILES, name) ? name : null;
}

self.addEventListener("fetch", (event) => {
  const name = event.request.method === "GET" ? appFile(event.request.url) : null;
  if (!name) return; // not an app file: the network, as without this worker
  event.respondWith(
    (async () => {
      const hit = await caches.match(new URL(name, SCOPE).href, { cacheName: CACHE });
      // Not there only if the browser evicted the cache: the host, then.
      return hit ?? fetch(event.request);
    })(),
  );
});
