// End-to-end: never lose a card. Several tabs, a full storage, closing right
// after a change, offline use, the Content-Security-Policy.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { OUT, card, open, rawStored, rawStoredUnsaved, secondTab, server, setup, stored, titlesIn } from "./helpers.mjs";

setup();

async function addCard(page, lane, column, title) {
  await page.getByRole("button", { name: `Kaart toevoegen aan Lijn ${lane}, ${column}` }).click();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

describe("storage", () => {
  test("two tabs on one board: changes appear in the other, simultaneous edits are both kept", async (t) => {
    const one = await open(t);
    const two = await secondTab(one);

    await addCard(one, 4, "Idee", "Uit tab één");
    await two.waitForFunction(
      () => [...document.querySelectorAll(".card-title")].some((e) => e.textContent === "Uit tab één"),
      null,
      { timeout: 3000 },
    );

    // Both edit at once, different cards; neither waits for the other.
    await Promise.all([
      (async () => {
        await card(one, "Open dag").locator(".card-open").click();
        await one.getByLabel("Trekker", { exact: true }).fill("OPCO één");
        await one.keyboard.press("Escape");
      })(),
      (async () => {
        await card(two, "Kick-off").count();
        await card(two, "Missie en visie geschreven").locator(".card-open").click();
        await two.getByLabel("Trekker", { exact: true }).fill("OE twee");
        await two.keyboard.press("Escape");
      })(),
    ]);
    for (const page of [one, two]) {
      await page.waitForFunction(
        () => document.body.textContent.includes("OPCO één") && document.body.textContent.includes("OE twee"),
        null,
        { timeout: 3000 },
      );
    }
    const board = (await stored(one)).board;
    assert.equal(board.items.find((i) => i.title === "Open dag").trekker, "OPCO één");
    assert.equal(board.items.find((i) => i.title === "Missie en visie geschreven").trekker, "OE twee");
    assert.ok(board.items.some((i) => i.title === "Uit tab één"));
    await two.close();
  });

  test("a full storage says so, keeps the board working, and saves once there is room", async (t) => {
    const page = await open(t);
    // Fill localStorage to the brim with other data.
    await page.evaluate(() => {
      const chunk = "x".repeat(256 * 1024);
      for (let i = 0; ; i += 1) {
        try {
          localStorage.setItem(`vulling-${i}`, chunk);
        } catch {
          break;
        }
      }
      let n = 0;
      for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            localStorage.setItem(`vulling-rest-${n}`, "x".repeat(size));
            n += 1;
          } catch {
            break; // next smaller
          }
        }
      }
    });
    const before = await rawStored(page);
    await addCard(page, 1, "Idee", "Kaart bij volle opslag");
    const banner = page.getByRole("alert").filter({ hasText: "opslag van deze browser is vol" });
    await banner.waitFor();
    assert.ok(await banner.getByRole("button", { name: "Exporteren" }).isVisible(), "offers export");
    assert.deepEqual(await titlesIn(page, 1, "Idee"), ["Team in clusters, elk gekoppeld aan wijken", "Kaart bij volle opslag"]);
    assert.equal(await rawStoredUnsaved(page), before, "the saved board is untouched");
    // Export still works while storage is full.
    const [download] = await Promise.all([page.waitForEvent("download"), banner.getByRole("button", { name: "Exporteren" }).click()]);
    assert.ok(download.suggestedFilename().endsWith(".planbord.json"));
    const file = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.ok(file.board.items.some((i) => i.title === "Kaart bij volle opslag"), "the unsaved change is in the file");
    // Closing the window now asks first: the change is only in this window.
    const asked = new Promise((resolve) => {
      page.once("dialog", async (d) => {
        resolve(d.type());
        await d.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, "beforeunload");
    assert.ok(!page.isClosed(), "the window stayed open");
    // Opening another board would drop the change: the board stays, and says why.
    await page.getByRole("link", { name: "Mijn borden" }).click();
    await page.getByRole("link", { name: "Teamplan Gaasperdam" }).click();
    await page.getByText("niet opgeslagen konden worden").waitFor();
    assert.ok(!(await page.locator("h1").textContent()).includes("Gaasperdam"), "Gaasperdam did not open");
    await page.getByRole("link", { name: "Teamplan Nieuw West Zuid" }).click();
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await titlesIn(page, 1, "Idee"), ["Team in clusters, elk gekoppeld aan wijken", "Kaart bij volle opslag"]);
    // Room again: the next change saves everything, the banner goes.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vulling")).forEach((k) => localStorage.removeItem(k)));
    await addCard(page, 1, "Idee", "Na het opruimen");
    await banner.waitFor({ state: "detached" });
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.deepEqual((await titlesIn(page, 1, "Idee")).slice(1), ["Kaart bij volle opslag", "Na het opruimen"]);
  });

  test("storage filling up is announced before it is full, once per level, with export", async (t) => {
    const page = await open(t);
    // Other data takes 85 % of what the browser allows (5 Mi UTF-16 units).
    const fill = async (p, prefix, units) =>
      p.evaluate(
        ([prefix, units]) => {
          const chunk = 256 * 1024;
          for (let i = 0; units > 0; i += 1, units -= chunk) {
            localStorage.setItem(`${prefix}-${i}`, "x".repeat(Math.min(chunk, units) - `${prefix}-${i}`.length));
          }
        },
        [prefix, units],
      );
    const quota = 5 * 1024 * 1024;
    await fill(page, "vulling", Math.floor(quota * 0.85));
    await page.reload();
    await page.locator(".card").first().waitFor();
    await addCard(page, 1, "Idee", "Bij 85 procent");
    const warning = page.getByRole("alert").filter({ hasText: /voor 8\d% vol/ });
    await warning.waitFor();
    assert.ok(await warning.getByRole("button", { name: "Exporteren" }).isVisible(), "offers export");
    await page.screenshot({ path: `${OUT}/storage-low.png` });
    await warning.getByRole("button", { name: "Sluiten" }).click();
    await warning.waitFor({ state: "detached" });
    await addCard(page, 1, "Idee", "Nog een");
    await page.waitForSelector(".app[data-opgeslagen='ja']");
    assert.equal(await page.getByRole("alert").count(), 0, "not repeated at the same level");
    // Another tab stores more: 96 %. The next change warns urgently.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.locator(".card").first().waitFor();
    await fill(other, "meer", Math.floor(quota * 0.11));
    await other.close();
    await addCard(page, 1, "Idee", "Bij 96 procent");
    await page.getByRole("alert").filter({ hasText: /voor 9\d% vol: nog een paar wijzigingen/ }).waitFor();
    // Everything so far was saved.
    const board = (await stored(page)).board;
    assert.deepEqual(
      ["Bij 85 procent", "Nog een", "Bij 96 procent"].filter((x) => board.items.some((i) => i.title === x)).length,
      3,
    );
  });

  test("data this tab cannot read is never saved over, even mid-session", async (t) => {
    const page = await open(t);
    const id = await page.evaluate(() => /#\/bord\/([0-9a-f-]{36})/.exec(location.hash)[1]);
    // As if a newer Planbord in another tab stored this board.
    const newer = JSON.stringify({ schema: 99, board: { toekomst: true } });
    await page.evaluate(([id, raw]) => localStorage.setItem(`planbord.v2.bord.${id}`, raw), [id, newer]);
    await addCard(page, 2, "Idee", "Na de nieuwere versie");
    await page.getByRole("alert").filter({ hasText: "Om niets te verliezen slaat" }).waitFor();
    assert.equal(await page.evaluate((id) => localStorage.getItem(`planbord.v2.bord.${id}`), id), newer);
    // The card is still on screen and can be exported.
    assert.deepEqual(await titlesIn(page, 2, "Idee"), ["Na de nieuwere versie"]);
  });

  test("closing the tab right after a change loses nothing", async (t) => {
    const page = await open(t);
    const context = page.context();
    const url = page.url();
    await card(page, "Open dag").locator(".card-open").click();
    // Typing is saved after a pause: close before that, with the save pending.
    await page.getByLabel("Titel").fill("Net voor het sluiten");
    assert.equal(await page.locator(".app").getAttribute("data-opgeslagen"), "nee", "the change is not saved yet");
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url);
    await again.locator(".card").first().waitFor();
    assert.deepEqual(await titlesIn(again, 3, "Gepland"), ["Net voor het sluiten"]);
  });

  test("after one visit the board opens with no network, from a sub-path", async (t) => {
    const page = await open(t);
    assert.match(page.url(), /\/planbord\/#\/bord\//);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    // Wait until this page is controlled (the worker claimed it): the
    // worker activates only once its build's cache is complete.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.context().setOffline(true);
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.equal(await page.locator(".card").count(), 11);
    await addCard(page, 5, "Idee", "Offline toegevoegd");
    assert.deepEqual(await titlesIn(page, 5, "Idee"), ["Offline toegevoegd"]);
    await page.context().setOffline(false);
    // The manifest is served, so the board can be installed.
    const manifest = await (await fetch(`${server.url}manifest.webmanifest`)).json();
    assert.equal(manifest.short_name, "Planbord");
    assert.equal(manifest.start_url, "./");
  });

  test("the page carries a strict Content-Security-Policy and breaks none of it", async (t) => {
    const page = await open(t);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
    const violations = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = [];
          document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
          setTimeout(() => resolve(seen), 300);
        }),
    );
    assert.deepEqual(violations, []);
    // (Every test also fails on any console error, CSP report or request to
    // another origin: see helpers.mjs.)
  });
});

describe("backup reminder", () => {
  test("after a week of changes without an export the board suggests one, gently", async (t) => {
    const page = await open(t);
    assert.match(await page.locator(".board-sub").innerText(), /nog niet geëxporteerd/);
    assert.equal(await page.locator(".nudge").count(), 0, "a new board is not nagged");
    // Make the board nine days old with a change since, as if time passed.
    const id = await page.evaluate(() => location.hash.replace("#/bord/", ""));
    await page.evaluate((id) => {
      const key = `planbord.v2.bord.${id}`;
      const env = JSON.parse(localStorage.getItem(key));
      const old = new Date(Date.now() - 9 * 86400e3).toISOString();
      env.board.created = old;
      env.board.updated = new Date(Date.now() - 86400e3).toISOString();
      localStorage.setItem(key, JSON.stringify(env));
      const index = JSON.parse(localStorage.getItem("planbord.v2.borden"));
      index.library.boards.find((b) => b.id === id).updated = env.board.updated;
      localStorage.setItem("planbord.v2.borden", JSON.stringify(index));
    }, id);
    await page.reload();
    const nudge = page.locator(".nudge");
    await nudge.waitFor();
    assert.match(await nudge.innerText(), /al 9 dagen niet geëxporteerd/);
    await nudge.getByRole("button", { name: "Later" }).click();
    assert.equal(await nudge.count(), 0);
    await page.reload();
    await nudge.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), nudge.getByRole("button", { name: "Exporteren" }).click()]);
    assert.ok(download.suggestedFilename().endsWith(".planbord.json"));
    await nudge.waitFor({ state: "detached" });
    assert.match(await page.locator(".board-sub").innerText(), /geëxporteerd \d\d-\d\d-\d{4}/);
  });
});
