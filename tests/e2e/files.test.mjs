// End-to-end: board files. Export, import with preview, merge of two edited
// copies (two browser contexts = two people), replace with undo, bad files.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

import { card, open, rawStored, server, setup, stored, titlesIn } from "./helpers.mjs";

setup();

async function exportFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporteren" }).click(),
  ]);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

/** Picks a file with "Importeren" (the hidden file input). */
async function pick(page, name, buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/json", buffer });
}

/** Drops a file on the page as a user dragging it from the desktop would. */
async function drop(page, name, text) {
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "application/json" }));
      window.__dt = dt;
      for (const type of ["dragenter", "dragover"]) {
        document.querySelector("main").dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { name, text },
  );
  // While a file is over the page, a hint says to let go.
  await page.locator(".file-over").waitFor();
  await page.evaluate(() =>
    document
      .querySelector("main")
      .dispatchEvent(new DragEvent("drop", { dataTransfer: window.__dt, bubbles: true, cancelable: true })),
  );
}

const fixture = (path) => readFile(`tests/files/${path}`);

async function editTitle(page, from, to) {
  await card(page, from).locator(".card-open").click();
  await page.getByLabel("Titel").fill(to);
  await page.keyboard.press("Escape");
  // Focus returns to the card a frame later: wait, so that it cannot land
  // after the test has moved on to another card.
  await card(page, to).locator(".card-open:focus").waitFor();
}

describe("board files", () => {
  test("an exported file is valid against the published JSON Schema", async (t) => {
    const page = await open(t);
    const { buffer } = await exportFile(page);
    const schema = await (await fetch(`${server.url}board.schema.json`)).json();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const file = JSON.parse(buffer.toString("utf8"));
    assert.ok(validate(file), JSON.stringify(validate.errors));
    // And the fixtures: good ones pass, a wrong type fails.
    assert.ok(validate(JSON.parse(await fixture("ok/v1-gaasperdam.planbord.json"))), JSON.stringify(validate.errors));
    assert.equal(validate(JSON.parse(await fixture("bad/field--title-number.json"))), false);
    // Version 2's per-field stamps and conflicts, as the app writes them.
    const item = file.board.items[0];
    Object.assign(item, {
      created_by: "Anna de Vries",
      changed: {
        others: "2026-11-02T09:00:00.120Z Anna de Vries",
        notes: "2026-11-25T11:05:00Z Bram",
        labels: { buurtavond: "removed 2026-11-25T11:05:00Z Bram", wijk: "2026-11-25T11:05:00Z" },
      },
      conflicts: [
        { field: "dates", value: { start: "2027-12-10", end: null }, stamp: "2026-11-26T10:00:00Z Bram", against: "2026-11-27T16:40:00Z Anna de Vries" },
        { field: "notes", value: "Ook de wijkteams", stamp: "2026-11-26T10:00:00Z", against: "2026-11-25T11:05:00Z Bram" },
      ],
    });
    assert.ok(validate(file), JSON.stringify(validate.errors));
    item.changed.title = { at: "2026-11-25T11:05:00Z" };
    assert.equal(validate(file), false, "a stamp is one line of text");
    delete item.changed.title;
    item.conflicts[0].field = "kleur";
    assert.equal(validate(file), false, "a conflict names a card field");
    item.conflicts[0].field = "dates";
    // Version 4's comments (a tombstone among them) and history, as the app
    // writes them; an unknown kind of change is a newer app's, and allowed.
    Object.assign(item, {
      comments: [
        { id: randomUUID(), at: "2026-11-25T11:05:00Z", by: "Anna de Vries", text: "Wacht op sleutelfiguur X" },
        { id: randomUUID(), at: "2026-11-26T09:00:00Z", by: "Bram", text: "Zaal geregeld", edited: "2026-11-26T09:10:00Z" },
        { id: randomUUID(), at: "2026-11-26T10:00:00Z", by: "", text: "", deleted: "2026-11-26T10:05:00Z" },
      ],
      history: {
        changes: [
          ["2026-11-27T16:40:00Z Anna de Vries", "dates", "2027-03-17", "2027-03-10"],
          ["2026-11-26T10:00:00Z Bram", "conflict:dates", "", "2027-03-17"],
          ["2026-11-25T11:05:00Z Bram", "notes"],
          ["2026-11-25T11:00:00Z", "combined", "Dialoogavond"],
          ["2026-11-24T08:00:00Z Anna de Vries", "fotos", "a", "b"],
        ],
        older: { from: "2026-11-02T09:00:00Z", to: "2026-11-20T09:00:00Z", by: ["Anna de Vries"] },
      },
    });
    assert.ok(validate(file), JSON.stringify(validate.errors));
    item.comments[2].text = "terug";
    assert.equal(validate(file), false, "a deleted comment keeps no text");
    item.comments[2].text = "";
    item.history.changes[0].push("te veel");
    assert.equal(validate(file), false, "a change has at most four parts");
  });

  test("two people edit copies of one board; the merge keeps both and reports it", async (t) => {
    const anna = await open(t);
    const fileA = await exportFile(anna);

    // Bram has his own first-visit board; Anna's file is another board to him.
    const bram = await open(t);
    await pick(bram, fileA.name, fileA.buffer);
    const preview = bram.getByRole("dialog", { name: "Bord importeren" });
    await preview.waitFor();
    assert.match(await preview.innerText(), /Dit is een ander bord/);
    assert.equal(await preview.getByRole("button", { name: "Samenvoegen" }).count(), 0);
    await preview.getByRole("button", { name: "Vervangen…" }).click();
    await preview.getByRole("button", { name: "Ja, vervangen" }).click();
    await preview.waitFor({ state: "hidden" });
    assert.equal((await stored(bram)).board.id, JSON.parse(fileA.buffer).board.id);

    // Bram's changes.
    await editTitle(bram, "Open dag", "Open dag (Bram)");
    await card(bram, "Missie en visie geschreven").locator(".card-open").focus();
    await bram.keyboard.press("Delete");
    await bram.getByRole("button", { name: "Kaart toevoegen aan Lijn 4, Idee" }).click();
    await bram.keyboard.type("Wervingsdag met de buurt");
    await bram.keyboard.press("Enter");
    await bram.keyboard.press("Escape");
    await card(bram, "Hardloopwedstrijd in PvI-shirts").dragTo(
      bram.getByRole("group", { name: "Lijn 4 Behoud en werving, Bezig" }),
    );
    const fileB = await exportFile(bram);

    // Anna's changes, later.
    await editTitle(anna, "Open dag", "Open dag (Anna)");
    await card(anna, "Trainingsprogramma radicalisering").locator(".card-open").click();
    await anna.getByLabel("Trekker", { exact: true }).fill("OPCO");
    await anna.keyboard.press("Escape");

    await pick(anna, fileB.name, fileB.buffer);
    const p = anna.getByRole("dialog", { name: "Bord importeren" });
    await p.waitFor();
    const text = await p.innerText();
    assert.match(text, /Dit is een versie van het bord dat nu open is/);
    assert.match(text, /Bestandsversie\s+4/);
    assert.match(text, /Lijn 4: Behoud en werving\s+2/);
    assert.match(text, /Totaal\s+11/);
    assert.ok(text.includes(fileB.name));
    // Before anything changes, the preview says what merging will do, by card.
    assert.match(text, /Wat samenvoegen doet/);
    assert.match(text, /Nieuw \(1\)\s+'Wervingsdag met de buurt'/);
    assert.match(text, /Gewijzigd \(1\)\s+'Hardloopwedstrijd in PvI-shirts': plaats op het bord/);
    assert.match(text, /Verwijderd \(1\)\s+'Missie en visie geschreven'/);
    assert.match(text, /Conflicten \(1\)[^]*'Open dag \(Anna\)': titel/);
    assert.equal(await card(anna, "Missie en visie geschreven").count(), 1);
    await p.getByRole("button", { name: "Samenvoegen" }).click();

    const summary = anna.getByRole("dialog", { name: "Samengevoegd" });
    await summary.waitFor();
    const s = await summary.innerText();
    assert.match(s, /1 nieuw, 1 bijgewerkt, 1 verwijderd\./);
    // Both titles, side by side: the later one is on the board, Bram's kept.
    assert.match(s, /'Open dag \(Anna\)': titel\s+iemand zonder naam: Open dag \(Anna\)\s+Gebruik deze\s+iemand zonder naam: Open dag \(Bram\)\s+Gebruik deze/);
    assert.match(s, /Nieuw \(1\)\s+'Wervingsdag met de buurt'/);
    assert.match(s, /Verwijderd \(1\)\s+'Missie en visie geschreven'/);
    // The preview turned into the summary (one dialog): focus is on its
    // close button, not left on the gone "Samenvoegen".
    await anna.waitForFunction(() => document.activeElement?.textContent === "Sluiten");
    // Until someone decides, the card says it has two versions.
    assert.match(await card(anna, "Open dag (Anna)").innerText(), /Twee versies/);
    await anna.keyboard.press("Enter");
    await summary.waitFor({ state: "hidden" });

    assert.deepEqual(await titlesIn(anna, 4, "Idee"), ["Wervingsdag met de buurt"]);
    assert.deepEqual(await titlesIn(anna, 4, "Bezig"), ["Hardloopwedstrijd in PvI-shirts"]);
    assert.equal(await card(anna, "Missie en visie geschreven").count(), 0);
    assert.equal(await card(anna, "Open dag (Anna)").count(), 1);
    assert.ok((await card(anna, "Trainingsprogramma radicalisering").innerText()).includes("OPCO"));
    const withConflict = (await stored(anna)).board;
    assert.equal(withConflict.items.length, 11);
    assert.equal(withConflict.items.find((i) => i.title === "Open dag (Anna)").conflicts.length, 1);

    // In the card's editor: use Bram's title instead.
    await card(anna, "Open dag (Anna)").locator(".card-open").click();
    const editor = anna.getByRole("dialog", { name: "Kaart bewerken" });
    const choice = editor.locator(".conflict");
    assert.match(await choice.innerText(), /Open dag \(Bram\)/);
    await choice.locator(".conflict-value", { hasText: "Open dag (Bram)" }).getByRole("button", { name: "Gebruik deze" }).click();
    // Decided: the choice goes, the field shows it, focus stays in the editor.
    await editor.locator(".editor-conflicts").waitFor({ state: "detached" });
    assert.equal(await editor.getByLabel("Titel").inputValue(), "Open dag (Bram)");
    await anna.waitForFunction(() => document.activeElement?.textContent === "Sluiten");
    await anna.keyboard.press("Escape");
    assert.equal(await card(anna, "Open dag (Bram)").count(), 1);
    assert.doesNotMatch(await card(anna, "Open dag (Bram)").innerText(), /Twee versies/);
    const merged = (await stored(anna)).board;
    assert.equal(merged.items.find((i) => i.title === "Open dag (Bram)").conflicts, undefined);

    // Merging the same file again changes nothing.
    await pick(anna, fileB.name, fileB.buffer);
    await p.getByRole("button", { name: "Samenvoegen" }).click();
    await summary.waitFor();
    assert.match(await summary.innerText(), /Er was niets nieuws/);
    await summary.getByRole("button", { name: "Sluiten" }).click();
    assert.deepEqual((await stored(anna)).board.items, merged.items);

    // The merge survives a reload.
    await anna.reload();
    await anna.locator(".card").first().waitFor();
    assert.deepEqual(await titlesIn(anna, 4, "Idee"), ["Wervingsdag met de buurt"]);
  });

  test("a merge of many cards names the first hundred per list, and all on request", async (t) => {
    const page = await open(t);
    const { buffer } = await exportFile(page);
    const file = JSON.parse(buffer.toString("utf8"));
    const [first] = file.board.items;
    const later = new Date(Date.now() + 60_000).toISOString();
    for (let n = 0; n < 150; n += 1) {
      file.board.items.push({ ...first, id: randomUUID(), title: `Extra ${n}`, created: later, updated: later });
    }
    await pick(page, "veel.planbord.json", Buffer.from(JSON.stringify(file)));
    const p = page.getByRole("dialog", { name: "Bord importeren" });
    const added = p.locator(".merge-list", { hasText: "Nieuw (150)" });
    await added.waitFor();
    assert.equal(await added.locator("li").count(), 100);
    await added.getByRole("button", { name: "Alle 150 tonen" }).click();
    assert.equal(await added.locator("li").count(), 150);
    assert.equal(await added.getByRole("button", { name: "Alle 150 tonen" }).count(), 0);
    await p.getByRole("button", { name: "Samenvoegen" }).click();
    const summary = page.getByRole("dialog", { name: "Samengevoegd" });
    await summary.waitFor();
    assert.match(await summary.innerText(), /150 nieuw, 0 bijgewerkt, 0 verwijderd/);
    assert.equal(await summary.locator(".merge-list", { hasText: "Nieuw (150)" }).locator("li").count(), 100);
    assert.equal(await page.locator(".card").count(), 161);
  });

  test("replace asks first and can be undone", async (t) => {
    const page = await open(t);
    const before = (await stored(page)).board;
    await pick(page, "v1-gaasperdam.planbord.json", await fixture("ok/v1-gaasperdam.planbord.json"));
    const p = page.getByRole("dialog", { name: "Bord importeren" });
    await p.waitFor();
    const text = await p.innerText();
    assert.match(text, /Teamplan Gaasperdam/);
    assert.match(text, /Lijn 1: Teamontwikkeling\s+2/);
    assert.match(text, /Totaal\s+3/);
    await p.getByRole("button", { name: "Vervangen…" }).click();
    assert.match(await p.innerText(), /Het huidige bord 'Teamplan Nieuw West Zuid' met 11 kaarten wordt vervangen/);
    await p.getByRole("button", { name: "Terug" }).click();
    await p.getByRole("button", { name: "Vervangen…" }).click();
    await p.getByRole("button", { name: "Ja, vervangen" }).click();
    assert.equal(await page.locator("h1").innerText(), "Teamplan Gaasperdam");
    assert.equal(await page.locator(".card").count(), 3);
    await page.locator(".notice").getByRole("button", { name: "Ongedaan maken" }).click();
    // The board comes back in the next frame (on a busy machine, later).
    await page.locator("h1", { hasText: /^Teamplan Nieuw West Zuid$/ }).waitFor();
    assert.deepEqual((await stored(page)).board.items, before.items);
  });

  test("cancel leaves the board untouched", async (t) => {
    const page = await open(t);
    const before = await rawStored(page);
    await pick(page, "x.json", await fixture("ok/v1-gaasperdam.planbord.json"));
    await page.getByRole("dialog", { name: "Bord importeren" }).getByRole("button", { name: "Annuleren" }).click();
    assert.equal(await rawStored(page), before);
    assert.equal(await page.locator(".card").count(), 11);
  });

  test("a bad file, picked or dropped, is explained and changes nothing", async (t) => {
    const page = await open(t);
    const before = await rawStored(page);
    const cases = [
      ["bad/not-json--truncated.json", /geen geldige JSON: de fout zit in regel \d+, kolom \d+/],
      ["bad/newer--version-99.json", /nieuwere Planbord \(bestandsversie 99\)/],
      ["bad/field--invalid-date.json", /Kaart 2 \('Leiderschapstraject OE en teamleiding'\), veld 'start'/],
      ["bad/not-planbord--excalidraw.json", /geen Planbord-bestand/],
      ["bad/invalid--duplicate-ids.json", /komt twee keer voor/],
      ["bad/empty--zero-bytes.json", /Het bestand is leeg/],
    ];
    const failed = page.getByRole("dialog", { name: "Importeren lukt niet" });
    for (const [i, [path, message]] of cases.entries()) {
      const name = path.split("/")[1];
      const bytes = await fixture(path);
      if (i % 2 === 0) {
        await pick(page, name, bytes);
      } else {
        await drop(page, name, bytes.toString("utf8"));
      }
      await failed.waitFor();
      const text = await failed.innerText();
      assert.match(text, message, path);
      assert.match(text, /Er is niets veranderd aan het bord/);
      // The sentence is Dutch; what the parser said is folded away.
      const sentence = await failed.locator("p").first().innerText();
      assert.doesNotMatch(sentence, /invalid|expected|input|found|UUID|variant/i, path);
      await failed.getByRole("button", { name: "Sluiten" }).click();
      await failed.waitFor({ state: "hidden" });
    }
    // A bad value: "Technische details" holds the parser's words, closed.
    await pick(page, "field--bad-uuid.json", await fixture("bad/field--bad-uuid.json"));
    await failed.waitFor();
    const details = failed.locator("details.technical");
    assert.equal(await details.locator("summary").innerText(), "Technische details");
    assert.equal(await details.getAttribute("open"), null);
    await details.locator("summary").click();
    assert.match(await details.locator("pre").innerText(), /UUID|invalid/i);
    assert.doesNotMatch(await failed.locator("p").first().innerText(), /UUID|invalid/i);
    await failed.getByRole("button", { name: "Sluiten" }).click();
    await failed.waitFor({ state: "hidden" });
    // Too large: refused before it is read.
    await pick(page, "groot.json", Buffer.alloc(11 * 1024 * 1024, 32));
    await failed.waitFor();
    assert.match(await failed.innerText(), /te groot \(11\.0 MB\); het maximum is 10 MB/);
    await failed.getByRole("button", { name: "Sluiten" }).click();
    assert.equal(await rawStored(page), before);
    assert.equal(await page.locator(".card").count(), 11);
    assert.equal(await page.locator(".file-over").count(), 0);
  });

  test("a dropped good file opens the preview", async (t) => {
    const page = await open(t);
    await drop(page, "gaasperdam.json", (await fixture("ok/v1-gaasperdam.planbord.json")).toString("utf8"));
    await page.getByRole("dialog", { name: "Bord importeren" }).waitFor();
  });

  test("HTML and javascript: in an imported file stay inert text", async (t) => {
    const page = await open(t);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await pick(page, "script.json", await fixture("ok/script-in-title.planbord.json"));
    const p = page.getByRole("dialog", { name: "Bord importeren" });
    await p.getByRole("button", { name: "Vervangen…" }).click();
    await p.getByRole("button", { name: "Ja, vervangen" }).click();
    const hostile = card(page, "<script>alert(1)</script><img src=x onerror=alert(2)>");
    assert.equal(await hostile.count(), 1);
    assert.equal(await page.locator(".card script, .card img, a[href^='javascript']").count(), 0);
    await hostile.locator(".card-open").click();
    assert.equal(await page.getByLabel("Notities").inputValue(), "[klik](javascript:alert(3))");
    assert.equal(dialogs, 0);
  });
});
