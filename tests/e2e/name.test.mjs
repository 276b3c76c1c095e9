// End-to-end: "Jouw naam", the name recorded with each change made in this
// browser. Asked once, after the first change, by a bar that takes no focus
// and blocks nothing; kept in this browser only, and editable in the
// settings.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { OUT, axe, card, open, pressOnCard, secondTab, setup, titlesIn } from "./helpers.mjs";

setup();

const NAME_KEY = "planbord.instelling.naam";
const kept = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), NAME_KEY);
const bar = (page) => page.locator(".name-prompt");

/** A change on the board by keyboard (a card one column on); focus stays
 * on the card. */
async function change(page, title = "Open dag") {
  await card(page, title).locator(".card-open").focus();
  await pressOnCard(page, "Alt+ArrowRight");
}

async function reload(page) {
  await page.reload();
  await page.locator(".card").first().waitFor();
}

describe("your name", () => {
  test("the first change asks, without taking focus; Overslaan ends it for good", async (t) => {
    const page = await open(t);
    assert.equal(await bar(page).count(), 0, "nothing is asked before a change");
    assert.equal(await kept(page), null);

    await change(page);
    await bar(page).waitFor();
    assert.ok(
      await page.evaluate(() => document.activeElement?.closest(".card") !== null),
      "focus stays on the card that moved",
    );
    const said = page.locator("[aria-live=polite]").filter({ hasText: "je naam gevraagd" });
    assert.equal(await said.count(), 1, "its appearance is announced (politely)");
    assert.match(await bar(page).innerText(), /Bij elke wijziging wordt bewaard wie hem maakte/);
    const field = bar(page).getByLabel("Jouw naam", { exact: true });
    assert.equal(await field.getAttribute("maxlength"), "60");
    assert.equal(await field.getAttribute("autocomplete"), "name");
    // In the flow above the board: it covers nothing.
    const [b, board] = await Promise.all([bar(page).boundingBox(), page.locator(".board").boundingBox()]);
    assert.ok(b.y + b.height <= board.y, "the bar is above the board, not over it");
    assert.deepEqual(await axe(page, ".name-prompt"), []);
    // Another tab of this browser asks too, until it is answered here.
    const other = await secondTab(page);
    await change(other);
    await bar(other).waitFor();

    // Reachable by keyboard: from the field, Tab, Tab is Overslaan.
    await field.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Overslaan");
    await page.keyboard.press("Enter");
    await bar(page).waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.id), "bord", "focus goes to the board, not the page");
    assert.deepEqual(await kept(page), { name: "", asked: true });
    await bar(other).waitFor({ state: "detached" });

    await change(page);
    await reload(page);
    await change(page);
    await page.waitForTimeout(300);
    assert.equal(await bar(page).count(), 0, "never asked again in this browser");
  });

  test("Opslaan keeps the name, cleaned; the settings show and edit it, outside the board", async (t) => {
    const page = await open(t);
    await change(page);
    const field = bar(page).getByLabel("Jouw naam", { exact: true });
    await field.fill("  Anouk\tde Vries  ");
    await field.press("Enter");
    await bar(page).waitFor({ state: "detached" });
    assert.deepEqual(await kept(page), { name: "Anouk de Vries", asked: true });

    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    const settings = page.getByRole("dialog", { name: "Bordinstellingen" });
    const setting = settings.getByLabel("Jouw naam (in deze browser)");
    assert.equal(await setting.inputValue(), "Anouk de Vries");
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    const undo = page.getByRole("button", { name: "Ongedaan maken (Ctrl+Z)" });
    await setting.fill("Bram ");
    await setting.press("Tab");
    assert.equal(await setting.inputValue(), "Bram");
    assert.deepEqual(await kept(page), { name: "Bram", asked: true });
    await settings.getByRole("button", { name: "Sluiten" }).click();
    // Not a change to the board: the one undo step is still the move.
    await undo.click();
    assert.ok((await titlesIn(page, 3, "Gepland")).includes("Open dag"), "undo took back the move");
    assert.ok(await undo.isDisabled(), "and nothing else");
    assert.equal((await kept(page)).name, "Bram");

    await reload(page);
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    assert.equal(await settings.getByLabel("Jouw naam (in deze browser)").inputValue(), "Bram");
  });

  test("the bar reads at 1280×720 and on a phone", async (t) => {
    for (const [width, height] of [
      [1280, 720],
      [390, 844],
    ]) {
      const page = await open(t, { width, height });
      await change(page);
      await bar(page).waitFor();
      // The move scrolled the board sideways to the card; the bar is at the start.
      await page.evaluate(() => scrollTo(0, 0));
      const fits = await bar(page).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const parts = [...el.querySelectorAll("label, p, input, button")].map((e) => e.getBoundingClientRect());
        return r.left >= 0 && r.right <= innerWidth && parts.every((p) => p.left >= r.left && p.right <= r.right);
      });
      assert.ok(fits, `every part of the bar is on screen at ${width} px`);
      await page.screenshot({ path: `${OUT}/name-prompt-${width}x${height}.png` });
    }
  });
});
