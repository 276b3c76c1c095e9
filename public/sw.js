// Planbord's service worker: after the first visit the app opens without a
// network (the workshop room may have none). Network first, so a new version
// is used as soon as the host is reachable; the cache is the fallback.
// Only this origin's GET requests are handled; board data never passes here
// (it lives in localStorage).
const CACHE = "planbord-app-v1";
const SHELL = [
  "./",
  "index.html",
  "boot.js",
  "planbord.js",
  "planbord_bg.wasm",
  "main.css",
  "favicon.svg",
  "manifest.webmanifest",
  "board.schema.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((hit) => hit || (request.mode === "navigate" ? caches.match("./") : undefined))
          .then((hit) => hit || Response.error()),
      ),
  );
});
