// Shared setup for the end-to-end tests: the release build (dist/) served
// from a sub-path, driven in Debian's Chromium. Each test gets a fresh
// browser context (empty localStorage), i.e. a first visit.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { launch } from "./browser.mjs";
import { serve } from "./server.mjs";

export const DIST = process.env.PLANBORD_DIST ?? "dist";
export const OUT = "tests/e2e/output";
/** localStorage key of a board (storage schema 2). */
export const boardKey = (id) => `planbord.v2.bord.${id}`;
export const INDEX_KEY = "planbord.v2.borden";
/** The year of the sample boards the tests work on (see `open`). */
export const YEAR = 2017;
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

export const LANES = [
  "Teamontwikkeling",
  "Netwerk en expertise (sleutelpersonen)",
  "Inspiratie, dialoog en debat",
  "Behoud en werving",
  "Resultaat en borging",
];

export let server;
let browser;

/** Starts the server and the browser for the calling test file. */
export function setup() {
  before(async () => {
    await mkdir(OUT, { recursive: true });
    server = await serve(DIST, "/planbord/");
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** The two sample boards as the 2017 release made them on a first visit
 * (storage dumped from that build): what most tests work on, so that their
 * dates, "Te laat" and calendar years do not move with the real date (a
 * first visit now dates the samples in the current year). */
const LIBRARY_2017 = await readFile(new URL("./library-2017.json", import.meta.url), "utf8");
const DUMPED_AT = "2026-11-29T20:47:26.421Z";

/** The 2017 library for one browser context: its own ids (as a first
 * visit makes; two people never share a board by accident) and its times a
 * minute ago (so every change made in the test is later). */
function library2017() {
  const ids = new Map();
  const fresh = (id) => ids.get(id) ?? ids.set(id, crypto.randomUUID()).get(id);
  const text = LIBRARY_2017.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, fresh).replaceAll(
    DUMPED_AT,
    new Date(Date.now() - 60_000).toISOString(),
  );
  return JSON.parse(text);
}

/** A fresh visit with the two 2017 sample boards in storage, or with
 * `{ firstVisit: true }` a real first visit (the app makes its samples).
 * Collects errors, CSP violations and requests. Other `options` go to the
 * browser context (e.g. `{ hasTouch: true }`). */
export async function open(t, viewport = { width: 1920, height: 1080 }, options = {}) {
  const { firstVisit, ...contextOptions } = options;
  const page = await blank(t, viewport, [], contextOptions);
  if (!firstVisit) {
    // Before the app's first start, once: a test that empties storage
    // later gets the app's own first visit from then on.
    await page.addInitScript(
      ([entries, index]) => {
        if (localStorage.getItem(index) === null && !sessionStorage.getItem("planbord.test.seeded")) {
          for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        }
        sessionStorage.setItem("planbord.test.seeded", "1");
      },
      [library2017(), INDEX_KEY],
    );
  }
  await page.goto(server.url);
  await page.locator(".card").first().waitFor();
  return page;
}

/** A page in a fresh browser context that has not been anywhere yet (for a
 * test to prepare it first), with the checks of `open`; `origins`: other
 * origins the test means to visit; `options` go to the browser context. */
export async function blank(t, viewport = { width: 1920, height: 1080 }, origins = [], options = {}) {
  const context = await browser.newContext({ viewport, locale: "nl-NL", ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  t.after(async () => {
    const allowed = [new URL(server.url).origin, ...origins, "blob:", "data:"];
    const foreign = requests.filter((u) => !allowed.some((o) => u.startsWith(o)));
    await context.close();
    assert.deepEqual(foreign, [], "no request may leave the origin");
    assert.deepEqual(problems, [], "no errors or CSP violations");
  });
  return page;
}

export const cell = (page, lane, column) =>
  page.getByRole("group", { name: `Lijn ${lane} ${LANES[lane - 1]}, ${column}` });

export const titlesIn = (page, lane, column) => cell(page, lane, column).locator(".card-title").allTextContents();

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The card titled exactly `title` ("Open dag" is not "Open dag 2017"). */
export const card = (page, title) =>
  page.locator(".card", { has: page.locator(".card-title", { hasText: exactly(title) }) });

/** Presses a key on the focused card, then waits until focus is back on it
 * (after a move the card is re-rendered and refocused on the next frame). */
export async function pressOnCard(page, key) {
  const id = await page.evaluate(() => document.activeElement?.closest(".card")?.dataset.id);
  assert.ok(id, "a card has focus");
  await page.keyboard.press(key);
  await page.waitForFunction((id) => document.activeElement?.closest(".card")?.dataset.id === id, id);
}

/** Id of the open board, from the URL. */
export const openId = (page) => page.evaluate(() => /#\/bord\/([0-9a-f-]{36})/.exec(location.hash)?.[1]);

const readOpen = async (page) => page.evaluate((k) => localStorage.getItem(k), boardKey(await openId(page)));

/** The open board's stored text, exactly as in localStorage, once the page
 * says every change is saved (saving follows the screen by a frame, or a
 * pause in typing). Fails if that does not happen within 5 s. */
export const rawStored = async (page) => {
  await page.waitForSelector(".app[data-opgeslagen='ja']", { timeout: 5000 }).catch((e) => {
    throw new Error(`the board was not saved within 5 s: ${e.message}`);
  });
  return readOpen(page);
};

/** As rawStored, for a change that cannot be saved (full storage): checks
 * the page says so, and reads what storage holds meanwhile. */
export const rawStoredUnsaved = async (page) => {
  assert.equal(await page.locator(".app").getAttribute("data-opgeslagen"), "nee", "the page says a change is unsaved");
  return readOpen(page);
};

/** The open board's stored envelope. */
export const stored = async (page) => JSON.parse(await rawStored(page));

export async function axe(page, context = "document") {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (ctx) => window.axe.run(ctx === "document" ? document : document.querySelector(ctx), {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
    context,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}


/** A CSV export's rows as Python's csv module reads them (as Excel would). */
export function readCsv(path) {
  return JSON.parse(
    execFileSync("python3", [
      "-c",
      `import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    print(json.dumps(list(csv.reader(f, delimiter=";"))))`,
      path,
    ]).toString(),
  );
}

/** A second tab in the same browser (same storage) on the same board. */
export async function secondTab(page) {
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.locator(".card").first().waitFor();
  return other;
}
