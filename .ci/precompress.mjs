// Writes file.br and file.gz beside every text and wasm file of a built app,
// for hosts that serve precompressed files (nginx gzip_static/brotli_static,
// Apache rewrite rules, see README "Hosting"): the highest levels, once per
// build, instead of a quick compression on every request.
//   node .ci/precompress.mjs DIR   (run by .ci/post-build, after stamping)
// Node built-ins only. Compressed files whose original is gone are removed.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2];
if (!dir) {
  console.error("precompress: give the directory");
  process.exit(1);
}
const TEXT = /\.(html|js|css|json|svg|webmanifest)$/;
const WASM = /\.wasm$/;

/** Every file under `root`, as paths relative to it. */
function files(root, sub = "") {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(root, join(sub, e.name)) : [join(sub, e.name)],
  );
}

let raw = 0;
let br = 0;
let gz = 0;
const all = files(dir);
for (const name of all) {
  const compressed = /^(.*)\.(br|gz)$/.exec(name);
  if (compressed) {
    if (!all.includes(compressed[1])) rmSync(join(dir, name));
    continue;
  }
  const text = TEXT.test(name);
  if (!text && !WASM.test(name)) continue;
  const body = readFileSync(join(dir, name));
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const g = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(join(dir, `${name}.br`), b);
  writeFileSync(join(dir, `${name}.gz`), g);
  raw += statSync(join(dir, name)).size;
  br += b.length;
  gz += g.length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`precompress: ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
