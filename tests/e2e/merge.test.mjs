// End-to-end: "Nobody's edit is lost by email". Two people (two browser
// contexts) edit copies of one board at the same time; files travel by real
// downloads and the file input. Cards merge field by field; a field both
// changed is kept as a conflict with both values and both names until
// someone chooses; likely duplicates can be combined (and the combining
// undone); a version-1 file still merges; two tabs merge on the fly.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { OUT, axe, card, open, rawStored, secondTab, setup, stored, titlesIn, YEAR } from "./helpers.mjs";
import {
  answerName,
  closeSummary,
  edit,
  escape,
  exchange,
  exportFile,
  importDialog,
  line,
  pick,
  summaryDialog,
  twoCopies,
} from "./exchange.mjs";

setup();

const A = "Trainingsprogramma radicalisering"; // line 2, Gepland
const B = "Open dag"; // line 3, Gepland, 14 October of this year
const B2 = "Open dag bureau Meer en Vaart"; // Anna's new title
const C = "Hardloopwedstrijd in PvI-shirts"; // line 4: both change the notes
const NOTE_A = "Ingekochte training.\nB: al 12 sleutelfiguren gesproken";
const ANNA_C = "40 lopers ingeschreven";
const BRAM_C = "Startgeld betaald door het bureau";
const DUP_A = "Training OPCO's na de meivakantie";
const DUP_B = "training OPCO 's na de Meivakantie"; // the same, case and spaces aside

async function addCard(page, lineNo, column, title, notes) {
  await page.getByRole("button", { name: `Kaart toevoegen aan Lijn ${lineNo}, ${column}` }).click();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await card(page, title).waitFor();
  if (notes) await edit(page, title, (e) => e.getByLabel("Notities").fill(notes));
}

const byTitle = (board, title) => board.items.find((i) => i.title === title);
const columnId = (board, name) => board.columns.find((c) => c.name === name).id;
/** A stamp as the file writes it: "time name" (see stamps.rs). */
const parseStamp = (text) => {
  const [at, ...name] = text.split(" ");
  return { at, by: name.join(" ") };
};
/** When and by whom a card's field last changed. */
const stampOf = (item, field) => {
  const text = item.changed?.[field] ?? item.changed?.others;
  return text ? parseStamp(text) : { at: item.created, by: item.created_by ?? "" };
};
const withoutSynced = ({ synced, ...board }) => board;

/** Both persons' edits, on one browser: screen, editor and stored board.
 * `anna`/`bram`: how this browser names them ("jij" for itself). */
async function everyEdit(page, { anna, bram }) {
  const b = (await stored(page)).board;
  const bezig = columnId(b, "Bezig");
  assert.equal(b.items.length, 13);
  const a = byTitle(b, A);
  assert.deepEqual([a.trekker, a.notes, a.line, a.column], ["Sanne (OPCO)", NOTE_A, 2, bezig]);
  assert.deepEqual([stampOf(a, "trekker").by, stampOf(a, "notes").by, stampOf(a, "position").by], ["Anna", "Bram", "Bram"]);
  const o = byTitle(b, B2);
  assert.deepEqual([o.start, o.end, o.line, o.column], [`${YEAR}-10-14`, `${YEAR}-10-15`, 3, bezig]);
  assert.deepEqual([stampOf(o, "title").by, stampOf(o, "dates").by], ["Anna", "Bram"]);
  assert.equal(byTitle(b, B), undefined);
  const c = byTitle(b, C);
  assert.equal(c.notes, BRAM_C, "the later value is on the card");
  assert.deepEqual(
    c.conflicts.map((x) => [x.field, x.value, parseStamp(x.stamp).by, parseStamp(x.against).by]),
    [["notes", ANNA_C, "Anna", "Bram"]],
  );
  assert.equal(b.items.filter((i) => i.conflicts).length, 1, "no other conflicts");
  for (const t of [DUP_A, DUP_B]) assert.deepEqual([byTitle(b, t).line, byTitle(b, t).column], [1, columnId(b, "Idee")]);

  assert.ok((await titlesIn(page, 2, "Bezig")).includes(A));
  assert.match(await card(page, A).innerText(), /Sanne \(OPCO\)/);
  assert.ok((await titlesIn(page, 3, "Bezig")).includes(B2));
  assert.deepEqual((await titlesIn(page, 1, "Idee")).filter((t) => /opco/i.test(t)).sort(), [DUP_B, DUP_A].sort());
  assert.equal(await page.locator(".card-conflict").count(), 1);
  assert.equal(await card(page, C).locator(".card-conflict").innerText(), "Twee versies");
  await edit(page, C, async (e) => {
    assert.equal(await e.getByLabel("Notities").inputValue(), BRAM_C);
    assert.match(
      await e.locator(".editor-conflicts").innerText(),
      new RegExp(
        `Twee versies: kies wat blijft\\s+'${escape(C)}': notities\\s+${bram}: ${BRAM_C}\\s+Gebruik deze\\s+` +
          `${anna}: ${ANNA_C}\\s+Gebruik deze\\s+Beide houden`,
      ),
    );
    // The history keeps the value that was not chosen, with who set it.
    await e.getByText(/^Geschiedenis/).click();
    assert.match(
      await e.locator(".history-list").innerText(),
      new RegExp(`· Anna(?: \\(jij\\))? · Bij samenvoegen niet gekozen: notities ‘${ANNA_C}’`),
    );
  });
  return b;
}

describe("merging field by field", () => {
  test("two people, four exchanges: every edit of both arrives; one field both changed waits for a choice", async (t) => {
    const { anna, bram } = await twoCopies(t);

    // Anna: her first change (a card) brings the name question.
    await addCard(anna, 1, "Idee", DUP_A);
    await answerName(anna, "Anna");
    await edit(anna, A, (e) => e.getByLabel("Trekker", { exact: true }).fill("Sanne (OPCO)"));
    await edit(anna, B, (e) => e.getByLabel("Titel").fill(B2), B2);
    await edit(anna, C, (e) => e.getByLabel("Notities").fill(ANNA_C));

    // Bram, at the same time on his copy (later by the clock).
    await addCard(bram, 1, "Idee", DUP_B);
    await answerName(bram, "Bram");
    await edit(bram, A, async (e) => {
      await e.getByLabel("Kolom").selectOption({ label: "Bezig" });
      await e.getByLabel("Notities").fill(NOTE_A);
    });
    await edit(bram, B, async (e) => {
      await e.getByLabel("Einddatum").fill(`${YEAR}-10-15`);
      await e.getByLabel("Kolom").selectOption({ label: "Bezig" });
    });
    await edit(bram, C, (e) => e.getByLabel("Notities").fill(BRAM_C));

    // Exchange 1: Bram → Anna. The preview says it all before anything changes.
    const one = await exchange(bram, anna, async (p) => {
      assert.match(p, /Wat samenvoegen doet/);
      assert.match(p, /Nieuw \(1\)\s+'training OPCO 's na de Meivakantie'\n/);
      assert.match(p, /Gewijzigd \(3\)/);
      assert.match(p, line(`'${A}': notities, plaats op het bord`));
      assert.match(p, line(`'${B2}': datums, plaats op het bord`));
      assert.match(p, line(`'${C}': notities`));
      assert.match(p, /Conflicten \(1\)\s+Door beide kanten gewijzigd[^\n]*\n+'Hardloopwedstrijd in PvI-shirts': notities — jij\n/);
      assert.match(p, /Mogelijk dubbel \(1\)\s+'training OPCO 's na de Meivakantie' staat twee keer in lijn 1\./);
      assert.doesNotMatch(p, /Verwijderd/);
      // Anna's board is as she left it.
      assert.ok((await titlesIn(anna, 2, "Gepland")).includes(A));
      assert.ok((await titlesIn(anna, 3, "Gepland")).includes(B2));
      assert.equal(await card(anna, DUP_B).count(), 0);
      assert.equal(await anna.locator(".card-conflict").count(), 0);
    });
    assert.match(one.summary, /1 nieuw, 3 bijgewerkt, 0 verwijderd\./);
    assert.match(
      one.summary,
      /'Hardloopwedstrijd in PvI-shirts': notities\s+Bram: Startgeld betaald door het bureau\s+Gebruik deze\s+jij: 40 lopers ingeschreven\s+Gebruik deze\s+Beide houden/,
    );
    assert.match(one.summary, /'training OPCO 's na de Meivakantie' staat twee keer in lijn 1\.\s+Samenvoegen tot één kaart/);
    assert.match(one.summary, line(`'${A}': notities, plaats op het bord`));
    // The summary with conflicts and duplicates: accessible, and how it looks.
    assert.deepEqual(await axe(anna, "dialog[open]"), []);
    for (const [width, height] of [[1280, 720], [390, 844]]) {
      await anna.setViewportSize({ width, height });
      await anna.screenshot({ path: `${OUT}/merge-summary-${width}x${height}.png` });
    }
    await anna.setViewportSize({ width: 1920, height: 1080 });
    await closeSummary(anna);

    // Exchange 2: Anna → Bram. The conflict travels with the card.
    const two = await exchange(anna, bram, (p) => {
      assert.match(p, /Nieuw \(1\)\s+'Training OPCO's na de meivakantie'\n/);
      assert.match(p, /Gewijzigd \(2\)/);
      assert.match(p, line(`'${A}': trekker`));
      assert.match(p, line(`'${B2}': titel`));
      assert.match(p, line(`'${C}': notities — Anna`));
      assert.match(p, /Mogelijk dubbel \(1\)\s+'Training OPCO's na de meivakantie' staat twee keer in lijn 1\./);
    });
    assert.match(two.summary, /1 nieuw, 2 bijgewerkt, 0 verwijderd\./);
    assert.match(
      two.summary,
      /'Hardloopwedstrijd in PvI-shirts': notities\s+jij: Startgeld betaald door het bureau\s+Gebruik deze\s+Anna: 40 lopers ingeschreven\s+Gebruik deze/,
    );
    await closeSummary(bram);

    // Exchanges 3 and 4: the copies agree, nothing more to merge.
    for (const [from, to] of [[bram, anna], [anna, bram]]) {
      const { preview, summary } = await exchange(from, to);
      assert.match(preview, /Samenvoegen verandert niets: dit bord heeft alles al\./);
      assert.match(summary, /Er was niets nieuws: het bord had alles al\./);
      await closeSummary(to);
    }

    const boardA = await everyEdit(anna, { anna: "jij", bram: "Bram" });
    const boardB = await everyEdit(bram, { anna: "Anna", bram: "jij" });
    assert.deepEqual(withoutSynced(boardA), withoutSynced(boardB), "both copies hold the same board");

    // Bram chooses Anna's value in the editor; one more exchange settles it.
    await edit(bram, C, async (e) => {
      await e.locator(".conflict-value", { hasText: `Anna: ${ANNA_C}` }).getByRole("button", { name: "Gebruik deze" }).click();
      await e.locator(".editor-conflicts").waitFor({ state: "detached" });
      assert.equal(await e.getByLabel("Notities").inputValue(), ANNA_C);
    });
    const five = await exchange(bram, anna, (p) => assert.match(p, /Gewijzigd \(1\)\s+'Hardloopwedstrijd in PvI-shirts': notities\n/));
    assert.doesNotMatch(five.summary, /Conflicten/);
    await closeSummary(anna);
    const [endA, endB] = [(await stored(anna)).board, (await stored(bram)).board];
    for (const [page, board] of [[anna, endA], [bram, endB]]) {
      assert.equal(await page.locator(".card-conflict").count(), 0);
      assert.equal(byTitle(board, C).notes, ANNA_C);
      assert.equal(stampOf(byTitle(board, C), "notes").by, "Bram");
      assert.deepEqual(board.items.filter((i) => i.conflicts), []);
      assert.equal(byTitle(board, A).trekker, "Sanne (OPCO)");
    }
    assert.deepEqual(withoutSynced(endA), withoutSynced(endB));
  });

  test("likely duplicates: combined into one card with both notes; Ctrl+Z and the undo button bring both back", async (t) => {
    const { anna, bram } = await twoCopies(t);
    await addCard(anna, 1, "Idee", DUP_A, "Datum nog prikken.");
    await addCard(bram, 1, "Idee", DUP_B, "Trainer: Hanneke.");
    const { summary } = await exchange(bram, anna);
    assert.match(summary, /Mogelijk dubbel \(1\)\s+'training OPCO 's na de Meivakantie' staat twee keer in lijn 1\./);
    const annas = byTitle((await stored(anna)).board, DUP_A).id;
    const dialog = summaryDialog(anna);
    await dialog.getByRole("button", { name: "Samenvoegen tot één kaart" }).click();
    await dialog.getByText("Besloten.").waitFor();
    await closeSummary(anna);

    const ours = async () => (await titlesIn(anna, 1, "Idee")).filter((x) => /opco/i.test(x));
    // One card left: Anna's, with the later title (Bram's) and both notes.
    const combined = async () => {
      const items = (await stored(anna)).board.items.filter((i) => /opco ?'s na de/i.test(i.title));
      assert.deepEqual(items.map((i) => [i.id, i.title, i.notes]), [[annas, DUP_B, "Datum nog prikken.\n\nTrainer: Hanneke."]]);
      assert.deepEqual(await ours(), [DUP_B]);
      return items[0];
    };
    const both = async () => {
      assert.deepEqual((await ours()).sort(), [DUP_B, DUP_A].sort());
      const b = (await stored(anna)).board;
      assert.deepEqual([byTitle(b, DUP_A).notes, byTitle(b, DUP_B).notes], ["Datum nog prikken.", "Trainer: Hanneke."]);
    };
    const kept = await combined();
    // Ctrl+Z with focus on the board, Ctrl+Shift+Z, then the toolbar's buttons.
    await anna.locator(".card-open").first().focus();
    await anna.keyboard.press("Control+z");
    await both();
    await anna.keyboard.press("Control+Shift+z");
    await combined();
    await anna.getByRole("button", { name: "Ongedaan maken (Ctrl+Z)" }).click();
    await both();
    await anna.getByRole("button", { name: "Opnieuw (Ctrl+Shift+Z)" }).click();
    await combined();

    // The combined card reaches Bram: his copy goes, his notes stay.
    const back = await exchange(anna, bram);
    assert.match(back.summary, /Verwijderd \(1\)\s+'training OPCO 's na de Meivakantie'/);
    await closeSummary(bram);
    const left = (await stored(bram)).board.items.filter((i) => /opco ?'s na de/i.test(i.title));
    assert.deepEqual(left.map((i) => [i.id, i.title, i.notes]), [[kept.id, DUP_B, "Datum nog prikken.\n\nTrainer: Hanneke."]]);
    assert.deepEqual((await titlesIn(bram, 1, "Idee")).filter((x) => /opco/i.test(x)), [DUP_B]);
  });

  // Undoing "Gebruik deze" reopens the choice: the value not chosen must
  // not be lost by an undo (it once was: undo restamped the field and the
  // conflict no longer matched it).
  test("undoing a choice in the summary brings the two versions back", async (t) => {
    const { anna, bram } = await twoCopies(t);
    await edit(anna, C, (e) => e.getByLabel("Notities").fill(ANNA_C));
    await edit(bram, C, (e) => e.getByLabel("Notities").fill(BRAM_C));
    await exchange(bram, anna);
    const dialog = summaryDialog(anna);
    await dialog.locator(".conflict-value", { hasText: ANNA_C }).getByRole("button", { name: "Gebruik deze" }).click();
    await dialog.getByText("Besloten.").waitFor();
    await closeSummary(anna);
    let c = byTitle((await stored(anna)).board, C);
    assert.deepEqual([c.notes, c.conflicts], [ANNA_C, undefined], "decided in the summary");

    await card(anna, C).locator(".card-open").focus();
    await anna.keyboard.press("Control+z");
    c = byTitle((await stored(anna)).board, C);
    assert.equal(c.notes, BRAM_C, "undo put Bram's notes back");
    assert.deepEqual((c.conflicts ?? []).map((x) => [x.field, x.value]), [["notes", ANNA_C]], "and Anna's notes are kept aside again");
    assert.equal(await card(anna, C).locator(".card-conflict").count(), 1);
  });

  test("a version-1 file, as the previous release wrote it, merges; the v1 fixture still imports", async (t) => {
    const { anna, bram } = await twoCopies(t);
    await edit(anna, C, (e) => e.getByLabel("Notities").fill(ANNA_C));
    await edit(bram, B, (e) => e.getByLabel("Trekker", { exact: true }).fill("Wijkteam"));
    await addCard(bram, 3, "Idee", "Buurtbarbecue");
    const toV1 = (buffer) => {
      const file = JSON.parse(buffer);
      file.version = 1;
      for (const item of file.board.items) {
        delete item.changed;
        delete item.conflicts;
      }
      const text = JSON.stringify(file, null, 2);
      assert.doesNotMatch(text, /"changed"|"conflicts"/);
      return Buffer.from(text);
    };
    const { summary } = await exchange(
      bram,
      anna,
      (p) => {
        assert.match(p, /Bestandsversie\s+1/);
        assert.match(p, /Nieuw \(1\)\s+'Buurtbarbecue'\n/);
        assert.match(p, /Gewijzigd \(1\)\s+'Open dag': trekker\n/);
        assert.doesNotMatch(p, /Conflicten|Verwijderd|Mogelijk dubbel/);
      },
      toV1,
    );
    assert.match(summary, /1 nieuw, 1 bijgewerkt, 0 verwijderd\./);
    await closeSummary(anna);
    const b = (await stored(anna)).board;
    assert.equal(byTitle(b, B).trekker, "Wijkteam");
    assert.equal(byTitle(b, C).notes, ANNA_C, "Anna's own edit stays");
    assert.equal(byTitle(b, "Buurtbarbecue").line, 3);
    assert.deepEqual(b.items.filter((i) => i.conflicts), []);
    assert.ok((await titlesIn(anna, 3, "Idee")).includes("Buurtbarbecue"));

    await pick(anna, "v1-gaasperdam.planbord.json", await readFile("tests/files/ok/v1-gaasperdam.planbord.json"));
    const p = importDialog(anna);
    const text = await p.innerText();
    assert.match(text, /Teamplan Gaasperdam/);
    assert.match(text, /Bestandsversie\s+1/);
    assert.match(text, /Totaal\s+3/);
    await p.getByRole("button", { name: "Annuleren" }).click();
  });

  test("two tabs edit different fields of one card at once: both changes stay in both tabs and in storage", async (t) => {
    const one = await open(t);
    const two = await secondTab(one);
    for (const page of [one, two]) await card(page, B).locator(".card-open").click();
    await Promise.all([
      one.getByLabel("Trekker", { exact: true }).fill("Wijkteam Noord"),
      two.getByLabel("Notities").fill("Tent reserveren bij de gemeente"),
    ]);
    // Both edits are made before either tab saved (typing saves after 400 ms).
    const unsaved = await Promise.all([one, two].map((p) => p.locator(".app").getAttribute("data-opgeslagen")));
    assert.deepEqual(unsaved, ["nee", "nee"]);
    // Each open editor shows the other tab's change, without a reload.
    await one.waitForFunction(() => document.querySelector("#kaart-notities").value === "Tent reserveren bij de gemeente");
    await two.waitForFunction(() => document.querySelector("#kaart-trekker").value === "Wijkteam Noord");
    for (const page of [one, two]) {
      await page.keyboard.press("Escape");
      assert.match(await card(page, B).innerText(), /Wijkteam Noord/);
      const item = byTitle((await stored(page)).board, B);
      assert.deepEqual([item.trekker, item.notes, item.conflicts], ["Wijkteam Noord", "Tent reserveren bij de gemeente", undefined]);
    }
    assert.equal(await rawStored(one), await rawStored(two));
  });

  test("a line's status from one person and its knelpunten from the other both survive, both ways", async (t) => {
    const { anna, bram } = await twoCopies(t);
    /** Sets line `n`'s status and/or knelpunten through its header's button. */
    const setLine = async (page, n, status, text) => {
      await page.getByRole("button", { name: `Status van lijn ${n}: Geen status (wijzigen)` }).click();
      const d = page.getByRole("dialog", { name: "Status en knelpunten" });
      if (status) await d.getByLabel("Status").selectOption({ label: status });
      if (text) await d.getByLabel("Knelpunten en wat er nodig is").fill(text);
      await d.getByRole("button", { name: "Opslaan" }).click();
      await d.waitFor({ state: "hidden" });
    };
    await setLine(anna, 1, "Aandacht");
    await setLine(bram, 1, null, "Wacht op twee sleutelfiguren");
    await setLine(bram, 2, "Vertraagd");
    await exchange(anna, bram);
    await closeSummary(bram);
    await exchange(bram, anna);
    await closeSummary(anna);
    for (const page of [anna, bram]) {
      const lines = (await stored(page)).board.lines;
      assert.deepEqual(
        [lines[0].status, lines[0].knelpunten, lines[1].status],
        ["aandacht", "Wacht op twee sleutelfiguren", "vertraagd"],
      );
      assert.equal(await page.locator(".lane-1 .line-status").innerText(), "Aandacht");
      assert.equal(await page.locator(".lane-2 .line-status").innerText(), "Vertraagd");
    }
  });
});
