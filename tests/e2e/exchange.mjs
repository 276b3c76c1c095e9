// Two people and their board files: export by a real download, pick a file
// in the file input, merge through the preview; shared by the e2e files
// that exchange copies (merge, comments).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { card, open, rawStored, stored } from "./helpers.mjs";

export async function exportFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporteren" }).click(),
  ]);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

export const pick = (page, name, buffer) =>
  page.locator('input[type="file"]').setInputFiles({ name, mimeType: "application/json", buffer });
export const importDialog = (page) => page.getByRole("dialog", { name: "Bord importeren" });
export const summaryDialog = (page) => page.getByRole("dialog", { name: "Samengevoegd" });
export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A whole line of a dialog's text. */
export const line = (text) => new RegExp(`^${escape(text)}$`, "m");

/** Opens a card's editor, lets `fill` change it, closes it with Escape and
 * waits until focus is back on the card (then titled `after`). */
export async function edit(page, title, fill, after = title) {
  await card(page, title).locator(".card-open").click();
  await fill(page.getByRole("dialog", { name: "Kaart bewerken" }));
  await page.keyboard.press("Escape");
  await card(page, after).locator(".card-open:focus").waitFor();
}

/** "Jouw naam": the bar that appears after the first change. */
export async function answerName(page, name) {
  const bar = page.locator(".name-prompt");
  await bar.waitFor();
  await bar.getByLabel("Jouw naam", { exact: true }).fill(name);
  await bar.getByRole("button", { name: "Opslaan" }).click();
  await bar.waitFor({ state: "detached" });
}

/** Anna's first-visit board, exported; Bram puts it in place of his own. */
export async function twoCopies(t) {
  const anna = await open(t);
  const file = await exportFile(anna);
  const bram = await open(t);
  await pick(bram, file.name, file.buffer);
  const p = importDialog(bram);
  await p.getByRole("button", { name: "Vervangen…" }).click();
  await p.getByRole("button", { name: "Ja, vervangen" }).click();
  await p.waitFor({ state: "hidden" });
  assert.equal((await stored(bram)).board.id, JSON.parse(file.buffer).board.id);
  return { anna, bram };
}

/** `from` exports, `to` picks the file; checks that the preview changed
 * nothing (`check` may look at the board too), then merges. Returns the
 * preview's and the (still open) summary's text. */
export async function exchange(from, to, check, transform = (b) => b) {
  const file = await exportFile(from);
  const before = await rawStored(to);
  await pick(to, file.name, transform(file.buffer));
  const p = importDialog(to);
  await p.waitFor();
  const preview = await p.innerText();
  await check?.(preview);
  assert.equal(await rawStored(to), before, "the preview changed nothing");
  await p.getByRole("button", { name: "Samenvoegen" }).click();
  await summaryDialog(to).waitFor();
  return { preview, summary: await summaryDialog(to).innerText() };
}

export async function closeSummary(page) {
  await summaryDialog(page).getByRole("button", { name: "Sluiten" }).click();
  await summaryDialog(page).waitFor({ state: "hidden" });
}

