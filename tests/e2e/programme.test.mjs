// End-to-end: the programme at a glance (issue 16). Three teams' boards in
// one browser (the two samples and a file mailed by a third team), the
// teams × lines matrix with figures checked against the stored boards, a
// line's status and knelpunten from the matrix into the report text and
// the printed report (pdftotext), the calendar of the whole programme read
// back with Python's icalendar, and a template board that counts only its
// real cards.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";

import { axe, card, open, OUT, setup } from "./helpers.mjs";

setup();

const LONG = "Buurtsportcompetitie Boven-IJ";

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

/** Every board in this browser's storage, as stored. */
const boards = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /^planbord\.v\d+\.bord\./.test(k))
      .map((k) => JSON.parse(localStorage.getItem(k)).board),
  );

/** The figures of one team × line cell, computed here from the stored
 * board (the test's own reading of "done" and "late"). */
function expected(board, line, today) {
  const visible = board.columns.filter((c) => !c.removed || board.items.some((i) => i.column === c.id));
  visible.sort((a, b) => a.rank - b.rank);
  const done = visible.at(-1).id;
  const items = board.items.filter((i) => i.line === line);
  const late = items.filter((i) => {
    const last = i.end ?? i.start;
    return i.column !== done && last !== null && last !== undefined && last < today;
  });
  return { total: items.length, done: items.filter((i) => i.column === done).length, late: late.length };
}

/** The third team makes its board from the template, gives one activity
 * most of a year, and exports the file it mails. */
async function bovenIjFile(t) {
  const page = await open(t);
  await page.getByRole("button", { name: "Nieuw bord" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Nieuw bord" });
  await dialog.getByLabel("Team").fill("Boven-IJ");
  await dialog.getByLabel("Jaar").fill("2027");
  await dialog.getByRole("button", { name: "Bord maken" }).click();
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Boven-IJ 2027");
  await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 3, Gepland" }).click();
  await page.keyboard.type(LONG);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await card(page, LONG).locator(".card-open").click();
  const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
  await editor.getByLabel("Startdatum").fill("2027-01-15");
  await editor.getByLabel("Einddatum").fill("2027-12-15");
  await editor.getByLabel("Trekker").fill("Wijkteam");
  await page.keyboard.press("Escape");
  const template = (await boards(page)).find((b) => b.team === "Boven-IJ");
  const file = await download(page, () => page.getByRole("button", { name: "Exporteren" }).click());
  return { buffer: await readFile(file.path), template };
}

describe("the programme", () => {
  test("three teams in the matrix; status and knelpunten into the report, its text and its PDF; the calendar of all", async (t) => {
    const mailed = await bovenIjFile(t);
    // The template's explanation lives in the lines, not in cards: every
    // card of a new board is a real step of the route.
    assert.equal(mailed.template.items.filter((i) => /^Wat hoort in lijn/.test(i.title)).length, 0);

    const page = await open(t);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator('input[type="file"]').setInputFiles({ name: "boven-ij.planbord.json", mimeType: "application/json", buffer: mailed.buffer });
    await page.getByRole("dialog", { name: "Bord importeren" }).getByRole("button", { name: "Als nieuw bord" }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Boven-IJ 2027");

    await page.getByRole("link", { name: "Programma", exact: true }).click();
    await page.locator(".matrix").waitFor();
    assert.match(page.url(), /#\/programma$/);
    const rows = page.locator(".matrix tbody tr");
    assert.deepEqual(await rows.locator("th").allInnerTexts(), ["Boven-IJ", "Gaasperdam", "Nieuw West Zuid"]);

    // Every cell's figures, against the stored boards.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    const stored = await boards(page);
    for (const [r, team] of ["Boven-IJ", "Gaasperdam", "Nieuw West Zuid"].entries()) {
      const board = stored.find((b) => b.team === team);
      for (let line = 1; line <= 5; line += 1) {
        const want = expected(board, line, today);
        const text = await rows.nth(r).locator("td").nth(line - 1).innerText();
        const percent = want.total === 0 ? 0 : Math.floor((want.done * 100) / want.total);
        const cards = want.total === 1 ? "1 kaart" : `${want.total} kaarten`;
        assert.match(text, new RegExp(`${cards}, ${percent}% afgerond`), `${team}, lijn ${line}: ${text}`);
        if (want.late > 0) assert.match(text, new RegExp(`${want.late} te laat`), `${team}, lijn ${line}`);
        else assert.doesNotMatch(text, /te laat/, `${team}, lijn ${line}`);
      }
    }
    // The template board counts only its real cards.
    const boven = stored.find((b) => b.team === "Boven-IJ");
    const total = await rows.nth(0).locator("td").nth(5).innerText();
    assert.match(total, new RegExp(`^Boven-IJ, alle lijnen:\\s+${boven.items.length} kaarten`));
    // The year filter: in 2027 only Boven-IJ's cards count (the samples
    // are 2017's), and the other teams show none.
    await page.getByLabel("Jaar").selectOption("2027");
    assert.match(await page.locator(".matrix tfoot td").last().innerText(), new RegExp(`^${boven.items.length} kaarten`));
    assert.match(await rows.nth(1).locator("td").nth(5).innerText(), /:\s+0 kaarten/);
    await page.getByLabel("Jaar").selectOption("");
    assert.match(await page.locator(".matrix tfoot td").last().innerText(), new RegExp(`^${boven.items.length + 17} kaarten`));
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${OUT}/programme-1920x1080.png` });

    // Status and knelpunten of Boven-IJ's line 3, from the matrix.
    await page.getByRole("button", { name: "Status en knelpunten van Boven-IJ, lijn 3" }).click();
    const dialog = page.getByRole("dialog", { name: "Status en knelpunten" });
    await dialog.getByLabel("Status").selectOption({ label: "Vertraagd" });
    await dialog.getByLabel("Knelpunten en wat er nodig is").fill("Geen sporthal beschikbaar; nodig: afspraak met stadsdeel");
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await dialog.waitFor({ state: "hidden" });
    const cell = rows.nth(0).locator("td").nth(2);
    assert.match(await cell.innerText(), /Vertraagd/);
    assert.match(await cell.innerText(), /Geen sporthal beschikbaar/);
    const line3 = (await boards(page)).find((b) => b.team === "Boven-IJ").lines.find((l) => l.number === 3);
    assert.equal(line3.status, "vertraagd");
    assert.match(line3.knelpunten, /^Geen sporthal/);

    // The report: on screen, as text, and on paper.
    await page.getByRole("link", { name: "Voortgangsrapportage" }).click();
    await page.locator(".report").waitFor();
    assert.match(await page.locator(".report-matrix").innerText(), /Vertraagd/);
    assert.deepEqual(await axe(page), []);
    await page.getByRole("button", { name: "Kopieer voortgang (programma)" }).click();
    await page.locator(".notice", { hasText: "Voortgang gekopieerd" }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /Boven-IJ/);
    assert.match(text, /Vertraagd/);
    assert.match(text, /Geen sporthal beschikbaar/);
    assert.match(text, /Gaasperdam/);
    assert.doesNotMatch(text, /geëxporteerd/);
    await page.emulateMedia({ media: "print" });
    const pdf = `${OUT}/programme-report.pdf`;
    await page.pdf({ path: pdf, format: "A4", landscape: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });
    const info = execFileSync("pdfinfo", [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    assert.ok(pages >= 4, `a programme page and a page per team: ${pages}`);
    const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]).toString();
    assert.match(first, /Voortgangsrapportage/);
    assert.match(first, /Vertraagd/);
    assert.match(first, /Geen sporthal/);
    const all = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
    for (const team of ["Boven-IJ", "Gaasperdam", "Nieuw West Zuid"]) assert.match(all, new RegExp(team));
    assert.doesNotMatch(all, /geëxporteerd|Kopieer|Afdrukken/);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, `${OUT}/programme-report`]);

    // The programme's calendar: Gepland and Bezig of all three boards, the
    // long activity as a start and an end, each with its team.
    await page.getByRole("link", { name: "Teams en lijnen" }).click();
    await page.getByRole("button", { name: "Agenda (.ics)" }).click();
    const ics = page.getByRole("dialog", { name: "Agenda (.ics) voor Outlook" });
    assert.ok(await ics.getByLabel("Gepland").isChecked());
    assert.ok(await ics.getByLabel("Bezig").isChecked());
    assert.equal(await ics.getByLabel("Idee").isChecked(), false);
    assert.deepEqual(await axe(page, "dialog[open]"), []);
    const file = await download(page, () => ics.getByRole("button", { name: "Downloaden" }).click());
    const events = JSON.parse(
      execFileSync("python3", [
        "-c",
        `import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(json.dumps([[str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()] for e in cal.walk("VEVENT")]))`,
        file.path,
      ]).toString(),
    );
    const long = events.filter(([s]) => s.includes(LONG));
    assert.deepEqual(long.map(([, d]) => d).sort(), ["2027-01-15", "2027-12-15"], JSON.stringify(long));
    assert.ok(long.every(([s]) => s.startsWith("[Boven-IJ]")));
    assert.ok(events.some(([s]) => s.startsWith("[Nieuw West Zuid]")));

    // The year plan of all teams: the long activity is one bar, with its
    // team; it opens its card on its own board.
    await page.getByRole("link", { name: "Jaarplanning" }).click();
    await page.locator(".calendar .tl-line").first().waitFor();
    while (!/2027$/.test(await page.locator("#jaarplan-kop").innerText())) {
      await page.getByRole("button", { name: "Volgend jaar" }).click();
    }
    const longBar = page.getByRole("button", { name: new RegExp(`^Boven-IJ: ${LONG}, lijn 3, 15-01-2027 – 15-12-2027`) });
    assert.equal(await longBar.count(), 1, "one bar for the whole activity");
    assert.equal(await page.locator(".tl-handle").count(), 0, "read-only: no handles");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${OUT}/programme-plan-1920x1080.png` });
    // Enter on the bar, as a keyboard user would.
    await longBar.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Boven-IJ 2027");
    const opened = page.getByRole("dialog", { name: "Kaart bewerken" });
    assert.equal(await opened.getByLabel("Titel").inputValue(), LONG);
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: "Programma", exact: true }).click();
    await page.locator(".matrix").waitFor();

    // A cell opens that board on that line.
    await page.getByRole("link", { name: /^Gaasperdam, lijn 2:/ }).click();
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Teamplan Gaasperdam");
    await page.locator(".app.lane-focus").waitFor();
    assert.ok(await page.locator(".lane-2").isVisible());
    assert.equal(await page.locator(".lane-1").isVisible(), false);
  });

  test("a board left out is not counted, and stays left out", async (t) => {
    const page = await open(t);
    await page.goto(page.url().replace(/#.*$/, "#/programma"));
    await page.locator(".matrix").waitFor();
    assert.equal(await page.locator(".matrix tbody tr").count(), 2);
    await page.locator(".included-boards summary").click();
    await page.getByRole("checkbox", { name: /Gaasperdam/ }).uncheck();
    assert.deepEqual(await page.locator(".matrix tbody th").allInnerTexts(), ["Nieuw West Zuid"]);
    await page.reload();
    await page.locator(".matrix").waitFor();
    assert.deepEqual(await page.locator(".matrix tbody th").allInnerTexts(), ["Nieuw West Zuid"], "remembered");
    assert.match(await page.locator(".matrix tfoot td").last().innerText(), /^11 kaarten/);
  });

  test("the report quotes a running activity's last comment only when asked", async (t) => {
    const page = await open(t);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    // A running card with a thread, as a copy that came back by email
    // would have it: an earlier comment, the newest, and a deleted one.
    const title = "Team in groepen voor ontwikkeling, binding en zorg";
    await page.evaluate((title) => {
      const key = Object.keys(localStorage).find(
        (k) => /^planbord\.v\d+\.bord\./.test(k) && localStorage.getItem(k).includes(title),
      );
      const stored = JSON.parse(localStorage.getItem(key));
      const item = stored.board.items.find((i) => i.title === title);
      const at = (s) => new Date(Date.parse(item.updated) + s * 1000).toISOString();
      item.comments = [
        { id: crypto.randomUUID(), at: at(1), by: "Bram", text: "Eerste groep gestart" },
        { id: crypto.randomUUID(), at: at(2), by: "Anna", text: "Wacht op\nsleutelfiguur X" },
        { id: crypto.randomUUID(), at: at(3), by: "Anna", text: "", deleted: at(4) },
      ];
      item.updated = at(4);
      localStorage.setItem(key, JSON.stringify(stored));
    }, title);
    // Reloaded, so that the open board is read from storage too.
    await page.goto(page.url().replace(/#.*$/, "#/programma/rapport"));
    await page.reload();
    await page.locator(".report").waitFor();
    const option = page.getByRole("checkbox", { name: "Laatste opmerking per lopende activiteit tonen" });
    assert.equal(await option.isChecked(), false, "off by default");
    assert.equal(await page.locator(".report-comment").count(), 0);
    await option.check();
    const quoted = page.locator(".report-comment");
    assert.equal(await quoted.count(), 1);
    assert.match(await quoted.innerText(), /^Laatste opmerking: Anna, \d\d-\d\d-\d{4}: Wacht op sleutelfiguur X$/);
    assert.match(await quoted.locator("xpath=..").innerText(), new RegExp(title));
    assert.deepEqual(await axe(page), []);
    await page.getByRole("button", { name: "Kopieer voortgang (programma)" }).click();
    await page.locator(".notice", { hasText: "Voortgang gekopieerd" }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, new RegExp(`- ${title}.*\n  Laatste opmerking: Anna, \\d\\d-\\d\\d-\\d{4}: Wacht op sleutelfiguur X\n`));
    await page.screenshot({ path: `${OUT}/programme-report-last-comment.png`, fullPage: true });
  });
});

describe("the programme on a projector, a laptop and a phone", () => {
  for (const [name, viewport, options] of [
    ["1280x720", { width: 1280, height: 720 }, {}],
    ["1366x768", { width: 1366, height: 768 }, {}],
    ["390x844", { width: 390, height: 844 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
  ]) {
    test(`${name}: matrix, year plan and report fit; the matrix scrolls inside itself`, async (t) => {
      const page = await open(t, viewport, options);
      const base = page.url().replace(/#.*$/, "");
      for (const [hash, ready] of [
        ["#/programma", ".matrix"],
        ["#/programma/jaarplan", ".calendar .tl-line"],
        ["#/programma/rapport", ".report-page"],
      ]) {
        await page.goto(base + hash);
        await page.locator(ready).first().waitFor();
        const width = await page.evaluate(() => [innerWidth, document.scrollingElement.scrollWidth]);
        assert.equal(width[0], viewport.width, `${hash}: the window is not zoomed out`);
        assert.ok(width[1] <= viewport.width, `${hash}: the page is ${width[1]} px wide`);
        await page.screenshot({ path: `${OUT}/programme-${name}-${hash.split("/").at(-1)}.png` });
        if (name === "390x844") assert.deepEqual(await axe(page), [], hash);
      }
    });
  }
});
