// End-to-end: the workshop on a shared screen (undo/redo so far).
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { card, open, pressOnCard, setup, stored, titlesIn } from "./helpers.mjs";

setup();

describe("the workshop", () => {
  test("undo and redo every kind of change, with keys and buttons", async (t) => {
    const page = await open(t);
    const undoButton = page.getByRole("button", { name: "Ongedaan maken (Ctrl+Z)" });
    const redoButton = page.getByRole("button", { name: "Opnieuw (Ctrl+Shift+Z)" });
    assert.ok(await undoButton.isDisabled(), "nothing to undo on a fresh board");
    const original = (await stored(page)).board;

    // 1. add
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 4, Idee" }).click();
    await page.keyboard.type("Wervingsdag");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    // 2. edit (typing is one step)
    await card(page, "Open dag").locator(".card-open").click();
    await page.getByLabel("Titel").fill("Open dag 2017");
    await page.getByLabel("Titel").press("End");
    await page.keyboard.type(" (bureau)");
    await page.keyboard.press("Escape");
    // 3. move
    await card(page, "Open dag 2017 (bureau)").locator(".card-open").focus();
    await pressOnCard(page, "Alt+ArrowRight");
    // 4. delete
    await page.keyboard.press("Delete");
    // 5. column change
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    const settings = page.getByRole("dialog", { name: "Bordinstellingen" });
    await settings.getByLabel("Naam Afgerond").fill("Klaar");
    await settings.getByLabel("Naam Afgerond").press("Tab");
    await settings.getByRole("button", { name: "Sluiten" }).click();
    assert.ok(await page.locator(".column-name", { hasText: "Klaar" }).isVisible());

    const heads = () => page.locator(".column-head .column-name").allInnerTexts();
    await page.keyboard.press("Control+z"); // column
    assert.deepEqual(await heads(), ["Idee", "Gepland", "Bezig", "Afgerond"]);
    await page.keyboard.press("Control+z"); // delete
    assert.deepEqual(await titlesIn(page, 3, "Bezig"), ["Open dag 2017 (bureau)", "Vier sessies debat, inspiratie en dialoog dit jaar"]);
    await page.keyboard.press("Control+z"); // move
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag 2017 (bureau)"]);
    await undoButton.click(); // the whole title edit at once
    assert.deepEqual(await titlesIn(page, 3, "Gepland"), ["Open dag"]);
    await page.keyboard.press("Control+z"); // add
    assert.deepEqual(await titlesIn(page, 4, "Idee"), []);
    assert.ok(await undoButton.isDisabled());
    assert.match(await page.getByRole("status").innerText(), /Ongedaan gemaakt/);
    const back = (await stored(page)).board;
    assert.deepEqual(
      back.items.map((i) => [i.id, i.title, i.line, i.column]).sort(),
      original.items.map((i) => [i.id, i.title, i.line, i.column]).sort(),
    );

    // Redo everything.
    await redoButton.click();
    for (let n = 0; n < 4; n += 1) await page.keyboard.press("Control+Shift+z");
    assert.ok(await redoButton.isDisabled());
    assert.deepEqual(await titlesIn(page, 4, "Idee"), ["Wervingsdag"]);
    assert.equal(await card(page, "Open dag 2017 (bureau)").count(), 0);
    assert.deepEqual(await heads(), ["Idee", "Gepland", "Bezig", "Klaar"]);
    // And it is saved that way.
    await page.reload();
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await heads(), ["Idee", "Gepland", "Bezig", "Klaar"]);
  });

  test("Ctrl+Z while typing in a field is the field's own undo", async (t) => {
    const page = await open(t);
    await card(page, "Open dag").locator(".card-open").click();
    const before = (await stored(page)).board.items.length;
    await page.getByLabel("Notities").focus();
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Escape");
    assert.equal((await stored(page)).board.items.length, before);
    assert.equal(await card(page, "Open dag").count(), 1);
  });
});
