// Loads the app without an inline script, so a strict CSP can forbid them.
// Paths are relative to this file: the app works from any sub-path.
// (Importing the glue code runs nothing: the app starts with init().)
import init from "./planbord.js";

/** Whether this page is shown inside another page (a frame). A browser that
 * will not even say counts as a frame. */
function framed() {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}

// Another page could show the board in a (hidden) frame and lure clicks onto
// it. A CSP in a meta tag cannot forbid framing (frame-ancestors only works
// as an HTTP header, see README "Hosting"), so the app refuses to start in a
// frame at all: the wasm is not run (index.html only preloads it), storage is
// not touched. This Dutch text lives here and not in src/strings.rs because
// it must show without (and before) the app.
function refuse() {
  document.getElementById("laden")?.remove();
  const main = document.createElement("main");
  main.className = "framed";
  const title = document.createElement("h1");
  title.textContent = "Planbord start niet binnen een andere pagina";
  const why = document.createElement("p");
  why.textContent =
    "Deze pagina probeert Planbord te tonen in een kader van een andere pagina. " +
    "Om je borden te beschermen start Planbord alleen in een eigen venster.";
  const what = document.createElement("p");
  const link = document.createElement("a");
  link.href = location.href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.textContent = "Open Planbord in een eigen venster";
  what.append(link, ".");
  main.append(title, why, what);
  document.body.append(main);
}

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

/** The app did not start (the wasm did not arrive, or the browser cannot
 * run it): the loading text says so, and what to do. */
function failed() {
  const loading = document.getElementById("laden");
  if (loading) {
    loading.classList.add("failed");
    loading.textContent =
      "Planbord kon niet starten. Herlaad de pagina; lukt het dan nog niet, " +
      "open Planbord in een recente versie van Edge, Chrome of Firefox.";
  }
}

if (framed()) {
  refuse();
} else {
  await start().catch(failed);
}
