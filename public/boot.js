// Loads the app without an inline script, so a strict CSP can forbid them.
// Paths are relative to this file: the app works from any sub-path.
// (Importing the glue code runs nothing: the app starts with init().)
import init from "./planbord.js";

/** Tells the app (src/ui/update_notice.rs) when a new build is installed
 * while this page runs, and switches to it when the user chooses "Herladen".
 * Until then the page keeps running its own build: builds never mix. */
function watchForUpdates(registration) {
  const announce = () => {
    if (registration.waiting && navigator.serviceWorker.controller) {
      window.dispatchEvent(new Event("planbord:update-available"));
    }
  };
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => worker.state === "installed" && announce());
  });
  window.addEventListener("planbord:update-apply", () => {
    const waiting = registration.waiting;
    if (waiting) {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      waiting.postMessage("planbord:take-over");
    } else {
      location.reload();
    }
  });
  announce();
  // Look for a new build now and whenever the page is shown again.
  const check = () => navigator.serviceWorker.controller && registration.update().catch(() => {});
  check();
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
}

async function start() {
  const started = init({ module_or_path: new URL("planbord_bg.wasm", import.meta.url) });
  // Offline use after the first visit, with updates (see sw.js); ask the
  // browser not to evict the boards under storage pressure. Both are
  // optional extras: where a locked-down browser refuses them, the app works
  // as before.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register(new URL("sw.js", import.meta.url), { updateViaCache: "none" })
      // Once the app runs, so it hears about an update.
      .then((registration) => started.then(() => watchForUpdates(registration), () => {}))
      .catch(() => {});
  }
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().catch(() => {});
  }
  await started;
}

await start();
