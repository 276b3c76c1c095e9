// End-to-end: "Who did what". Comments on a card travel with the board
// file and merge by union (two people, two browsers, files both ways);
// one's own comment can be changed and deleted, and the deletion travels
// too; a card's history names who moved it and who changed its dates; the
// editor with a long thread passes axe.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { OUT, axe, card, open, rawStored, secondTab, setup, stored, YEAR } from "./helpers.mjs";
import { closeSummary, exchange, twoCopies } from "./exchange.mjs";

setup();

const A = "Trainingsprogramma radicalisering"; // line 2, Gepland
const editor = (page) => page.getByRole("dialog", { name: "Kaart bewerken" });

async function openEditor(page, title) {
  await card(page, title).locator(".card-open").click();
  await editor(page).waitFor();
  return editor(page);
}

async function closeEditor(page, title) {
  await page.keyboard.press("Escape");
  await card(page, title).locator(".card-open:focus").waitFor();
}

/** Writes a comment the way a person does: type, Enter. With `name`, the
 * name asked for beside the field first (no name in this browser yet). */
async function comment(page, text, name) {
  const e = editor(page);
  if (name) await e.getByLabel("Jouw naam bij je opmerkingen").fill(name);
  const field = e.getByLabel("Nieuwe opmerking");
  await field.fill(text);
  const before = await e.locator(".comment").count();
  await field.press("Enter");
  await e.locator(".comment").nth(before).waitFor();
  assert.equal(await field.inputValue(), "", "the field is empty for the next one");
  assert.ok(await field.evaluate((el) => el === document.activeElement), "focus stays in the field");
}

/** The thread as shown: [byline, text] per comment, oldest first. */
const thread = (page) =>
  editor(page)
    .locator(".comment")
    .evaluateAll((els) =>
      els.map((el) => [
        el.querySelector(".comment-by")?.firstChild?.textContent.split(" · ")[0] ?? "",
        el.querySelector(".comment-text")?.textContent ?? el.textContent.trim(),
      ]),
    );

describe("comments and history", () => {
  test("two people comment on one card in their own copies; after exchanging both ways both see every comment once, in order", async (t) => {
    const { anna, bram } = await twoCopies(t);
    await openEditor(anna, A);
    await comment(anna, "Wacht op sleutelfiguur X", "Anna");
    await openEditor(bram, A);
    await comment(bram, "Besproken in OPCO-overleg 12-3", "Bram");
    await comment(bram, "Zaal is vrij op\ndinsdag en donderdag");
    await comment(anna, "Offerte aangevraagd");
    await closeEditor(anna, A);
    await closeEditor(bram, A);
    assert.equal(await card(anna, A).locator(".card-comments").getAttribute("title"), "2 opmerkingen");

    await exchange(anna, bram, (preview) => assert.match(preview, /'Trainingsprogramma radicalisering': 2 nieuwe opmerkingen/));
    await closeSummary(bram);
    await exchange(bram, anna, (preview) => assert.match(preview, /'Trainingsprogramma radicalisering': 2 nieuwe opmerkingen/));
    await closeSummary(anna);

    const want = [
      ["Anna", "Wacht op sleutelfiguur X"],
      ["Bram", "Besproken in OPCO-overleg 12-3"],
      ["Bram", "Zaal is vrij op\ndinsdag en donderdag"],
      ["Anna", "Offerte aangevraagd"],
    ];
    for (const [page, me] of [[anna, "Anna"], [bram, "Bram"]]) {
      const items = (await stored(page)).board.items.filter((i) => i.title === A);
      assert.equal(items.length, 1);
      const comments = items[0].comments;
      assert.deepEqual(comments.map((c) => [c.by, c.text]), want, `${me}'s stored board`);
      assert.equal(new Set(comments.map((c) => c.id)).size, 4, "each comment once");
      assert.equal(await card(page, A).locator(".card-comments").getAttribute("title"), "4 opmerkingen");
      await openEditor(page, A);
      const shown = (await thread(page)).map(([by, text]) => [by.replace(" (jij)", ""), text]);
      assert.deepEqual(shown, want, `${me}'s screen`);
      assert.equal(await editor(page).getByRole("heading", { name: "Opmerkingen (4)" }).count(), 1);
      // Only one's own comments can be changed or deleted.
      assert.equal(await editor(page).getByRole("button", { name: /^Wijzigen: je opmerking/ }).count(), 2);
      assert.equal(await editor(page).locator(".comment.mine .comment-by").first().innerText().then((x) => x.includes(me)), true);
      await closeEditor(page, A);
    }

    // Anna changes her first comment (Enter saves) and deletes her second.
    await openEditor(anna, A);
    await editor(anna).getByRole("button", { name: /^Wijzigen: je opmerking/ }).first().click();
    const field = editor(anna).locator(".comment-edit textarea");
    // Focus goes to the text (once it is drawn, the next frame).
    await anna.waitForFunction(() => document.activeElement?.matches(".comment-edit textarea"));
    // Escape stops editing, not the editor; focus goes back to "Wijzigen".
    await field.fill("Half getypt");
    await field.press("Escape");
    await anna.waitForFunction(() => document.activeElement?.id.startsWith("opmerking-wijzig-"));
    assert.ok(await editor(anna).isVisible(), "the editor stays open");
    assert.equal(await editor(anna).locator(".comment-text").first().innerText(), "Wacht op sleutelfiguur X");
    await anna.keyboard.press("Enter");
    await anna.waitForFunction(() => document.activeElement?.matches(".comment-edit textarea"));
    await field.fill("Wacht op sleutelfiguur X en Y");
    await field.press("Enter");
    await editor(anna).locator(".comment-edit").waitFor({ state: "detached" });
    await anna.waitForFunction(() => document.activeElement?.id.startsWith("opmerking-wijzig-"));
    // Deleting asks once, in place.
    await editor(anna).getByRole("button", { name: /^Verwijderen: je opmerking/ }).last().click();
    await editor(anna).getByRole("button", { name: "Nee" }).click();
    await editor(anna).getByRole("button", { name: /^Verwijderen: je opmerking/ }).last().click();
    await editor(anna).getByRole("button", { name: "Ja, verwijderen" }).click();
    await editor(anna).getByText("Opmerking van Anna verwijderd.").waitFor();
    assert.match(await anna.locator("[aria-live]").allInnerTexts().then((x) => x.join(" ")), /Opmerking verwijderd\./);
    await closeEditor(anna, A);
    assert.equal(await card(anna, A).locator(".card-comments").getAttribute("title"), "3 opmerkingen");

    // Bram had not seen it: his exchange brings the change and the deletion.
    await exchange(anna, bram);
    await closeSummary(bram);
    await exchange(bram, anna);
    await closeSummary(anna);
    for (const page of [anna, bram]) {
      await openEditor(page, A);
      const shown = (await thread(page)).map(([by, text]) => [by.replace(" (jij)", ""), text]);
      assert.deepEqual(shown, [
        ["Anna", "Wacht op sleutelfiguur X en Y"],
        ["Bram", "Besproken in OPCO-overleg 12-3"],
        ["Bram", "Zaal is vrij op\ndinsdag en donderdag"],
        ["", "Opmerking van Anna verwijderd."],
      ]);
      assert.match(await editor(page).locator(".comment").first().innerText(), /\(bewerkt\)/);
      const c = (await stored(page)).board.items.find((i) => i.title === A).comments;
      assert.equal(c.length, 4);
      assert.equal(c[3].text, "", "a deleted comment keeps no text");
      assert.ok(c[3].deleted);
      await closeEditor(page, A);
    }
  });

  test("the history names who moved the card and who changed its dates; the editor passes axe with a long thread", async (t) => {
    const { anna, bram } = await twoCopies(t);
    // Anna comments (giving her name beside the field), then moves the
    // card to Bezig with the move dialog.
    await openEditor(anna, A);
    await comment(anna, "Gaat deze week van start", "Anna");
    await closeEditor(anna, A);
    await card(anna, A).locator(".card-move").click();
    const move = anna.getByRole("dialog", { name: /Verplaats/ });
    await move.getByLabel("Kolom").selectOption({ label: "Bezig" });
    await move.getByRole("button", { name: "Verplaatsen" }).click();
    await move.waitFor({ state: "hidden" });
    // Bram sets the dates. A comment he typed and did not send is still
    // there when he opens the card again.
    await openEditor(bram, A);
    await editor(bram).getByLabel("Nieuwe opmerking").fill("Nog niet verstuurd");
    await closeEditor(bram, A);
    await openEditor(bram, A);
    assert.equal(await editor(bram).getByLabel("Nieuwe opmerking").inputValue(), "Nog niet verstuurd");
    await comment(bram, "Datum geprikt", "Bram");
    await editor(bram).getByLabel("Startdatum").fill(`${YEAR}-03-01`);
    await editor(bram).getByLabel("Einddatum").fill(`${YEAR}-04-30`);
    await closeEditor(bram, A);

    await exchange(bram, anna);
    await closeSummary(anna);
    const e = await openEditor(anna, A);
    await e.getByText(/^Geschiedenis \(2 wijzigingen\)$/).click();
    const lines = await e.locator(".history-list li").allInnerTexts();
    assert.equal(lines.length, 3, lines.join("\n"));
    assert.match(lines[0], new RegExp(`· Bram · Datums: — → 01-03-${YEAR} – 30-04-${YEAR}$`));
    assert.match(lines[1], /· Anna \(jij\) · Kolom: Gepland → Bezig$/);
    assert.match(lines[2], /kaart aangemaakt$/);
    const log = (await stored(anna)).board.items.find((i) => i.title === A).history.changes;
    assert.deepEqual(
      log.map((c) => [c[0].split(" ").slice(1).join(" "), c[1]]),
      [["Bram", "dates"], ["Anna", "position"]],
    );

    // As a projector shows it: the thread and the history, open.
    await anna.setViewportSize({ width: 1280, height: 720 });
    await e.locator(".comments h3").scrollIntoViewIfNeeded();
    await e.locator(".comments h3").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await anna.screenshot({ path: `${OUT}/comments-history-1280.png` });
    await anna.setViewportSize({ width: 1920, height: 1080 });

    // A long thread: 30 comments, the history open; axe finds nothing.
    for (let n = 1; n <= 30; n++) {
      const field = e.getByLabel("Nieuwe opmerking");
      await field.fill(`Opmerking ${n}: ${"lang verhaal ".repeat(n % 5)}`);
      await field.press("Enter");
    }
    await e.locator(".comment").nth(31).waitFor();
    assert.equal(await e.getByRole("heading", { name: "Opmerkingen (32)" }).count(), 1);
    assert.deepEqual(await axe(anna, ".modal.editor"), []);
    await e.getByLabel("Nieuwe opmerking").focus();
    await anna.screenshot({ path: `${OUT}/comments-1920.png` });
    await anna.setViewportSize({ width: 1280, height: 720 });
    await anna.screenshot({ path: `${OUT}/comments-1280.png` });
    await anna.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await axe(anna, ".modal.editor"), []);
    const wide = await anna.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `the page is ${wide} px wide on a phone`);
    await anna.screenshot({ path: `${OUT}/comments-390.png` });
  });

  test("two tabs comment on one card at once: each tab shows both comments, once, without a reload", async (t) => {
    const one = await open(t);
    const two = await secondTab(one);
    for (const page of [one, two]) await openEditor(page, A);
    await comment(one, "Uit tab een", "Anna");
    await comment(two, "Uit tab twee");
    for (const page of [one, two]) {
      await page.waitForFunction(() => document.querySelectorAll(".modal.editor .comment").length === 2);
      const texts = (await thread(page)).map(([, text]) => text);
      assert.deepEqual(texts, ["Uit tab een", "Uit tab twee"]);
      await closeEditor(page, A);
    }
    await one.waitForFunction(() => document.querySelector(".app")?.dataset.opgeslagen === "ja");
    await two.waitForFunction(() => document.querySelector(".app")?.dataset.opgeslagen === "ja");
    assert.equal(await rawStored(one), await rawStored(two));
    const c = (await stored(one)).board.items.find((i) => i.title === A).comments;
    assert.deepEqual(c.map((x) => x.text), ["Uit tab een", "Uit tab twee"]);
  });
});
