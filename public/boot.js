// Loads the app without an inline script, so a strict CSP can forbid them.
// Paths are relative to this file: the app works from any sub-path.
import init from "./planbord.js";

init({ module_or_path: new URL("planbord_bg.wasm", import.meta.url) });
