// End-to-end: the board itself (see helpers.mjs for the setup).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import {
  axe,
  boardKey,
  openId,
  card,
  cell,
  LANES,
  open,
  OUT,
  pressOnCard,
  server,
  setup,
  stored,
  titlesIn,
  YEAR,
} from "./helpers.mjs";

setup();

describe("the board", () => {
  test("first visit shows the Nieuw West Zuid sample on five lanes", async (t) => {
    const page = await open(t);
    await assert.doesNotReject(page.waitForFunction(() => document.title.includes("Planbord")));
    assert.equal(await page.locator("html").getAttribute("lang"), "nl");
    assert.equal(await page.locator("h1").innerText(), "Teamplan Nieuw West Zuid");
    const lanes = await page.locator(".lane h2").allInnerTexts();
    assert.equal(lanes.length, 5);
    LANES.forEach((name, i) => assert.ok(lanes[i].includes(name), `${lanes[i]} ~ ${name}`));
    const heads = await page.locator(".column-head .column-name").allInnerTexts();
    assert.deepEqual(heads, ["Idee", "Gepland", "Bezig", "Afgerond"]);
    assert.equal(await page.locator(".card").count(), 11);
    assert.ok((await card(page, "Open dag").innerText()).includes(`14-10-${YEAR}`));
    assert.ok((await card(page, "Hardloopwedstrijd in PvI-shirts").innerText()).includes(`20-05-${YEAR} – 21-05-${YEAR}`));
    assert.deepEqual(await titlesIn(page, 5, "Afgerond"), ["Kerngroep en klankbord gevormd"]);
    // Saved at once, under the versioned key.
    const saved = await stored(page);
    assert.equal(saved.schema, 4);
    assert.equal(saved.board.items.length, 11);
    // Every lane is on screen at 1920×1080 without scrolling.
    for (const lane of await page.locator(".lane").all()) {
      const box = await lane.boundingBox();
      assert.ok(box.y + box.height <= 1080, `lane ends at ${box.y + box.height}`);
    }
    await page.screenshot({ path: `${OUT}/board-1920x1080.png` });
    assert.deepEqual(await axe(page), []);
  });

  test("add cards by typing and Enter; Escape leaves add mode", async (t) => {
    const page = await open(t);
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 2, Idee" }).click();
    const input = page.getByRole("textbox", { name: "Kaart toevoegen aan Lijn 2, Idee" });
    await assert.doesNotReject(input.waitFor());
    assert.ok(await input.evaluate((el) => el === document.activeElement), "field has focus");
    await input.fill("Sleutelfiguren benaderen");
    await input.press("Enter");
    await input.fill("Netwerkagenten trainen");
    await input.press("Enter");
    assert.equal(await input.inputValue(), "", "field is empty and still open");
    await input.press("Escape");
    await assert.doesNotReject(input.waitFor({ state: "detached" }));
    assert.deepEqual(await titlesIn(page, 2, "Idee"), ["Sleutelfiguren benaderen", "Netwerkagenten trainen"]);
    // Focus returns to the add button (in the next frame).
    await assert.doesNotReject(page.waitForFunction(() => document.activeElement?.textContent === "+ Kaart", null, { timeout: 2000 }));
    const saved = await stored(page);
    const added = saved.board.items.find((i) => i.title === "Sleutelfiguren benaderen");
    assert.ok(added, "saved at once");
    assert.match(added.id, /^[0-9a-f-]{36}$/);
    assert.equal(added.created, added.updated);
  });

  test("add and edit a card with the keyboard alone", async (t) => {
    const page = await open(t);
    // Enter on the focused add button opens the title field.
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 5, Idee" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Voortgang rapporteren aan sectorhoofd");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    assert.deepEqual(await titlesIn(page, 5, "Idee"), ["Voortgang rapporteren aan sectorhoofd"]);
    // Shift+Tab from the add button goes back to the new card's move button, then the card.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Kaart bewerken" });
    await dialog.waitFor();
    assert.ok(await page.evaluate(() => document.activeElement?.id === "kaart-titel"), "title field has focus");
    await page.keyboard.press("Tab"); // notes
    await page.keyboard.type("Elk kwartaal");
    await page.keyboard.press("Tab"); // trekker
    await page.keyboard.type("Kerngroep");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const text = await card(page, "Voortgang rapporteren aan sectorhoofd").innerText();
    assert.ok(text.includes("Kerngroep"), text);
    const saved = (await stored(page)).board.items.find((i) => i.title.startsWith("Voortgang"));
    assert.equal(saved.notes, "Elk kwartaal");
  });

  test("edit every field of a card in the editor", async (t) => {
    const page = await open(t);
    const before = (await stored(page)).board.items.find((i) => i.title === "Open dag");
    await card(page, "Open dag").locator(".card-open").click();
    const dialog = page.getByRole("dialog", { name: "Kaart bewerken" });
    await dialog.waitFor();
    // A new value in every field, none of them what the card already has.
    await dialog.getByLabel("Titel").fill("Open dag bureau Meer en Vaart");
    await dialog.getByLabel("Notities").fill("Regel één\nRegel twee <b>geen html</b>");
    await dialog.getByLabel("Trekker").fill("OPCO");
    await dialog.getByLabel("Team", { exact: true }).fill("Meer en Vaart");
    // The end first: a start after the old end would be refused.
    await dialog.getByLabel("Einddatum").fill("2017-11-05");
    await dialog.getByLabel("Startdatum").fill("2017-11-04");
    await dialog.getByLabel("Intern of extern").selectOption("intern");
    await dialog.getByLabel("Labels").fill("werving, jongeren, werving");
    await dialog.getByLabel("Labels").press("Tab");
    await dialog.getByLabel("Lijn", { exact: true }).selectOption({ label: `Lijn 4: ${LANES[3]}` });
    await dialog.getByLabel("Kolom", { exact: true }).selectOption({ label: "Bezig" });
    assert.match(await dialog.locator(".timestamps").innerText(), /Aangemaakt: .* · Laatst gewijzigd: /);
    assert.deepEqual(await axe(page, "dialog"), []);
    // An end date before the start date is refused with a message.
    await dialog.getByLabel("Einddatum").fill("2017-11-01");
    assert.match(await dialog.getByRole("alert").innerText(), /einddatum ligt vóór de startdatum/);
    await dialog.getByLabel("Einddatum").fill("2017-11-05");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    assert.deepEqual(await titlesIn(page, 4, "Bezig"), ["Open dag bureau Meer en Vaart"]);
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), []);
    const text = await card(page, "Open dag bureau Meer en Vaart").innerText();
    for (const part of ["OPCO", "04-11-2017 – 05-11-2017", "Intern", "werving", "jongeren"]) {
      assert.ok(text.includes(part), `card shows ${part}: ${text}`);
    }
    const board = (await stored(page)).board;
    const after = board.items.find((i) => i.id === before.id);
    const expected = {
      title: "Open dag bureau Meer en Vaart",
      notes: "Regel één\nRegel twee <b>geen html</b>",
      trekker: "OPCO",
      team: "Meer en Vaart",
      start: "2017-11-04",
      end: "2017-11-05",
      scope: "intern",
      tags: ["werving", "jongeren"],
      line: 4,
      column: board.columns[2].id,
    };
    for (const [field, value] of Object.entries(expected)) {
      assert.notDeepEqual(before[field], value, `${field} was something else before`);
      assert.deepEqual(after[field], value, field);
    }
    assert.ok(Date.parse(after.updated) > Date.parse(before.updated), `${after.updated} after ${before.updated}`);
    assert.equal(after.created, before.created);
    // Focus is back on the card.
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".card")?.dataset.id), before.id);
  });

  test("drag a card to another lane and column, and reorder within a cell", async (t) => {
    const page = await open(t);
    await card(page, "Open dag").dragTo(cell(page, 4, "Bezig"));
    assert.deepEqual(await titlesIn(page, 4, "Bezig"), ["Open dag"]);
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), []);
    // Reorder: drag the second card of a cell onto the top half of the first.
    const first = card(page, "Missie en visie geschreven");
    const box = await first.boundingBox();
    await card(page, "Jaarkalender activiteiten gemaakt").dragTo(first, {
      targetPosition: { x: box.width / 2, y: 4 },
    });
    assert.deepEqual(await titlesIn(page, 1, "Afgerond"), [
      "Jaarkalender activiteiten gemaakt",
      "Missie en visie geschreven",
    ]);
    const saved = (await stored(page)).board;
    const moved = saved.items.find((i) => i.title === "Open dag");
    assert.equal(moved.line, 4);
    assert.equal(moved.column, saved.columns[2].id);
  });

  test("the drop target is visible while dragging", async (t) => {
    const page = await open(t);
    const source = card(page, "Open dag");
    const target = cell(page, 2, "Idee");
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    await page.mouse.move(from.x + 20, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(to.x + 30, to.y + 30, { steps: 8 });
    await page.mouse.move(to.x + 40, to.y + 40, { steps: 4 });
    assert.match(await target.getAttribute("class"), /drop-target/);
    await page.screenshot({ path: `${OUT}/dragging.png` });
    await page.mouse.up();
    assert.deepEqual(await titlesIn(page, 2, "Idee"), ["Open dag"]);
    assert.doesNotMatch(await target.getAttribute("class"), /drop-target/);
  });

  test("move a card with the keyboard alone", async (t) => {
    const page = await open(t);
    const open_ = card(page, "Open dag").locator(".card-open");
    await open_.focus();
    await pressOnCard(page, "Alt+ArrowRight");
    // It keeps its place in the cell (first here).
    assert.deepEqual(await titlesIn(page, 3, "Bezig"), ["Open dag", "Vier sessies debat, inspiratie en dialoog dit jaar"]);
    assert.match(await page.getByRole("status").innerText(), /Kaart 'Open dag' verplaatst naar Lijn 3, Bezig/);
    // Focus follows the card, so the next key moves it again.
    await pressOnCard(page, "Alt+Shift+ArrowDown");
    assert.deepEqual(await titlesIn(page, 3, "Bezig"), ["Vier sessies debat, inspiratie en dialoog dit jaar", "Open dag"]);
    await pressOnCard(page, "Alt+Shift+ArrowUp");
    assert.deepEqual(await titlesIn(page, 3, "Bezig"), ["Open dag", "Vier sessies debat, inspiratie en dialoog dit jaar"]);
    await pressOnCard(page, "Alt+ArrowDown");
    await pressOnCard(page, "Alt+ArrowDown");
    assert.deepEqual(await titlesIn(page, 5, "Bezig"), ["Open dag"]);
    await pressOnCard(page, "Alt+ArrowDown");
    assert.match(await page.getByRole("status").innerText(), /niet verder/);
    await pressOnCard(page, "Alt+ArrowLeft");
    assert.deepEqual(await titlesIn(page, 5, "Gepland"), ["Open dag"]);

    // "Verplaats naar…" with the keyboard: Tab to the button, choose, submit.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Verplaats kaart 'Open dag'");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Verplaats naar…" });
    await dialog.waitFor();
    await dialog.getByLabel("Lijn").selectOption({ label: "Lijn 2: Netwerk en expertise (sleutelpersonen)" });
    await dialog.getByLabel("Kolom").selectOption({ label: "Afgerond" });
    await dialog.getByRole("button", { name: "Verplaatsen" }).press("Enter");
    await dialog.waitFor({ state: "hidden" });
    assert.deepEqual(await titlesIn(page, 2, "Afgerond"), ["Open dag"]);

    // Enter opens the editor on the focused card.
    await page.waitForFunction(() => document.activeElement?.classList.contains("card-open"));
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Kaart bewerken" }).waitFor();
    assert.equal(await page.getByLabel("Titel").inputValue(), "Open dag");
  });

  test("undoing an edit of the focused card keeps the focus on it", async (t) => {
    const page = await open(t);
    const id = await card(page, "Open dag").getAttribute("data-id");
    await card(page, "Open dag").locator(".card-open").click();
    await page.getByLabel("Titel").fill("Open dag 2017");
    await page.keyboard.press("Escape");
    await card(page, "Open dag 2017").locator(".card-open").focus();
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag 2017"]);
    assert.equal((await stored(page)).board.items.find((i) => i.id === id).title, "Open dag 2017");
    await page.keyboard.press("Control+z");
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag"]);
    assert.equal(await card(page, "Open dag 2017").count(), 0);
    assert.equal((await stored(page)).board.items.find((i) => i.id === id).title, "Open dag");
    const focused = () => page.evaluate(() => document.activeElement?.closest(".card")?.dataset.id);
    assert.equal(await focused(), id, "the same card keeps the focus");
    // The arrow keys go on from there.
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(), await card(page, "Vier sessies debat, inspiratie en dialoog dit jaar").getAttribute("data-id"));
  });

  test("undo and redo of a keyboard move keep the focus on the moved card; undoing an add focuses its cell", async (t) => {
    const page = await open(t);
    const id = await card(page, "Open dag").getAttribute("data-id");
    const focused = () => page.evaluate(() => document.activeElement?.closest(".card")?.dataset.id ?? document.activeElement?.id);
    await card(page, "Open dag").locator(".card-open").focus();
    await page.keyboard.press("Alt+ArrowRight");
    assert.ok((await titlesIn(page, 3, "Bezig")).includes("Open dag"));
    await page.keyboard.press("Control+z");
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag"]);
    await page.waitForFunction((id) => document.activeElement?.closest(".card")?.dataset.id === id, id);
    await page.keyboard.press("Control+Shift+z");
    assert.ok((await titlesIn(page, 3, "Bezig")).includes("Open dag"));
    await page.waitForFunction((id) => document.activeElement?.closest(".card")?.dataset.id === id, id);
    assert.equal(await focused(), id);
    // Undoing an add takes the card away: focus goes to its cell's "+ Kaart".
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 4, Idee" }).click();
    await page.keyboard.type("Wervingsdag");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await card(page, "Wervingsdag").locator(".card-open").focus();
    await page.keyboard.press("Control+z");
    assert.equal(await card(page, "Wervingsdag").count(), 0);
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("toevoegen-4-"));
  });

  test("a move re-renders only the card and its two cells", async (t) => {
    const page = await open(t);
    await card(page, "Open dag").locator(".card-open").focus();
    await page.evaluate(() => {
      window.__touched = new Set();
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const cell = el?.closest(".cell");
          window.__touched.add(cell ? cell.getAttribute("aria-label") : el?.className || el?.tagName);
        }
      }).observe(document.querySelector(".board"), { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await pressOnCard(page, "Alt+ArrowRight");
    const touched = await page.evaluate(() => [...window.__touched].sort());
    // The two cells, and the card counts in the two columns' headers.
    assert.deepEqual(touched, [
      "Lijn 3 Inspiratie, dialoog en debat, Bezig",
      "Lijn 3 Inspiratie, dialoog en debat, Gepland",
      "column-count",
    ]);
  });

  test("delete a card and undo it, by button and by keyboard", async (t) => {
    const page = await open(t);
    const ids = async () => (await stored(page)).board.items.map((i) => i.id).sort();
    const original = await ids();
    await card(page, "Missie en visie geschreven").locator(".card-open").click();
    await page.getByRole("button", { name: "Verwijderen" }).click();
    assert.equal(await card(page, "Missie en visie geschreven").count(), 0);
    const saved = await stored(page);
    assert.equal(saved.board.items.length, 10);
    assert.equal(saved.board.tombstones.length, 1);
    await page.locator(".notice").getByRole("button", { name: "Ongedaan maken" }).click();
    assert.deepEqual(await titlesIn(page, 1, "Afgerond"), [
      "Missie en visie geschreven",
      "Jaarkalender activiteiten gemaakt",
    ]);
    assert.deepEqual(await ids(), original);

    // Keyboard: Delete on the focused card, Ctrl+Z brings it back.
    await card(page, "Open dag").locator(".card-open").focus();
    await page.keyboard.press("Delete");
    assert.equal(await card(page, "Open dag").count(), 0);
    assert.match(await page.locator(".notice").innerText(), /Kaart 'Open dag' verwijderd/);
    await page.keyboard.press("Control+z");
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag"]);
    assert.deepEqual(await ids(), original);
  });

  test("reload, and close and reopen: everything exactly as it was", async (t) => {
    const page = await open(t);
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 4, Idee" }).click();
    await page.keyboard.type("Instroom 50% divers");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await card(page, "Open dag").dragTo(cell(page, 3, "Afgerond"));
    await card(page, "Kerngroep en klankbord gevormd").locator(".card-open").focus();
    await pressOnCard(page, "Alt+ArrowLeft");
    const snapshot = async () => {
      const cells = {};
      for (const lane of [1, 2, 3, 4, 5]) {
        for (const column of ["Idee", "Gepland", "Bezig", "Afgerond"]) {
          cells[`${lane}/${column}`] = await titlesIn(page, lane, column);
        }
      }
      return cells;
    };
    const before = await snapshot();
    const savedBefore = await stored(page);
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual((await stored(page)).board, savedBefore.board);

    // A new page in the same profile (closing and reopening the browser).
    const again = await page.context().newPage();
    await page.close();
    await again.goto(server.url);
    await again.locator(".card").first().waitFor();
    assert.deepEqual((await stored(again)).board, savedBefore.board);
    assert.equal(await again.locator(".card").count(), 12);
  });

  test("export downloads the whole board as a versioned JSON file", async (t) => {
    const page = await open(t);
    await card(page, "Open dag").locator(".card-open").focus();
    await page.keyboard.press("Delete");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exporteren" }).click(),
    ]);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    assert.equal(download.suggestedFilename(), `teamplan-nieuw-west-zuid-${today}.planbord.json`);
    const text = await readFile(await download.path(), "utf8");
    assert.ok(text.startsWith('{\n  "format": "planbord",\n  "version": 4,'), "pretty-printed, versioned");
    const file = JSON.parse(text);
    const board = (await stored(page)).board;
    // The copy records the export as its latest exchange, after writing the file.
    assert.equal(file.board.synced, null);
    assert.ok(Date.parse(board.synced) >= Date.parse(file.exported), `${board.synced} >= ${file.exported}`);
    assert.deepEqual({ ...file.board, synced: board.synced }, board, "the file holds exactly the saved board");
    assert.equal(file.board.items.length, 10);
    assert.equal(file.board.tombstones.length, 1, "the deletion travels as a tombstone");
  });

  test("unreadable storage is kept aside with a Dutch message; other boards still load", async (t) => {
    const page = await open(t);
    const id = await openId(page);
    await page.evaluate((k) => localStorage.setItem(k, '{"schema": 1, "board": {"kapot'), boardKey(id));
    await page.reload();
    await page.locator(".lane").first().waitFor();
    assert.equal(await page.locator("h1").innerText(), "Teamplan Gaasperdam");
    const alert = page.getByRole("alert").filter({ hasText: "konden niet worden geopend" });
    assert.match(await alert.innerText(), /Er is niets weggegooid/);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("planbord.backup.")).map((k) => localStorage.getItem(k)),
    );
    assert.deepEqual(backups, ['{"schema": 1, "board": {"kapot']);
    assert.ok(await page.getByRole("button", { name: "Back-up downloaden" }).isVisible());
  });

  test("user text is shown as text, never as HTML", async (t) => {
    const page = await open(t);
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 1, Idee" }).click();
    await page.keyboard.type('<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script>');
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(".card img, .card script").count(), 0);
    assert.equal(await page.evaluate(() => window.__hacked), undefined);
    assert.ok((await titlesIn(page, 1, "Idee")).some((x) => x.startsWith("<img src=x")));
  });
});
