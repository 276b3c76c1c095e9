// Loads the app without an inline script, so a strict CSP can forbid them.
// Paths are relative to this file: the app works from any sub-path.
import init from "./planbord.js";

init({ module_or_path: new URL("planbord_bg.wasm", import.meta.url) });

// Offline use after the first visit (see sw.js); ask the browser not to
// evict the boards under storage pressure. Both are optional extras: where
// a locked-down browser refuses them, the app works as before.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("sw.js", import.meta.url)).catch(() => {});
}
if (navigator.storage && navigator.storage.persist) {
  navigator.storage.persist().catch(() => {});
}
