// End-to-end: a projector view that tells the truth (issue 15). On a
// 1280×720 projector: the filter in force shows as chips with "x van y
// kaarten" and clears with one press, in presentation and normal mode; the
// column counters count what is shown; cards say when they are late or due
// soon; the facilitator's bar does the rest without shortcuts.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { axe, card, open, OUT, pressOnCard, setup, stored, titlesIn } from "./helpers.mjs";

setup();

const PROJECTOR = { width: 1280, height: 720 };

/** Each column's counter, in column order. */
const counters = (page) => page.locator(".column-head .column-count").allInnerTexts();

/** Per column, the cards shown and held, as the counters should say them. */
const counted = (page, filtering) =>
  page.evaluate((filtering) => {
    const columns = document.querySelectorAll(".column-head").length;
    return Array.from({ length: columns }, (_, c) => {
      const all = document.querySelectorAll(`.cell[data-col='${c}'] .card`).length;
      const shown = document.querySelectorAll(`.cell[data-col='${c}'] .card:not(.filtered-out)`).length;
      return filtering ? `${shown} van ${all}` : `${all}`;
    });
  }, filtering);

const shownCards = (page) => page.locator(".card:not(.filtered-out)");

/** yyyy-mm-dd, `days` from today in the page's own time zone. */
const day = (page, days) =>
  page.evaluate((d) => {
    const t = new Date();
    t.setDate(t.getDate() + d);
    return t.toLocaleDateString("sv-SE");
  }, days);

describe("presenting a filtered board", () => {
  test("the filter shows as chips with 'x van y kaarten', counters count what is shown, one press clears it", async (t) => {
    const page = await open(t, PROJECTOR);
    assert.deepEqual(await counters(page), ["1", "4", "3", "3"]);
    await page.getByLabel("Filter op trekker").selectOption("Kerngroep");
    // Normal mode: the counters already count what is shown.
    assert.deepEqual(await counters(page), ["0 van 1", "1 van 4", "1 van 3", "2 van 3"]);
    assert.deepEqual(await counters(page), await counted(page, true));

    await page.getByRole("button", { name: "Presentatie", exact: true }).click();
    await page.locator(".app.presenting").waitFor();
    // The filter in force, large, with what it filters and how much it shows.
    const chip = page.getByRole("button", { name: "Filter ‘Trekker: Kerngroep’ wissen" });
    assert.ok(await chip.isVisible(), "the chip shows while presenting");
    assert.match(await chip.innerText(), /^Trekker: Kerngroep\s*×$/);
    const chipSize = await chip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(chipSize >= 20, `chip text ${chipSize}px`);
    const count = page.locator(".active-filters .match-count");
    assert.ok(await count.isVisible());
    assert.equal(await count.innerText(), "4 van 11 kaarten");
    assert.equal(await shownCards(page).count(), 4);
    assert.deepEqual(await counters(page), ["0 van 1", "1 van 4", "1 van 3", "2 van 3"]);
    assert.deepEqual(await counters(page), await counted(page, true));
    // The search fields stay out of the way until asked for.
    assert.equal(await page.locator("#zoeken").isVisible(), false);
    await page.screenshot({ path: `${OUT}/present-filtered-1280x720.png` });
    assert.deepEqual(await axe(page), []);

    // A second criterion: its own chip; the counts follow.
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === "zoeken");
    await page.keyboard.type("training");
    await page.getByRole("button", { name: "Filter ‘Zoekterm: training’ wissen" }).waitFor();
    assert.equal(await count.innerText(), "1 van 11 kaarten");
    assert.deepEqual(await counters(page), ["0 van 1", "1 van 4", "0 van 3", "0 van 3"]);
    // One chip takes away its own criterion only.
    await chip.click();
    assert.equal(await count.innerText(), "2 van 11 kaarten");
    assert.deepEqual(await counters(page), await counted(page, true));
    await page.getByRole("button", { name: "Filter", exact: true }).click(); // fields away again
    assert.equal(await page.locator("#zoeken").isVisible(), false);

    // "Filter wissen": everything back with one press.
    await page.getByRole("button", { name: "Filter wissen", exact: true }).click();
    assert.equal(await shownCards(page).count(), 11);
    assert.deepEqual(await counters(page), ["1", "4", "3", "3"]);
    assert.equal(await page.locator(".active-filters .chip").count(), 0);
    assert.equal(await count.isVisible(), false, "no filter, no filter row while presenting");
    assert.doesNotMatch(page.url(), /\?/);
    assert.ok(await page.evaluate(() => document.activeElement && document.activeElement !== document.body), "the focus is not lost");
    await page.screenshot({ path: `${OUT}/present-1280x720.png` });
    assert.deepEqual(await axe(page), []);
  });

  test("in normal mode too: chips, 'x van y kaarten', lines folded count what is shown, WIP in words", async (t) => {
    const page = await open(t, PROJECTOR);
    await page.getByLabel("Filter op trekker").selectOption("Kerngroep");
    assert.equal(await page.locator(".match-count").innerText(), "4 van 11 kaarten");
    assert.ok(await page.getByRole("button", { name: "Filter ‘Trekker: Kerngroep’ wissen" }).isVisible());
    await page.getByRole("button", { name: "Inklappen: Lijn 1" }).click();
    assert.match(await page.locator(".lane-1 .collapsed-count").innerText(), /^ingeklapt, 1 van 5 kaarten$/);
    await page.getByRole("button", { name: "Filter wissen", exact: true }).click();
    assert.equal(await page.locator(".lane-1 .collapsed-count").innerText(), "ingeklapt, 5 kaarten");
    assert.equal(await page.locator(".match-count").innerText(), "11 van 11 kaarten");
    // A WIP limit exceeded is said in words.
    // At 1280 px the settings sit behind "Meer" (the header is one row).
    await page.getByRole("button", { name: "Meer" }).click();
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    const settings = page.getByRole("dialog", { name: "Bordinstellingen" });
    await settings.getByLabel("Maximum (WIP) Bezig").fill("2");
    await settings.getByLabel("Maximum (WIP) Bezig").press("Tab");
    await settings.getByRole("button", { name: "Sluiten" }).click();
    const bezig = page.locator(".column-head", { hasText: "Bezig" });
    assert.equal(await bezig.locator(".column-count").innerText(), "3/2");
    assert.equal(await bezig.locator(".wip-over").innerText(), "boven limiet");
    assert.ok(await bezig.locator(".wip-over").isVisible());
    await page.getByLabel("Filter op trekker").selectOption("Kerngroep");
    assert.equal(await bezig.locator(".column-count").innerText(), "1 van 3/2");
    assert.ok(await bezig.locator(".wip-over").isVisible(), "over the limit whatever the filter shows");
    assert.deepEqual(await axe(page), []);
  });
});

describe("cards say when they are late", () => {
  test("'Te laat' past the end date, 'Binnenkort' within 7 days, neither when done; notes are marked", async (t) => {
    const page = await open(t, PROJECTOR);
    const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 2, Idee" }).click();
    await page.keyboard.type("Verslag van de dialoogavond");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    const made = card(page, "Verslag van de dialoogavond");
    const due = made.locator(".card-due");
    assert.equal(await due.count(), 0, "no date, no state");
    assert.equal(await made.locator(".card-notes").count(), 0, "no notes, no marker");

    const setEnd = async (days) => {
      await made.locator(".card-open").click();
      await editor.waitFor();
      await editor.getByLabel("Einddatum").fill(await day(page, days));
      await page.keyboard.press("Escape");
      await editor.waitFor({ state: "hidden" });
    };
    await setEnd(-1);
    assert.equal(await due.innerText(), "Te laat");
    const late = await due.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).borderTopColor]);
    await setEnd(0);
    assert.equal(await due.innerText(), "Binnenkort", "ends today");
    await setEnd(7);
    assert.equal(await due.innerText(), "Binnenkort", "ends in a week");
    const soon = await due.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).borderTopColor]);
    assert.notDeepEqual(late, soon, "in colour as well as in words");
    await setEnd(8);
    assert.equal(await due.count(), 0, "more than a week ahead");

    // Notes: marked, with a tooltip and a text for screen readers.
    await made.locator(".card-open").click();
    await editor.getByLabel("Notities").fill("Wie schrijft het verslag?");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "hidden" });
    const notes = made.locator(".card-notes");
    assert.ok(await notes.isVisible());
    assert.equal(await notes.getAttribute("title"), "Met notities");
    assert.equal(await notes.textContent(), "Met notities");
    assert.ok(await made.getByRole("button", { name: /Verslag van de dialoogavond.*Met notities/ }).isVisible(), "part of the card's name");

    // Late, then done: the last column is never late.
    await setEnd(-3);
    assert.equal(await due.innerText(), "Te laat");
    await made.locator(".card-open").focus();
    for (let i = 0; i < 3; i += 1) await pressOnCard(page, "Alt+ArrowRight");
    assert.deepEqual(await titlesIn(page, 2, "Afgerond"), ["Verslag van de dialoogavond"]);
    assert.equal(await due.count(), 0, "done is neither late nor soon");
    await pressOnCard(page, "Alt+ArrowLeft");
    assert.equal(await due.innerText(), "Te laat", "out of the done column, late again");
    const saved = (await stored(page)).board.items.find((i) => i.title === "Verslag van de dialoogavond");
    assert.equal(saved.end, await day(page, -3));

    // Presenting: the states are as large as the card's details.
    await page.keyboard.press("p");
    await page.locator(".app.presenting").waitFor();
    const size = await due.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 18, `'Te laat' at ${size}px`);
    // (The samples sit in the current year: whether their dates are past depends on today.)
    assert.ok(await made.locator(".card-due", { hasText: "Te laat" }).isVisible(), "late while presenting");
    await page.screenshot({ path: `${OUT}/present-states-1280x720.png` });
    assert.deepEqual(await axe(page), []);
  });

  test("the lane buttons and the move button have a tooltip and a name", async (t) => {
    const page = await open(t, PROJECTOR);
    const fold = page.getByRole("button", { name: "Inklappen: Lijn 1" });
    assert.equal(await fold.getAttribute("title"), "Inklappen");
    const alone = page.getByRole("button", { name: "Alleen deze lijn: Lijn 1" });
    assert.equal(await alone.getAttribute("title"), "Alleen deze lijn");
    const move = page.getByRole("button", { name: "Verplaats kaart 'Open dag'" });
    assert.equal(await move.getAttribute("title"), "Verplaats naar…");
  });
});

describe("the facilitator's bar", () => {
  test("add, undo, redo, filter and leave, by buttons with their names written out", async (t) => {
    const page = await open(t, PROJECTOR);
    await page.keyboard.press("p");
    await page.locator(".app.presenting").waitFor();
    const bar = page.getByRole("group", { name: "Bediening van de presentatie" });
    const names = (await bar.getByRole("button").allInnerTexts()).map((n) => n.trim());
    assert.deepEqual(names, ["+ Kaart", "Ongedaan maken", "Opnieuw", "Filter", "Presentatie verlaten"]);
    for (const b of await bar.getByRole("button").all()) {
      const size = await b.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert.ok(size >= 19, `button text ${size}px`);
    }
    // Nothing focused on the board yet: the first cell.
    await bar.getByRole("button", { name: "+ Kaart" }).click();
    const field = page.getByRole("textbox", { name: "Kaart toevoegen aan Lijn 1, Idee" });
    await field.waitFor();
    assert.ok(await field.evaluate((el) => el === document.activeElement));
    await page.keyboard.type("Kaart van de facilitator");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    assert.deepEqual(await titlesIn(page, 1, "Idee"), ["Team in clusters, elk gekoppeld aan wijken", "Kaart van de facilitator"]);
    // Its cell's own "+ Kaart" is hidden while presenting: the focus comes back to the bar.
    await page.waitForFunction(() => document.activeElement?.id === "presentatie-kaart");
    // Where the focus was last on the board: that cell.
    await card(page, "Open dag").locator(".card-open").focus();
    await bar.getByRole("button", { name: "+ Kaart" }).click();
    await page.getByRole("textbox", { name: "Kaart toevoegen aan Lijn 3, Gepland" }).waitFor();
    await page.keyboard.press("Escape");

    await bar.getByRole("button", { name: "Ongedaan maken" }).click();
    assert.deepEqual(await titlesIn(page, 1, "Idee"), ["Team in clusters, elk gekoppeld aan wijken"]);
    await bar.getByRole("button", { name: "Opnieuw" }).click();
    assert.deepEqual(await titlesIn(page, 1, "Idee"), ["Team in clusters, elk gekoppeld aan wijken", "Kaart van de facilitator"]);

    // The editor, large enough for the back row.
    await card(page, "Open dag").locator(".card-open").click();
    const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
    await editor.waitFor();
    const fieldSize = await editor.getByLabel("Titel").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fieldSize >= 21, `editor text ${fieldSize}px (18 px outside presentation mode)`);
    await page.screenshot({ path: `${OUT}/present-editor-1280x720.png` });
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "hidden" });

    const filterButton = bar.getByRole("button", { name: "Filter" });
    assert.equal(await filterButton.getAttribute("aria-expanded"), "false");
    await filterButton.click();
    assert.equal(await filterButton.getAttribute("aria-expanded"), "true");
    await page.getByLabel("Filter op trekker").selectOption("OE");
    assert.ok(await page.getByRole("button", { name: "Filter ‘Trekker: OE’ wissen" }).isVisible());
    assert.equal(await page.locator(".active-filters .match-count").innerText(), "1 van 12 kaarten");
    await page.screenshot({ path: `${OUT}/present-filter-open-1280x720.png` });
    assert.deepEqual(await axe(page), []);

    await bar.getByRole("button", { name: "Presentatie verlaten" }).click();
    await page.locator(".app.presenting").waitFor({ state: "detached" });
    assert.equal(await bar.count(), 0);
    // The header is back (at 1280 px "Nieuw bord" is behind "Meer").
    assert.ok(await page.getByRole("button", { name: "Meer" }).isVisible());
    await page.waitForFunction(() => document.activeElement?.classList.contains("present"));
    // The filter stays, and says so in normal mode too.
    assert.ok(await page.getByRole("button", { name: "Filter ‘Trekker: OE’ wissen" }).isVisible());
  });
});
