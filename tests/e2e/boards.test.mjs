// End-to-end: many boards. The list, the URL, new boards from the template,
// trash, duplicate, rename, settings, import into another board, and the
// migration from the first version's single-board storage.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { axe, boardKey, card, cell, INDEX_KEY, open, openId, setup, stored, titlesIn } from "./helpers.mjs";

setup();

const h1 = (page) => page.locator("h1").innerText();

async function toList(page) {
  await page.getByRole("link", { name: "Mijn borden" }).click();
  await page.locator(".board-list").waitFor();
}

const entries = (page, trash = false) =>
  page.locator(trash ? ".boards.trash .board-name" : ".boards:not(.trash) .board-link").allInnerTexts();

describe("many boards", () => {
  test("a new board from the Politie van Iedereen template, kept at its URL", async (t) => {
    const page = await open(t);
    await page.getByRole("button", { name: "Nieuw bord" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Nieuw bord" });
    await dialog.getByLabel("Team").fill("Boven-IJ");
    await dialog.getByLabel("Jaar").fill("2027");
    assert.match(await dialog.getByLabel("Titel van het bord").getAttribute("placeholder"), /Teamplan Boven-IJ 2027/);
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    await dialog.getByRole("button", { name: "Bord maken" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Boven-IJ 2027");
    const route = await titlesIn(page, 1, "Idee");
    assert.deepEqual(route.slice(0, 5), [
      "Analyse team & buitenwereld",
      "Kick-off dag",
      "Advies aan team",
      "Executie",
      "Teamplan: plan van aanpak + jaarkalender activiteiten",
    ]);
    assert.equal(route.length, 5, "no explanation cards: each line's description says what belongs there");
    const lines = (await stored(page)).board.lines;
    for (const line of [2, 3, 4, 5]) {
      assert.deepEqual(await titlesIn(page, line, "Idee"), []);
      // The empty line says in its first cell what belongs in it.
      assert.equal(
        await cell(page, line, "Idee").locator(".cell-empty").innerText(),
        `Nog geen kaarten. Hier horen: ${lines[line - 1].description}`,
      );
      assert.equal(await cell(page, line, "Gepland").locator(".cell-empty").count(), 0, "once per line");
    }
    assert.equal(await cell(page, 1, "Idee").locator(".cell-empty").count(), 0, "not in a line with cards");
    const id = await openId(page);
    assert.match(page.url(), new RegExp(`#/bord/${id}$`));
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.equal(await h1(page), "Teamplan Boven-IJ 2027");
    assert.equal((await stored(page)).board.team, "Boven-IJ");
  });

  test("an empty board: no undo from the board before, stays empty after reload, undo on it", async (t) => {
    const page = await open(t);
    // Something to undo on the first board.
    await card(page, "Open dag").locator(".card-open").focus();
    await page.keyboard.press("Delete");
    const undoButton = page.getByRole("button", { name: "Ongedaan maken (Ctrl+Z)" });
    assert.ok(await undoButton.isEnabled());

    await page.getByRole("button", { name: "Nieuw bord" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Nieuw bord" });
    await dialog.getByLabel("Team").fill("Buitenveldert");
    await dialog.getByLabel("Leeg bord: alleen de vijf lijnen en de kolommen").check();
    await dialog.getByRole("button", { name: "Bord maken" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Buitenveldert");
    const id = await openId(page);
    assert.equal(await page.locator(".lane").count(), 5);
    assert.deepEqual(await page.locator(".column-head .column-name").allInnerTexts(), ["Idee", "Gepland", "Bezig", "Afgerond"]);
    assert.equal(await page.locator(".card").count(), 0);
    assert.equal((await stored(page)).board.items.length, 0);
    // A fresh history: the other board's deletion is not undone here.
    assert.ok(await undoButton.isDisabled(), "nothing to undo on a new board");
    await page.locator("h1").click();
    await page.keyboard.press("Control+z");
    assert.equal(await page.locator(".card").count(), 0);
    assert.equal((await stored(page)).board.items.length, 0);

    await page.reload();
    await page.locator(".lane").first().waitFor();
    assert.equal(await openId(page), id);
    assert.equal(await page.locator(".card").count(), 0, "an empty board stays empty after reload");
    // Undo on it takes it back to empty.
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 2, Gepland" }).click();
    await page.keyboard.type("Eerste kaart");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    assert.deepEqual(await titlesIn(page, 2, "Gepland"), ["Eerste kaart"]);
    await page.keyboard.press("Control+z");
    assert.equal(await page.locator(".card").count(), 0);
    assert.ok(await undoButton.isDisabled());
    assert.equal((await stored(page)).board.items.length, 0);
    await toList(page);
    assert.deepEqual(await entries(page), ["Teamplan Buitenveldert", "Teamplan Gaasperdam", "Teamplan Nieuw West Zuid"]);
  });

  test("switch boards from the list; back and forward follow", async (t) => {
    const page = await open(t);
    assert.equal(await h1(page), "Teamplan Nieuw West Zuid");
    await toList(page);
    assert.deepEqual(await axe(page), []);
    await page.getByRole("link", { name: "Teamplan Gaasperdam" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Gaasperdam");
    assert.equal(await page.locator(".card").count(), 6);
    await page.goBack();
    await page.locator(".board-list").waitFor();
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Nieuw West Zuid");
    await page.goForward();
    await page.locator(".board-list").waitFor();
    // A bookmark of a board URL opens that board.
    await page.getByRole("link", { name: "Teamplan Gaasperdam" }).click();
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    await other.locator(".card").first().waitFor();
    assert.equal(await h1(other), "Teamplan Gaasperdam");
    await other.close();
  });

  test("delete to the trash, restore, and delete for good after a question", async (t) => {
    const page = await open(t);
    await toList(page);
    await page.getByRole("button", { name: "Verwijderen Teamplan Gaasperdam" }).click();
    assert.deepEqual(await entries(page), ["Teamplan Nieuw West Zuid"]);
    assert.deepEqual(await entries(page, true), ["Teamplan Gaasperdam"]);
    // Undo from the notice.
    await page.locator(".notice").getByRole("button", { name: "Ongedaan maken" }).click();
    assert.deepEqual(await entries(page), ["Teamplan Gaasperdam", "Teamplan Nieuw West Zuid"]);
    // Trash, then restore from the trash.
    await page.getByRole("button", { name: "Verwijderen Teamplan Gaasperdam" }).click();
    await page.getByRole("button", { name: "Terugzetten Teamplan Gaasperdam" }).click();
    assert.deepEqual(await entries(page, true), []);
    // The open board can go to the trash too: the list shows.
    await page.getByRole("link", { name: "Teamplan Gaasperdam" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Gaasperdam");
    const id = await openId(page);
    await toList(page);
    await page.getByRole("button", { name: "Verwijderen Teamplan Gaasperdam" }).click();
    await page.getByRole("button", { name: "Definitief verwijderen Teamplan Gaasperdam" }).click();
    const ask = page.getByRole("dialog", { name: "Definitief verwijderen?" });
    await ask.waitFor();
    assert.match(await ask.innerText(), /Teamplan Gaasperdam/);
    await ask.getByRole("button", { name: "Annuleren" }).click();
    assert.deepEqual(await entries(page, true), ["Teamplan Gaasperdam"]);
    await page.getByRole("button", { name: "Definitief verwijderen Teamplan Gaasperdam" }).click();
    await ask.getByRole("button", { name: "Definitief verwijderen" }).click();
    assert.deepEqual(await entries(page, true), []);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), boardKey(id)), null);
    await page.reload();
    await page.locator(".board-list").waitFor();
    assert.deepEqual(await entries(page), ["Teamplan Nieuw West Zuid"]);
  });

  test("duplicate and rename a board", async (t) => {
    const page = await open(t);
    const original = (await stored(page)).board;
    await toList(page);
    await page.getByRole("button", { name: "Dupliceren Teamplan Nieuw West Zuid" }).click();
    await page.getByRole("link", { name: "Teamplan Nieuw West Zuid (kopie)" }).waitFor();
    await page.getByRole("button", { name: "Hernoemen Teamplan Nieuw West Zuid (kopie)" }).click();
    const dialog = page.getByRole("dialog", { name: "Hernoemen" });
    await dialog.getByLabel("Titel van het bord").fill("Teamplan Nieuw West Zuid 2018");
    await dialog.getByRole("button", { name: "Hernoemen" }).click();
    await page.getByRole("link", { name: "Teamplan Nieuw West Zuid 2018" }).click();
    await page.locator(".card").first().waitFor();
    const copy = (await stored(page)).board;
    assert.notEqual(copy.id, original.id);
    assert.equal(copy.items.length, 11);
    assert.ok(copy.items.every((i) => !original.items.some((o) => o.id === i.id)));
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag"]);
  });

  test("board settings: columns, WIP limit, line descriptions", async (t) => {
    const page = await open(t);
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    const dialog = page.getByRole("dialog", { name: "Bordinstellingen" });
    await dialog.waitFor();
    await dialog.getByLabel("Naam Gepland").fill("Ingepland");
    await dialog.getByLabel("Naam Gepland").press("Tab");
    await dialog.getByLabel("Naam van de nieuwe kolom").fill("Geëvalueerd");
    await dialog.getByRole("button", { name: "Kolom toevoegen" }).click();
    await dialog.getByRole("button", { name: "Geëvalueerd naar links" }).click();
    await dialog.getByLabel("Maximum (WIP) Bezig").fill("2");
    await dialog.getByLabel("Maximum (WIP) Bezig").press("Tab");
    // Idee holds a card: removing it first asks where the card goes.
    await dialog.getByRole("button", { name: "Kolom verwijderen Idee" }).click();
    await dialog.getByRole("combobox").selectOption({ label: "Ingepland" });
    await dialog.getByRole("button", { name: "Kolom verwijderen Idee" }).click();
    await dialog.getByLabel("Lijn 3: Inspiratie, dialoog en debat").fill("Twee sessies intern, twee extern.");
    await dialog.getByLabel("Lijn 3: Inspiratie, dialoog en debat").press("Tab");
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    await dialog.getByRole("button", { name: "Sluiten" }).click();

    const heads = () => page.locator(".column-head .column-name").allInnerTexts();
    assert.deepEqual(await heads(), ["Ingepland", "Bezig", "Geëvalueerd", "Afgerond"]);
    const bezig = page.locator(".column-head", { hasText: "Bezig" });
    assert.equal(await bezig.locator(".column-count").innerText(), "3/2");
    assert.match(await bezig.getAttribute("class"), /over-limit/);
    assert.deepEqual(await titlesIn(page, 1, "Ingepland"), [
      "Training voor OPCO's (pilot Amsterdam)",
      "Team in clusters, elk gekoppeld aan wijken",
    ]);
    assert.match(await page.locator(".lane-3 .lane-description").innerText(), /Twee sessies intern/);
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await heads(), ["Ingepland", "Bezig", "Geëvalueerd", "Afgerond"]);
    assert.equal(await page.locator(".card").count(), 11);
  });

  test("a file for another board in this browser merges into that board; an unknown one opens as a new board", async (t) => {
    const page = await open(t);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exporteren" }).click(),
    ]);
    const file = await readFile(await download.path());
    await toList(page);
    await page.getByRole("link", { name: "Teamplan Gaasperdam" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Gaasperdam");
    await page.locator('input[type="file"]').setInputFiles({ name: "nwz.json", mimeType: "application/json", buffer: file });
    const preview = page.getByRole("dialog", { name: "Bord importeren" });
    await preview.waitFor();
    assert.match(await preview.innerText(), /versie van het bord 'Teamplan Nieuw West Zuid' in deze browser/);
    await preview.getByRole("button", { name: "Samenvoegen met 'Teamplan Nieuw West Zuid'" }).click();
    const summary = page.getByRole("dialog", { name: "Samengevoegd" });
    await summary.waitFor();
    assert.match(await summary.innerText(), /Er was niets nieuws/);
    await summary.getByRole("button", { name: "Sluiten" }).click();
    assert.equal(await h1(page), "Teamplan Nieuw West Zuid");

    await page.locator('input[type="file"]').setInputFiles({
      name: "gaasperdam.json",
      mimeType: "application/json",
      buffer: await readFile("tests/files/ok/v1-gaasperdam.planbord.json"),
    });
    await preview.getByRole("button", { name: "Als nieuw bord" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".card").length === 3);
    assert.equal((await stored(page)).board.id, "00000000-0000-4000-8000-000000000001");
    await toList(page);
    assert.deepEqual(await entries(page), ["Teamplan Gaasperdam", "Teamplan Gaasperdam", "Teamplan Nieuw West Zuid"]);
  });

  test("the first version's single-board storage migrates on first load, without loss", async (t) => {
    const page = await open(t);
    const v1 = await readFile("tests/files/storage/v1-foundation.json", "utf8");
    await page.evaluate((raw) => {
      localStorage.clear();
      localStorage.setItem("planbord.v1.bord", raw);
    }, v1);
    await page.goto(page.url().split("#")[0]);
    await page.locator(".card").first().waitFor();
    assert.equal(await h1(page), "Teamplan Nieuw West Zuid");
    assert.deepEqual(await titlesIn(page, 2, "Idee"), ["Eigen kaart uit de workshop"]);
    assert.equal(await page.locator(".card").count(), 4);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    const id = JSON.parse(v1).board.id;
    assert.deepEqual(keys, [boardKey(id), INDEX_KEY].sort());
    const board = (await stored(page)).board;
    assert.deepEqual(
      board.items.map((i) => i.id).sort(),
      JSON.parse(v1).board.items.map((i) => i.id).sort(),
    );
    assert.equal(board.tombstones.length, 1);
    await card(page, "Eigen kaart uit de workshop").locator(".card-open").click();
    assert.equal(await page.getByLabel("Notities").inputValue(), "regel 1\nregel 2");
  });
});
