// End-to-end: the jaarkalender, the overzicht, and the outputs for the
// organisation (iCalendar, CSV, progress text, print/PDF).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";

import { axe, open, OUT, readCsv, setup, stored, YEAR } from "./helpers.mjs";

setup();

const activity = (scope, title) => scope.locator(".activity").filter({ hasText: title });
const monthOf = (page, name) => page.locator(".month", { has: page.getByRole("heading", { name }) });

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

describe("views and outputs", () => {
  test("switch views by URL; the calendar places, moves and opens activities", async (t) => {
    const page = await open(t);
    await page.getByRole("link", { name: "Jaarkalender" }).click();
    await page.locator(".calendar").waitFor();
    assert.match(page.url(), /#\/bord\/[0-9a-f-]+\/kalender$/);
    assert.equal(await page.getByRole("heading", { level: 2 }).innerText(), `Jaarkalender ${YEAR}`);
    assert.ok(await activity(monthOf(page, `oktober ${YEAR}`), "Open dag").isVisible());
    assert.ok(await activity(monthOf(page, `mei ${YEAR}`), "Hardloopwedstrijd").isVisible());
    const unplanned = await page.locator(".unplanned .activity-title").allInnerTexts();
    assert.equal(unplanned.length, 7);
    assert.deepEqual(await axe(page), []);
    await page.reload();
    await page.locator(".calendar").waitFor();

    // Drag to December.
    await activity(monthOf(page, `oktober ${YEAR}`), "Open dag").locator("button").dragTo(monthOf(page, `december ${YEAR}`));
    assert.ok(await activity(monthOf(page, `december ${YEAR}`), "Open dag").isVisible());
    let item = (await stored(page)).board.items.find((i) => i.title === "Open dag");
    assert.equal(item.start, `${YEAR}-12-14`);
    // Keyboard: a month earlier.
    await activity(monthOf(page, `december ${YEAR}`), "Open dag").locator("button").focus();
    await page.keyboard.press("Alt+ArrowLeft");
    await activity(monthOf(page, `november ${YEAR}`), "Open dag").waitFor();
    item = (await stored(page)).board.items.find((i) => i.title === "Open dag");
    assert.deepEqual([item.start, item.end], [`${YEAR}-11-14`, `${YEAR}-11-14`]);
    // An undated activity dragged into a month gets its first day.
    await page.locator(".unplanned .activity", { hasText: "Missie en visie" }).locator("button").dragTo(monthOf(page, `juni ${YEAR}`));
    item = (await stored(page)).board.items.find((i) => i.title === "Missie en visie geschreven");
    assert.equal(item.start, `${YEAR}-06-01`);
    // Year navigation, and a click opens the card editor.
    await page.getByRole("button", { name: "Volgend jaar" }).click();
    assert.equal(await page.getByRole("heading", { level: 2 }).innerText(), `Jaarkalender ${YEAR + 1}`);
    await page.getByRole("button", { name: "Vorig jaar" }).click();
    await activity(monthOf(page, `mei ${YEAR}`), "Hardloopwedstrijd").locator("button").click();
    await page.getByRole("dialog", { name: "Kaart bewerken" }).waitFor();
    await page.keyboard.press("Escape");
    // Undo works here too.
    await page.keyboard.press("Control+z");
    assert.equal((await stored(page)).board.items.find((i) => i.title === "Missie en visie geschreven").start, null);
    // Back to the board view.
    await page.getByRole("link", { name: "Bord", exact: true }).click();
    await page.locator(".card").first().waitFor();
  });

  test("the overview shows progress per line, overdue, upcoming, per trekker; copies a summary", async (t) => {
    const page = await open(t);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("link", { name: "Overzicht" }).click();
    await page.locator(".overview").waitFor();
    const line1 = page.locator(".progress-line.lane-1");
    assert.match(await line1.innerText(), /5 kaarten, 40% afgerond/);
    assert.match(await line1.innerText(), /Afgerond\s+2/);
    const overdue = page.locator(".overview-lists section").filter({ has: page.getByRole("heading", { name: "Te laat" }) });
    assert.match(await overdue.innerText(), /Hardloopwedstrijd in PvI-shirts/);
    assert.match(await page.locator(".overview-lists").innerText(), /Kerngroep: 4/);
    assert.deepEqual(await axe(page), []);
    await page.getByRole("button", { name: "Kopieer voortgang" }).click();
    await page.locator(".notice", { hasText: "Voortgang gekopieerd" }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    // The team's progress report as text: per line status, what was done,
    // what runs, what comes and what is late.
    assert.match(text, /^Voortgang Teamplan Nieuw West Zuid\n/);
    assert.match(text, /Lijn 1: Teamontwikkeling — Geen status/);
    assert.match(text, /Te laat[^\n]*\n[^]*Hardloopwedstrijd in PvI-shirts/);
    assert.doesNotMatch(text, /geëxporteerd/);
  });

  test("iCalendar and CSV exports read back with real parsers", async (t) => {
    const page = await open(t);
    await page.getByRole("link", { name: "Overzicht" }).click();
    await page.getByRole("button", { name: "Agenda (.ics)" }).click();
    // Gepland and Bezig go in unless chosen otherwise: the done calendar card stays out.
    const ics = await download(page, "Downloaden");
    assert.match(ics.name, /^teamplan-nieuw-west-zuid-\d{4}-\d{2}-\d{2}\.ics$/);
    const raw = await readFile(ics.path);
    for (const line of raw.toString("utf8").split("\r\n")) {
      assert.ok(Buffer.byteLength(line) <= 75, `line of ${Buffer.byteLength(line)} octets`);
    }
    const parsed = JSON.parse(
      execFileSync("python3", [
        "-c",
        `import icalendar, json, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(json.dumps([[str(e["SUMMARY"]), e["DTSTART"].dt.isoformat(), e["DTEND"].dt.isoformat(), str(e["UID"])] for e in cal.walk("VEVENT")]))`,
        ics.path,
      ]).toString(),
    );
    assert.equal(parsed.length, 3);
    const race = parsed.find(([s]) => s === "Hardloopwedstrijd in PvI-shirts");
    assert.deepEqual(race.slice(1, 3), [`${YEAR}-05-20`, `${YEAR}-05-22`]);
    const board = (await stored(page)).board;
    assert.equal(race[3], `${board.items.find((i) => i.title.startsWith("Hardloop")).id}@planbord`);

    const csv = await download(page, "Excel (.csv)");
    assert.match(csv.name, /\.csv$/);
    const bytes = await readFile(csv.path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with BOM");
    const rows = readCsv(csv.path);
    assert.equal(rows[0][2], "Titel");
    assert.equal(rows.length, 12);
    const row = rows.find((r) => r[2] === "Open dag");
    assert.deepEqual([row[0], row[1], row[6], row[8]], ["3 Inspiratie, dialoog en debat", "Gepland", `14-10-${YEAR}`, "Extern"]);
  });

  test("board, calendar and overview print cleanly on A4 landscape", async (t) => {
    const page = await open(t);
    const views = [
      ["bord", ""],
      ["kalender", "/kalender"],
      ["overzicht", "/overzicht"],
    ];
    const base = page.url().split("?")[0].replace(/\/(kalender|overzicht)$/, "");
    for (const [name, suffix] of views) {
      await page.goto(base + suffix);
      await page.locator(suffix === "" ? ".board" : suffix === "/kalender" ? ".calendar" : ".overview").waitFor();
      await page.emulateMedia({ media: "print" });
      const pdf = `${OUT}/print-${name}.pdf`;
      await page.pdf({ path: pdf, format: "A4", landscape: true, printBackground: false, preferCSSPageSize: true });
      await page.emulateMedia({ media: "screen" });
      const info = execFileSync("pdfinfo", [pdf]).toString();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
      assert.ok(pages >= 1 && pages <= 2, `${name}: ${pages} pages`);
      assert.match(info, /Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)/, `${name}: A4 landscape`);
      const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]).toString();
      assert.match(first, /Teamplan Nieuw West Zuid/, `${name}: title on page 1`);
      assert.match(first, /Team: Nieuw West Zuid/, `${name}: team on page 1`);
      assert.match(first, /Afgedrukt op \d\d-\d\d-\d{4}/, `${name}: date on page 1`);
      assert.doesNotMatch(first, /Exporteren|Importeren|Nieuw bord/, `${name}: no toolbar buttons`);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, `${OUT}/print-${name}`]);
    }
    await writeFile(`${OUT}/print-done.txt`, "ok");
  });
});
