// End-to-end: the jaarkalender, the overzicht, and the outputs for the
// organisation (iCalendar, CSV, progress text, print/PDF).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";

import { axe, open, OUT, readCsv, setup, stored, YEAR } from "./helpers.mjs";

setup();

/** An activity's bar on the timeline, by the start of its title (its name: "Open dag, lijn 3, …"). */
const bar = (page, title) => page.getByRole("button", { name: new RegExp(`^${title}.*, lijn \\d, `) });
/** The drawn part of a bar (its shape): where a pointer takes hold of its body. */
const shape = (page, title) => page.locator(".tl-item", { has: bar(page, title) }).locator(".tl-shape");
const itemTitled = async (page, title) => (await stored(page)).board.items.find((i) => i.title === title);
const datesOf = async (page, title) => {
  const item = await itemTitled(page, title);
  return [item.start, item.end];
};
/** The middle of month `m` (0 = jan) across, from its column header. */
async function monthX(page, m) {
  const box = await page.locator(".tl-months li").nth(m).boundingBox();
  return box.x + box.width / 2;
}
/** Presses at (x, y), moves in steps to (toX, y) and lets go: a pointer drag. */
async function dragAcross(page, x, y, toX) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(toX, y, { steps: 8 });
  await page.mouse.up();
}
const status = (page) => page.getByRole("status").innerText();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

describe("views and outputs", () => {
  test("switch views by URL; the calendar is a timeline: one bar per activity, dragged, stretched, by keys", async (t) => {
    const page = await open(t);
    await page.getByRole("link", { name: "Jaarkalender" }).click();
    await page.locator(".calendar").waitFor();
    assert.match(page.url(), /#\/bord\/[0-9a-f-]+\/kalender$/);
    assert.equal(await page.getByRole("heading", { level: 2 }).innerText(), "Jaarkalender 2017");
    // Twelve months across, the five lines down, each activity one bar in its line.
    const months = await page.locator(".tl-months li > span[aria-hidden='true']").allInnerTexts();
    assert.deepEqual(months, ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);
    assert.equal(await page.locator(".tl-line").count(), 5);
    const line3 = page.getByRole("group", { name: "Lijn 3: Inspiratie, dialoog en debat" });
    assert.ok(await line3.getByRole("button", { name: "Open dag, lijn 3, 14-10-2017", exact: true }).isVisible());
    assert.ok(await bar(page, "Hardloopwedstrijd").isVisible());
    assert.equal(await bar(page, "Hardloopwedstrijd").getAttribute("aria-label"), "Hardloopwedstrijd in PvI-shirts, lijn 4, 20-05-2017 – 21-05-2017");
    assert.equal(await page.locator(".tl-item.point", { has: bar(page, "Open dag") }).count(), 1, "one day: a mark");
    const unplanned = await page.locator(".unplanned .activity-title").allInnerTexts();
    assert.equal(unplanned.length, 7);
    assert.deepEqual(await axe(page), []);

    // A long activity (15-01 to 15-12, set in the editor) is ONE bar, January to December.
    await page.locator(".tl-item", { has: bar(page, "Open dag") }).locator(".tl-title").click();
    const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
    await editor.getByLabel("Einddatum").fill("2017-12-15");
    await editor.getByLabel("Startdatum").fill("2017-01-15");
    await page.keyboard.press("Escape");
    // Closing the editor puts the focus back on the bar (redrawn meanwhile).
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label")?.startsWith("Open dag, "));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-12-15"]);
    assert.equal(await bar(page, "Open dag").count(), 1);
    assert.equal(await bar(page, "Open dag").getAttribute("aria-label"), "Open dag, lijn 3, 15-01-2017 – 15-12-2017");
    const jan = await page.locator(".tl-months li").nth(0).boundingBox();
    const dec = await page.locator(".tl-months li").nth(11).boundingBox();
    let long = await shape(page, "Open dag").boundingBox();
    assert.ok(long.x > jan.x && long.x < jan.x + jan.width / 2 + 2, `starts mid-January: ${long.x} in ${jan.x}+${jan.width}`);
    const right = long.x + long.width;
    assert.ok(right > dec.x + dec.width / 3 && right < dec.x + (dec.width * 2) / 3, `ends mid-December: ${right}`);

    // Its body dragged one month later: whole months, its length kept.
    let y = long.y + long.height / 2;
    await dragAcross(page, await monthX(page, 5), y, await monthX(page, 6));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-02-15", "2018-01-15"]);
    assert.equal(await page.locator(".tl-item.after", { has: bar(page, "Open dag") }).count(), 1, "cut at the year's end");
    assert.equal(await status(page), "Open dag: 15-02-2017 – 15-01-2018");
    // Undo.
    await page.keyboard.press("Control+z");
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-12-15"]);

    // The end handle dragged to October: only the end moves.
    const end = page.getByRole("button", { name: "Einde van Open dag" });
    let box = await end.boundingBox();
    await dragAcross(page, box.x + box.width / 2, box.y + box.height / 2, await monthX(page, 9));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-10-15"]);
    assert.equal(await status(page), "Open dag: 15-01-2017 – 15-10-2017");
    // The start handle dragged past the end: refused, snaps back, says why.
    box = await page.getByRole("button", { name: "Begin van Open dag" }).boundingBox();
    await dragAcross(page, box.x + box.width / 2, box.y + box.height / 2, await monthX(page, 11));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-10-15"]);
    assert.match(await status(page), /Het begin van 'Open dag' kan niet na het einde \(15-10-2017\)/);

    // Keyboard, on the focused bar: Alt+Shift+→ the end a month later,
    // Ctrl+Shift+→ the start; the focus stays on the bar; each is said.
    await bar(page, "Open dag").focus();
    await page.keyboard.press("Alt+Shift+ArrowRight");
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label")?.includes("15-11-2017"));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-11-15"]);
    assert.equal(await status(page), "Open dag: 15-01-2017 – 15-11-2017");
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label")?.includes("15-02-2017"));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-02-15", "2017-11-15"]);
    assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), /^Open dag, lijn 3, /);
    // Alt+← moves it whole, a month earlier.
    await page.keyboard.press("Alt+ArrowLeft");
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label")?.includes("15-01-2017"));
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-10-15"]);
    // Undo, three times: back to where the handles left it.
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-11-15"]);
    await page.keyboard.press("Control+z");
    assert.deepEqual(await datesOf(page, "Open dag"), ["2017-01-15", "2017-10-15"]);
    // An end before the start is refused by keys too, and said why.
    await bar(page, "Hardloopwedstrijd").focus();
    await page.keyboard.press("Alt+Shift+ArrowLeft");
    assert.match(await status(page), /Het einde van 'Hardloopwedstrijd in PvI-shirts' kan niet vóór het begin \(20-05-2017\)/);
    assert.deepEqual(await datesOf(page, "Hardloopwedstrijd in PvI-shirts"), ["2017-05-20", "2017-05-21"]);
    assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), /^Hardloopwedstrijd/);

    // An undated activity dragged onto June gets its first day.
    const missie = page.locator(".unplanned .activity-open", { hasText: "Missie en visie" });
    box = await missie.boundingBox();
    const line1 = await page.locator(".tl-line").nth(0).boundingBox();
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(await monthX(page, 5), line1.y + line1.height / 2, { steps: 10 });
    await page.mouse.up();
    assert.deepEqual(await datesOf(page, "Missie en visie geschreven"), ["2017-06-01", "2017-06-01"]);
    assert.ok(await bar(page, "Missie en visie geschreven").isVisible());
    assert.equal(await page.locator(".unplanned .activity-title").count(), 6);
    assert.deepEqual(await axe(page), []);

    // Year navigation, and a click opens the card editor.
    await page.getByRole("button", { name: "Volgend jaar" }).click();
    assert.equal(await page.getByRole("heading", { level: 2 }).innerText(), `Jaarkalender ${YEAR + 1}`);
    await page.getByRole("button", { name: "Vorig jaar" }).click();
    await page.locator(".tl-item", { has: bar(page, "Hardloopwedstrijd") }).locator(".tl-title").click();
    await page.getByRole("dialog", { name: "Kaart bewerken" }).waitFor();
    await page.keyboard.press("Escape");
    // Enter on a bar opens it too.
    await bar(page, "Open dag").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Kaart bewerken" }).waitFor();
    await page.keyboard.press("Escape");
    // Undo works here too: the undated one is undated again.
    await page.keyboard.press("Control+z");
    assert.equal((await itemTitled(page, "Missie en visie geschreven")).start, null);
    // Back to the board view.
    await page.getByRole("link", { name: "Bord", exact: true }).click();
    await page.locator(".card").first().waitFor();
  });

  test("the timeline reads at 1280×720 and 1366×768, and on a phone scrolls inside itself", async (t) => {
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [390, 844],
    ]) {
      const page = await open(t, { width, height });
      await page.evaluate(() => (location.hash += "/kalender"));
      await page.locator(".timeline").waitFor();
      // A long activity, one cut at the year's start, and the rest as sampled.
      await bar(page, "Open dag").focus();
      await page.keyboard.press("Enter");
      const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
      await editor.getByLabel("Einddatum").fill("2017-12-15");
      await editor.getByLabel("Startdatum").fill("2017-01-15");
      await page.keyboard.press("Escape");
      // The editor gives the focus back to its bar in the next frame: let it,
      // before a key faster than any hand moves it on.
      await editor.waitFor({ state: "hidden" });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await bar(page, "Training voor OPCO").focus();
      await page.keyboard.press("Enter");
      await editor.getByLabel("Startdatum").fill("2016-11-01");
      await editor.getByLabel("Einddatum").fill("2017-04-30");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".tl-item.before", { has: bar(page, "Training voor OPCO") }).count(), 1);
      // For the picture: no name prompt, no focus ring.
      await page.getByRole("button", { name: "Overslaan" }).click();
      await page.evaluate(() => document.activeElement?.blur());
      const m = await page.evaluate(() => ({
        page: document.scrollingElement.scrollWidth,
        timeline: document.querySelector(".timeline").getBoundingClientRect().right,
      }));
      assert.ok(m.page <= width, `${width}×${height}: the page is ${m.page} px wide`);
      assert.ok(m.timeline <= width, `${width}×${height}: the timeline ends within the window`);
      if (width === 390) {
        // The months scroll sideways inside the timeline; the line names stay.
        const scroller = page.locator(".timeline");
        assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth));
        const before = await page.locator(".tl-name").first().boundingBox();
        await scroller.evaluate((el) => (el.scrollLeft = 400));
        const after = await page.locator(".tl-name").first().boundingBox();
        assert.equal(Math.round(after.x), Math.round(before.x), "the line names are sticky");
        assert.deepEqual(await axe(page), []);
      } else {
        // Twelve months across without scrolling.
        assert.ok(await page.locator(".timeline").evaluate((el) => el.scrollWidth <= el.clientWidth));
      }
      await page.screenshot({ path: `${OUT}/timeline-${width}x${height}.png` });
    }
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
    // The standard export: the columns Gepland and Bezig (the activity done
    // in Afgerond stays out).
    assert.equal(parsed.length, 3);
    assert.ok(!parsed.some(([s]) => s === "Jaarkalender activiteiten gemaakt"));
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
