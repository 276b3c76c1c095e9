// End-to-end: safe to host. The first visit fetches the app at once and
// compressed, a new deploy reaches the browser as one whole build (never a
// mix), the app refuses to run inside another page's frame, and "Kopieer
// voortgang" works without a clipboard (plain HTTP, a locked-down browser).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { DIST, OUT, axe, blank, open, server, setup } from "./helpers.mjs";

setup();

const TITLE = "Planbord · Politie van Iedereen";

/** A second deploy made from the real build: a copy of dist/ with a visible
 * mark in three of its files (page title, stylesheet, boot script), stamped
 * with its own build id and precompressed by the same script Trunk runs. */
async function deployCopy(mark) {
  const dir = await mkdtemp(join(tmpdir(), "planbord-deploy-"));
  await cp(DIST, dir, { recursive: true });
  const edit = async (name, change) => writeFile(join(dir, name), change(await readFile(join(dir, name), "utf8")));
  await edit("index.html", (html) => html.replace(`${TITLE}</title>`, `${TITLE} · ${mark}</title>`));
  await edit("main.css", (css) => `${css}\n:root { --test-deploy: "${mark}"; }\n`);
  // Trunk links the stylesheet with its hash (Subresource Integrity).
  const sri = `sha384-${createHash("sha384").update(await readFile(join(dir, "main.css"))).digest("base64")}`;
  await edit("index.html", (html) => html.replace(/(href="\.\/main\.css" integrity=")[^"]*/, `$1${sri}`));
  await edit("boot.js", (js) => `document.documentElement.dataset.testDeploy = "${mark}";\n${js}`);
  execFileSync("sh", [".ci/post-build", dir], { stdio: "ignore" });
  return dir;
}

/** Which build the page runs: its build id and the marks of each file. */
const running = (page) =>
  page.evaluate(() => ({
    id: document.querySelector('meta[name="planbord-build"]').content,
    title: document.title,
    style: getComputedStyle(document.documentElement).getPropertyValue("--test-deploy").trim(),
    script: document.documentElement.dataset.testDeploy ?? "",
  }));

const cacheNames = async (page) => (await page.evaluate(() => caches.keys())).sort();

describe("hosting", () => {
  test("a first visit fetches the wasm once, preloaded, as the build's brotli file", async (t) => {
    const html = await readFile(join(DIST, "index.html"), "utf8");
    const links = [...html.matchAll(/<link [^>]*rel="(?:modulepreload|preload)"[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(links, [
      '<link rel="modulepreload" href="planbord.js" />',
      '<link rel="preload" href="planbord_bg.wasm" as="fetch" type="application/wasm" crossorigin />',
    ]);
    for (const name of ["index.html", "boot.js", "planbord.js", "planbord_bg.wasm", "main.css", "sw.js"]) {
      const raw = await readFile(join(DIST, name));
      assert.ok(brotliDecompressSync(await readFile(join(DIST, `${name}.br`))).equals(raw), `${name}.br`);
      assert.ok(gunzipSync(await readFile(join(DIST, `${name}.gz`))).equals(raw), `${name}.gz`);
    }

    const page = await blank(t);
    const wasm = [];
    const warnings = [];
    page.on("response", (r) => r.url().endsWith(".wasm") && wasm.push(r));
    page.on("console", (m) => /preload/i.test(m.text()) && warnings.push(m.text()));
    await page.goto(server.url);
    await page.locator(".card").first().waitFor();
    // Chromium says so 3 s after the load event if a preload went unused.
    await page.waitForTimeout(3500);
    assert.deepEqual(warnings, [], "the preload is used");
    assert.equal(wasm.length, 1, "one download of the wasm: wasm-bindgen's fetch takes the preloaded one");
    const [response] = wasm;
    assert.match((await response.request().allHeaders())["accept-encoding"], /\bbr\b/, "the browser asks for brotli");
    const headers = await response.allHeaders();
    assert.equal(headers["content-encoding"], "br");
    assert.equal(headers["content-type"], "application/wasm", "streaming instantiation needs the type");
    assert.equal(headers.vary, "accept-encoding");
    assert.equal(Number(headers["content-length"]), (await readFile(join(DIST, "planbord_bg.wasm.br"))).length);

    // The service worker keeps the app's files, decoded, and no .br or .gz.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      const names = (await cache.keys()).map((r) => new URL(r.url).pathname.split("/").pop());
      const wasm = await cache.match("planbord_bg.wasm");
      return { names: names.sort(), encoding: wasm.headers.get("content-encoding"), size: (await wasm.arrayBuffer()).byteLength };
    });
    const files = (await readdir(DIST)).filter((n) => !/\.(br|gz)$/.test(n) && n !== "sw.js");
    assert.deepEqual(cached.names, files.sort(), "the files of the build, no .br or .gz");
    assert.deepEqual(cached, { names: cached.names, encoding: null, size: (await stat(join(DIST, "planbord_bg.wasm"))).size });
  });

  test("a new deploy arrives whole: the old build until Herladen, then the new one, also offline", async (t) => {
    // A host that lets browsers keep the files for an hour (the README asks
    // for no-cache, not every host obliges): updates must still arrive.
    server.deploy(DIST, { cacheControl: "max-age=3600" });
    const b = await deployCopy("B");
    t.after(async () => {
      server.deploy(DIST);
      await rm(b, { recursive: true, force: true });
    });

    const page = await open(t);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const a = await running(page);
    assert.match(a.id, /^[0-9a-f]{16}$/, "the build carries its id");
    assert.deepEqual(a, { id: a.id, title: TITLE, style: "", script: "" });
    const origin = new URL(server.url).origin;
    const cacheA = `planbord ${server.url} ${a.id}`;
    assert.deepEqual(await cacheNames(page), [cacheA], "one cache, named after scope and build");
    // Caches of others on this origin: another app's, another Planbord's
    // (another path). Updates must leave them alone.
    const others = ["andere-app", `planbord ${origin}/elders/ 0123456789abcdef`];
    await page.evaluate(async (names) => {
      for (const name of names) await (await caches.open(name)).put(`/${name.length}`, new Response("van een ander"));
    }, others);

    // Deploy B. The next visit still runs A, whole (from A's cache), and
    // offers B once B is installed.
    server.deploy(b, { cacheControl: "max-age=3600" });
    await page.goto(server.url);
    await page.locator(".card").first().waitFor();
    const notice = page.locator(".update-notice", { hasText: "Nieuwe versie beschikbaar" });
    await notice.waitFor();
    assert.match(await page.getByRole("status").innerText(), /Nieuwe versie beschikbaar/, "announced");
    assert.deepEqual(await running(page), a, "the page runs build A, every file of it");
    assert.deepEqual(await axe(page, ".update-notice"), []);
    await page.screenshot({ path: `${OUT}/update-notice.png` });
    const served = await page.evaluate(async () => (await (await fetch("./")).text()).match(/"planbord-build" content="(\w+)"/)[1]);
    assert.equal(served, a.id, "until Herladen this page's files still come from build A");
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Herladen" }).click()]);
    await page.locator(".card").first().waitFor();
    const now = await running(page);
    assert.notEqual(now.id, a.id, "a new build id");
    assert.deepEqual(now, { id: now.id, title: `${TITLE} · B`, style: '"B"', script: "B" }, "every file of B");
    assert.equal(await page.locator(".card").count(), 11, "the board is still there");
    assert.equal(await page.locator(".update-notice").count(), 0, "no notice for the build that runs");
    const cacheB = `planbord ${server.url} ${now.id}`;
    assert.deepEqual(await cacheNames(page), [...others, cacheB].sort(), "A's cache went, nobody else's");

    // No network: B opens, in this tab and in a new one.
    await page.context().setOffline(true);
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await running(page), now);
    const tab = await page.context().newPage();
    await tab.goto(server.url);
    await tab.locator(".card").first().waitFor();
    assert.deepEqual(await running(tab), now);
    await tab.close();
    await page.context().setOffline(false);
  });

  for (const [what, host] of [
    ["a page of the same site", "127.0.0.1"],
    ["a page of another site", "localhost"],
  ]) {
    test(`inside a frame of ${what} the app does not start and says why`, async (t) => {
      const app = server.url;
      server.page(
        "/elders/kader.html",
        `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Een andere pagina</title>` +
          `<link rel="icon" href="data:,"></head>` +
          `<body><h1>Een andere pagina</h1><iframe src="${app}" title="Planbord" width="900" height="600"></iframe></body></html>`,
      );
      const framing = new URL("/elders/kader.html", app);
      framing.hostname = host;
      const page = await blank(t, undefined, [framing.origin]);
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(framing.href);
      const frame = page.frameLocator("iframe");
      await frame.getByRole("heading", { name: "Planbord start niet binnen een andere pagina" }).waitFor();
      assert.match(await frame.locator("main").innerText(), /alleen in een eigen venster/);
      const link = frame.getByRole("link", { name: "Open Planbord in een eigen venster" });
      assert.equal(await link.getAttribute("target"), "_blank");
      if (host === "127.0.0.1") await page.screenshot({ path: `${OUT}/framed.png` });
      // Time enough for an app that started anyway to show and save a board.
      await page.waitForTimeout(1000);
      assert.equal(await frame.locator(".app, .card").count(), 0, "no board");
      assert.equal(await frame.locator("#laden").count(), 0, "no loading text either");
      // The page preloads the wasm (index.html), but nothing runs it.
      assert.ok(requests.filter((u) => u.endsWith(".wasm")).length <= 1, "the wasm is not fetched to run");
      const inFrame = page.frames().find((f) => f.url().startsWith(app));
      assert.equal(await inFrame.evaluate(() => performance.getEntriesByName("planbord-opstarten").length), 0, "the app never started");
      // The frame's storage (another site's frame gets none at all here:
      // the browser blocks third-party storage).
      const storage = await inFrame.evaluate(async () => {
        try {
          return { keys: Object.keys(localStorage), workers: (await navigator.serviceWorker.getRegistrations()).length };
        } catch (e) {
          return e.name;
        }
      });
      const untouched = { keys: [], workers: 0 };
      if (host === "127.0.0.1") {
        assert.deepEqual(storage, untouched, "the framed page's storage is untouched, no service worker");
      } else {
        assert.ok(storage === "SecurityError" || isDeepStrictEqual(storage, untouched), `storage: ${JSON.stringify(storage)}`);
      }
    });
  }

  test("the page says it is loading until the board shows, and says so in Dutch when the app cannot start", async (t) => {
    // The loading text is in index.html itself: painted before any script.
    const html = await readFile(join(DIST, "index.html"), "utf8");
    assert.match(html, /<p class="loading" id="laden" role="status">Planbord wordt geladen…<\/p>/);
    const page = await open(t);
    assert.equal(await page.locator("#laden").count(), 0, "gone once the board shows");

    // What arrives as the wasm is not one (a proxy's page, a broken deploy).
    const broken = await blank(t);
    await broken.route("**/*.wasm", (route) =>
      route.fulfill({ status: 200, contentType: "application/wasm", body: "<html>Geen toegang</html>" }),
    );
    await broken.goto(server.url);
    const loading = broken.locator("#laden.failed");
    await loading.waitFor();
    assert.match(await loading.innerText(), /^Planbord kon niet starten\. Herlaad de pagina/);
    await broken.screenshot({ path: `${OUT}/start-failed.png` });
    assert.equal(await broken.locator(".app").count(), 0);
  });

  test("without a clipboard (plain HTTP, a locked-down browser) the progress text is shown to copy by hand", async (t) => {
    const page = await blank(t);
    await page.addInitScript(() => {
      delete Navigator.prototype.clipboard;
    });
    await page.goto(server.url);
    await page.locator(".card").first().waitFor();
    assert.equal(await page.evaluate(() => "clipboard" in navigator), false);
    await page.getByRole("link", { name: "Overzicht" }).click();
    await page.getByRole("button", { name: "Kopieer voortgang" }).click();
    const dialog = page.getByRole("dialog", { name: "Kopieer de voortgang zelf" });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Ctrl\+C/);
    const box = dialog.getByRole("textbox", { name: "Voortgang als tekst" });
    const text = await box.inputValue();
    // The full text: the same as the overview shows under the buttons.
    assert.equal(text, await page.locator("#voortgang-tekst").inputValue());
    assert.match(text, /^Voortgang Teamplan Nieuw West Zuid\n/);
    assert.match(text, /Lijn 5: Resultaat en borging/);
    assert.equal(await box.getAttribute("readonly"), "");
    assert.deepEqual(
      await box.evaluate((el) => [document.activeElement === el, el.selectionStart, el.selectionEnd]),
      [true, 0, text.length],
      "focused and all selected: Ctrl+C copies it",
    );
    assert.deepEqual(await axe(page, ".copy-dialog"), []);
    await page.screenshot({ path: `${OUT}/copy-by-hand.png` });
    await dialog.getByRole("button", { name: "Sluiten" }).click();
    await dialog.waitFor({ state: "hidden" });

    // A clipboard that refuses (permission denied) gets the same dialog.
    await page.evaluate(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", {
        configurable: true,
        get: () => ({ writeText: () => Promise.reject(new DOMException("geweigerd", "NotAllowedError")) }),
      });
    });
    await page.getByRole("button", { name: "Kopieer voortgang" }).click();
    await dialog.waitFor();
    assert.equal(await box.inputValue(), text);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });
});
