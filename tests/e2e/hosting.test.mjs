// End-to-end: safe to host. A new deploy reaches the browser as one whole
// build (never a mix).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { DIST, OUT, axe, open, server, setup } from "./helpers.mjs";

setup();

const TITLE = "Planbord · Politie van Iedereen";

/** A second deploy made from the real build: a copy of dist/ with a visible
 * mark in three of its files (page title, stylesheet, boot script), stamped
 * with its own build id by the same script Trunk runs. */
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
  execFileSync("sh", [".ci/stamp-build", dir], { stdio: "ignore" });
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

  });
});
