// A minimal static file server for dist/, mounted under a sub-path, as a
// static host would serve the board. Node built-ins only. Like nginx's
// brotli_static and gzip_static, it sends `file.br` or `file.gz` (made by the
// build, .ci/precompress.mjs) when the browser accepts that encoding.
import { createServer } from "node:http";
import { access, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/** Precompressed encodings, best first, and the suffix of their files. */
export const ENCODINGS = ["br", "gzip"];
const SUFFIX = { br: ".br", gzip: ".gz" };

/** Those of `encodings` (in their order) that an Accept-Encoding header
 * allows: named or `*`, and not with q=0. */
export function accepted(header = "", encodings = ENCODINGS) {
  const q = new Map();
  for (const part of header.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    q.set(token, weight ? Number(weight[1]) : 1);
  }
  return encodings.filter((e) => (q.get(e) ?? q.get("*") ?? 0) > 0);
}

const exists = (path) => access(path).then(() => true, () => false);

/** Serves `root` under `base` (e.g. "/planbord/"); resolves to
 * { url, close, deploy, page }: `deploy(dir, { cacheControl })` serves
 * another directory from then on (a new deploy), with another
 * Cache-Control header for the app files if given; `page(path, html)` serves
 * one extra HTML page, outside the app (another page on the same host).
 * `options.encodings`: which precompressed files it may send (default
 * ENCODINGS; `["gzip"]` as a host without brotli, `[]` none). */
export function serve(root, base = "/planbord/", port = 0, options = {}) {
  const encodings = options.encodings ?? ENCODINGS;
  let rootDir = resolve(root);
  let cacheControl = "no-cache";
  const pages = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (pages.has(path)) {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-cache" }).end(pages.get(path));
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    const dir = rootDir; // the deploy this request started under
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": cacheControl,
      };
      // The first accepted encoding that has its file; `vary` whenever the
      // answer depends on Accept-Encoding, as nginx's gzip_vary does.
      const wanted = accepted(req.headers["accept-encoding"], encodings);
      let body;
      for (const encoding of encodings) {
        if (!(await exists(file + SUFFIX[encoding]))) continue;
        headers.vary = "accept-encoding";
        if (body === undefined && wanted.includes(encoding)) {
          body = await readFile(file + SUFFIX[encoding]);
          headers["content-encoding"] = encoding;
        }
      }
      body ??= await readFile(file);
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => {
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}${base}`;
      ok({
        url,
        close: () => new Promise((done) => server.close(done)),
        deploy: (dir, options = {}) => {
          rootDir = resolve(dir);
          cacheControl = options.cacheControl ?? "no-cache";
        },
        page: (path, html) => pages.set(path, html),
      });
    });
  });
}

// `node tests/e2e/server.mjs dist [port]`: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? "dist", "/planbord/", Number(process.argv[3] ?? 0));
  console.log(`Planbord draait op ${url}`);
}
