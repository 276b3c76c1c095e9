// Benchmark (not a test: it prints figures, it does not pass or fail).
// Serves the release build, drives headless Chromium, and prints the median
// of several runs for each measurement of issue 8.
//   node tests/bench/bench.mjs [runs]
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { launch } from "../e2e/browser.mjs";
import { ENCODINGS as SERVED, serve } from "../e2e/server.mjs";

const RUNS = Number(process.argv[2] ?? 5);
// DIST: another build to measure; ONLY=load: first-load figures only;
// PAINT=1: times until the change is painted, not until the DOM shows it;
// ONLY=merge: merging only; ONLY=interact: moves, typing, filter, merge;
// ONLY=board: first load and interactions (no files, no merging);
// ONLY=files: export, import and file sizes; ONLY=memory: boards opened in turn; ONLY=lighthouse: Lighthouse
// (mobile and desktop) and the bytes on first load.
// ENCODINGS: the precompressed files the server may send, "br,gzip" (the
// default), "gzip" (a host without brotli) or "none".
const DIST = process.env.DIST ?? "dist";
const ONLY = process.env.ONLY;
const ENCODINGS = process.env.ENCODINGS === "none" ? [] : process.env.ENCODINGS?.split(",");
// Chromium for Lighthouse (its chrome-launcher reads CHROME_PATH).
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// The storage schema the seeded boards are written in: the build's own
// (5 since comments and history; 4 since line status; 3 since per-field
// stamps; SCHEMA=2 for a build before them), so a load measures reading,
// not a one-off migration.
const SCHEMA = Number(process.env.SCHEMA ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

/** A stored board of `n` cards (storage schema 2), as localStorage entries. */
function seeded(n) {
  const now = new Date().toISOString();
  const id = randomUUID();
  const columns = ["Idee", "Gepland", "Bezig", "Afgerond"].map((name, i) => ({ id: randomUUID(), name, rank: i, wip_limit: null, removed: null, updated: now }));
  const lines = ["Teamontwikkeling", "Netwerk en expertise (sleutelpersonen)", "Inspiratie, dialoog en debat", "Behoud en werving", "Resultaat en borging"].map((name, i) => ({ number: i + 1, name, description: "", updated: now }));
  const items = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    title: `Activiteit ${i} met een titel van gewone lengte`,
    notes: "Notitie bij de activiteit.",
    trekker: ["Kerngroep", "OE", "OPCO", "Wijkagenten"][i % 4],
    team: "Nieuw West Zuid",
    start: i % 3 ? null : "2017-05-20",
    end: i % 3 ? null : "2017-05-21",
    scope: i % 2 ? "intern" : "extern",
    tags: i % 5 ? [] : ["training"],
    line: (i % 5) + 1,
    column: columns[Math.floor(i / 5) % 4].id,
    rank: i,
    created: now,
    updated: now,
  }));
  const board = { id, title: `Bord met ${n} kaarten`, team: "Nieuw West Zuid", year: 2017, lines, columns, items, tombstones: [], created: now, updated: now, settings_updated: now, synced: null };
  const library = { boards: [{ id, title: board.title, team: board.team, year: 2017, cards: n, updated: now, trashed: null, exported: now }], last_open: id };
  return {
    id,
    entries: {
      [`planbord.v2.bord.${id}`]: JSON.stringify({ schema: SCHEMA, saved: now, board }),
      "planbord.v2.borden": JSON.stringify({ schema: SCHEMA, library }),
    },
  };
}

async function page(browser, url, seed) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  if (seed) {
    await context.addInitScript((entries) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.clear();
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        sessionStorage.setItem("seeded", "1");
      }
    }, seed.entries);
  }
  // From the start of the page, every animation frame notes when cards first
  // show and how many there are (no round trip to this script in between).
  // The time noted is just after that frame was drawn (a message posted in
  // the animation frame is delivered after its rendering).
  await context.addInitScript(() => {
    const channel = new MessageChannel();
    let seen = 0;
    channel.port1.onmessage = () => {
      const now = performance.now();
      if (seen > 0) window.__first ??= now;
      if (seen !== window.__cards) {
        window.__cards = seen;
        window.__cardsAt = now;
      }
    };
    const frame = () => {
      seen = document.querySelectorAll(".card").length;
      channel.port2.postMessage(0);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // The longest task after the first screen: how long input can wait.
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (window.__first !== undefined && e.startTime >= window.__first) window.__longest = Math.max(window.__longest, e.duration);
      }
    }).observe({ type: "longtask" });
  });
  const p = await context.newPage();
  return { context, page: p };
}

/** Time from navigation start until `n` cards are on screen (the first
 * animation frame that finds them), and its parts: until the wasm runs,
 * mounting the app (reading storage, building the view). */
async function firstLoad(browser, url, seed, n) {
  const times = [];
  const firsts = [];
  const longest = [];
  const starts = [];
  const mounts = [];
  for (let r = 0; r < RUNS; r += 1) {
    const { context, page: p } = await page(browser, url, seed);
    await p.goto(url);
    // Times are taken in the page, in the animation frame that saw them.
    await p.waitForFunction((n) => window.__cards >= n, n, { timeout: 120000 });
    firsts.push(await p.evaluate(() => window.__first));
    times.push(await p.evaluate(() => window.__cardsAt));
    longest.push(await p.evaluate(() => window.__longest));
    const m = await p.evaluate(() => performance.getEntriesByName("planbord-opstarten").map((e) => [e.startTime, e.duration])[0]);
    starts.push(m[0]);
    mounts.push(m[1]);
    await context.close();
  }
  return { total: median(times), first: median(firsts), longest: median(longest), start: median(starts), mount: median(mounts) };
}

/** Issue 18: two stored boards of `n` cards, opened in turn `times` times
 * in one tab (through the URL, as the board list does), every card drawn
 * each time. The JS heap (after a forced garbage collection) and the wasm
 * memory after the first visit of both, and after all the opens. */
async function switching(browser, url, n, times) {
  const a = seeded(n);
  const b = seeded(n);
  const library = JSON.parse(a.entries["planbord.v2.borden"]);
  library.library.boards.push(...JSON.parse(b.entries["planbord.v2.borden"]).library.boards);
  const both = { entries: { ...a.entries, ...b.entries, "planbord.v2.borden": JSON.stringify(library) } };
  const first = (seed) => JSON.parse(seed.entries[`planbord.v2.bord.${seed.id}`]).board.items[0].id;
  const { context, page: p } = await page(browser, url, both);
  // The wasm's memory, caught where the glue code instantiates it.
  await context.addInitScript(() => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        const result = await original.apply(WebAssembly, args);
        window.__wasm = (result.instance ?? result).exports;
        return result;
      };
    }
  });
  const cdp = await context.newCDPSession(p);
  const open = async (seed) => {
    await p.evaluate((id) => (location.hash = `#/bord/${id}`), seed.id);
    await p.waitForFunction(
      ([card, n]) => document.querySelector(`.card[data-id='${card}']`) !== null && document.querySelectorAll(".card").length >= n,
      [first(seed), n],
      { timeout: 120000 },
    );
  };
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await p.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
    return { heap: usedSize, wasm };
  };
  await p.goto(url);
  await open(a);
  await open(b);
  await open(a);
  const before = await measure();
  const t0 = Date.now();
  for (let i = 0; i < times; i += 1) {
    await open(i % 2 ? a : b);
    if (process.env.TRACE && i % 25 === 24) console.log(i + 1, await measure());
  }
  const per = (Date.now() - t0) / times;
  const after = await measure();
  await context.close();
  return { before, after, per };
}

const loadLine = (label, l) =>
  `   ${label}: first screen (cards shown, input taken) ${ms(l.first)}; every card drawn ${ms(l.total)}; longest task in between ${ms(l.longest)}\n` +
  `      (wasm running at ${ms(l.start)}, mounting the first screen ${ms(l.mount)}, drawing it ${ms(l.first - l.start - l.mount)})`;

/** In the page: run `act`, resolve with ms until `done()` holds. */
// PAINT=1: until the frame that shows it is painted (a timer set in the
// next animation frame), not until the DOM shows it.
const PAINT = process.env.PAINT === "1";
const timed = (p, act, done, arg) =>
  p.evaluate(
    ([act, done, arg, paint]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const check = new Function("arg", `return (${done})(arg)`);
        const end = () =>
          paint
            ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
            : resolve(performance.now() - t0);
        new Function("arg", `(${act})(arg)`)(arg);
        // Poll with a message channel: finer than a frame or a timer.
        const channel = new MessageChannel();
        const poll = () => (check(arg) ? end() : channel.port2.postMessage(0));
        channel.port1.onmessage = poll;
        // A microtask first: Leptos applies changes asynchronously.
        queueMicrotask(() => (check(arg) ? end() : poll()));
      }),
    [act.toString(), done.toString(), arg, PAINT],
  );

async function interactions(browser, url, n) {
  const seed = seeded(n);
  const { context, page: p } = await page(browser, url, seed);
  await p.goto(url);
  await p.waitForFunction((n) => document.querySelectorAll(".card").length >= n, n, { timeout: 120000 });
  const move = [];
  const keystroke = [];
  const filter = [];
  for (let r = 0; r < RUNS; r += 1) {
    move.push(
      await timed(
        p,
        () => {
          const el = document.querySelector(".lane-1 .cell .card .card-open");
          window.__moved = el.closest(".card").dataset.id;
          el.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", altKey: true, bubbles: true }));
        },
        () => document.querySelector(`.lane-1 .cell[data-col='1'] .card[data-id='${window.__moved}']`) !== null,
      ),
    );
  }
  // Drag with the mouse: dragstart on a card, dragover and drop on another
  // cell; time until the drop marker shows, and from drop until the card is
  // in its new cell.
  const dragover = [];
  const drop = [];
  for (let r = 0; r < RUNS; r += 1) {
    await timed(
      p,
      () => {
        const card = document.querySelector(".lane-2 .cell[data-col='0'] .card");
        window.__dragged = card.dataset.id;
        window.__dt = new DataTransfer();
        card.dispatchEvent(new DragEvent("dragstart", { bubbles: true, dataTransfer: window.__dt }));
      },
      () => document.querySelector(".card.dragging") !== null,
    );
    dragover.push(
      await timed(
        p,
        () => {
          const target = document.querySelector(".lane-2 .cell[data-col='2']");
          const r = target.getBoundingClientRect();
          target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, clientX: r.left + 10, clientY: r.bottom - 5, dataTransfer: window.__dt }));
        },
        () => document.querySelector(".lane-2 .cell[data-col='2'].drop-target") !== null,
      ),
    );
    drop.push(
      await timed(
        p,
        () => {
          const target = document.querySelector(".lane-2 .cell[data-col='2']");
          target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: window.__dt }));
        },
        () => document.querySelector(`.lane-2 .cell[data-col='2'] .card[data-id='${window.__dragged}']`) !== null,
      ),
    );
  }
  // Saving one change: the app measures its own save (User Timing).
  const saves = await p.evaluate(() => performance.getEntriesByName("planbord-opslaan").map((e) => e.duration));
  // Keystroke: type into the editor's title field.
  await p.locator(".card-open").first().click();
  await p.locator("#kaart-titel").waitFor();
  for (let r = 0; r < RUNS; r += 1) {
    keystroke.push(
      await timed(
        p,
        (r) => {
          const input = document.querySelector("#kaart-titel");
          window.__title = `${input.value}${r}`;
          input.value = window.__title;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        },
        () => [...document.querySelectorAll(".card-title")].some((e) => e.textContent === window.__title),
        r,
      ),
    );
  }
  await p.keyboard.press("Escape");
  for (let r = 0; r < RUNS; r += 1) {
    filter.push(
      await timed(
        p,
        (r) => {
          const input = document.querySelector("#zoeken");
          input.value = r % 2 ? "training" : "";
          window.__want = r % 2 ? "van" : "";
          input.dispatchEvent(new Event("input", { bubbles: true }));
        },
        (r) => {
          const text = document.querySelector(".match-count")?.textContent ?? "";
          const shown = document.querySelectorAll(".card:not(.filtered-out)").length;
          return r % 2 ? shown < document.querySelectorAll(".card").length : shown === document.querySelectorAll(".card").length && text.length > 0;
        },
        r,
      ),
    );
  }
  // After a garbage collection: what the page holds, not what it left.
  const cdp = await context.newCDPSession(p);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize: heap } = await cdp.send("Runtime.getHeapUsage");
  await context.close();
  return { move: median(move), dragover: median(dragover), drop: median(drop), save: median(saves), saveMax: Math.max(...saves), saveSteps: saves.length, keystroke: median(keystroke), filter: median(filter), heap };
}

async function files(browser, url, n) {
  const seed = seeded(n);
  const exportTimes = [];
  const importTimes = [];
  const saveTimes = [];
  const { context, page: p } = await page(browser, url, seed);
  await p.goto(url);
  await p.waitForFunction((n) => document.querySelectorAll(".card").length >= n, n, { timeout: 120000 });
  let file;
  for (let r = 0; r < RUNS; r += 1) {
    const t0 = Date.now();
    const [d] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: "Exporteren", exact: true }).click()]);
    exportTimes.push(Date.now() - t0);
    file = await readFile(await d.path());
  }
  for (let r = 0; r < RUNS; r += 1) {
    const t0 = Date.now();
    await p.locator('input[type="file"]').setInputFiles({ name: "bord.json", mimeType: "application/json", buffer: file });
    await p.waitForSelector("dialog[open]");
    importTimes.push(Date.now() - t0);
    await p.keyboard.press("Escape");
  }
  for (let r = 0; r < RUNS; r += 1) {
    // One change = one save of the whole board; time the trekker edit round trip.
    saveTimes.push(
      await p.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith("planbord.v2.bord."));
        const raw = localStorage.getItem(key);
        const t0 = performance.now();
        localStorage.setItem(key, raw);
        return performance.now() - t0;
      }),
    );
  }
  await context.close();
  // File size with per-field stamps (issue 14): the same board as worked on
  // by two named people, every card made by one, then two fields (notes,
  // place) changed by the other, and every fifth card with a removed
  // label; written as the app writes it (pretty JSON, stamps as lines). Against
  // the same cards without any stamps, as version 1 files were.
  const board = JSON.parse(file.toString("utf8"));
  for (const i of board.board.items) delete i.changed;
  const bare = Buffer.byteLength(JSON.stringify(board, null, 2));
  const at = new Date().toISOString();
  board.board.items.forEach((i, k) => {
    i.created_by = "Anna de Vries";
    i.changed = { notes: `${at} Bram Jansen`, position: `${at} Bram Jansen` };
    if (k % 5 === 0) i.changed.labels = { oud: `removed ${at} Bram Jansen` };
  });
  const worked = Buffer.byteLength(JSON.stringify(board, null, 2));
  const talked = await talkedOver(browser, url, board);
  return { exportMs: median(exportTimes), importMs: median(importTimes), saveMs: median(saveTimes), bytes: file.length, bare, worked, ...talked };
}

/** Issue 17: the worked board with two comments and ten changes in the
 * history of every card, as the app writes them, put in place through the
 * file input ("Vervangen") and exported again by the app: the size of the
 * app's own file, and the time to read it. */
async function talkedOver(browser, url, worked) {
  const file = structuredClone(worked);
  const stamp = (min, by) => `${new Date(Date.UTC(2027, 2, 1, 9, min)).toISOString()} ${by}`;
  const columns = file.board.columns.map((c) => c.name);
  file.board.items.forEach((i, k) => {
    i.comments = [
      { id: randomUUID(), at: new Date(Date.UTC(2027, 2, 1, 10, 0)).toISOString(), by: "Anna de Vries", text: `Wacht op sleutelfiguur ${k % 40}; besproken in het OPCO-overleg.` },
      { id: randomUUID(), at: new Date(Date.UTC(2027, 2, 2, 11, 30)).toISOString(), by: "Bram Jansen", text: "Zaal is geregeld, uitnodiging gaat vrijdag uit." },
    ];
    const changes = [
      [stamp(50, "Bram Jansen"), "position", `${i.line}:${columns[1]}`, `${i.line}:${columns[2]}`],
      [stamp(45, "Anna de Vries"), "dates", "2027-03-01", "2027-03-01/2027-04-30"],
      [stamp(40, "Bram Jansen"), "notes"],
      [stamp(35, "Anna de Vries"), "trekker", "Kerngroep", i.trekker],
      [stamp(30, "Anna de Vries"), "labels", "", "+training"],
      [stamp(25, "Bram Jansen"), "position", `${i.line}:${columns[0]}`, `${i.line}:${columns[1]}`],
      [stamp(20, "Anna de Vries"), "title", "Nieuwe activiteit", i.title],
      [stamp(15, "Bram Jansen"), "scope", "", i.scope ?? "intern"],
      [stamp(10, "Anna de Vries"), "dates", "", "2027-03-01"],
      [stamp(5, "Anna de Vries"), "team", "", i.team],
    ];
    i.history = { changes };
  });
  const buffer = Buffer.from(JSON.stringify(file, null, 2));
  const { context, page: p } = await page(browser, url, seeded(10));
  await p.goto(url);
  await p.locator(".card").first().waitFor();
  const t0 = Date.now();
  await p.locator('input[type="file"]').setInputFiles({ name: "bord.json", mimeType: "application/json", buffer });
  await p.getByRole("button", { name: "Vervangen…" }).click();
  await p.getByRole("button", { name: "Ja, vervangen" }).click();
  await p.waitForFunction((n) => document.querySelectorAll(".card").length >= n, file.board.items.length, { timeout: 120000 });
  const replaceMs = Date.now() - t0;
  const [d] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: "Exporteren", exact: true }).click()]);
  const out = await readFile(await d.path());
  const back = JSON.parse(out.toString("utf8")).board.items;
  const kept = back.every((i) => i.comments?.length === 2 && i.history?.changes?.length === 10);
  await context.close();
  return { talked: out.length, talkedGz: gzipSync(out).length, workedGz: gzipSync(Buffer.from(JSON.stringify(worked, null, 2))).length, replaceMs, kept };
}

/** Merging a mailed copy of an n-card board into the open one (issue 13:
 * linear, not quadratic), against replacing the board with the same file. */
async function merging(browser, url, n) {
  const seed = seeded(n);
  const mergeTimes = [];
  const replaceTimes = [];
  for (let r = 0; r < RUNS; r += 1) {
    const { context, page: p } = await page(browser, url, seed);
    await p.goto(url);
    await p.waitForFunction((n) => document.querySelectorAll(".card").length >= n, n, { timeout: 120000 });
    const [d] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: "Exporteren", exact: true }).click()]);
    const file = JSON.parse(await readFile(await d.path(), "utf8"));
    // The other copy: half the cards edited, a quarter deleted, as many added.
    const later = new Date(Date.now() + 60_000).toISOString();
    const items = file.board.items;
    for (let i = 0; i < items.length; i += 1) {
      // As the app would write it: the notes' own stamp says when.
      if (i % 4 < 2) Object.assign(items[i], { notes: "bijgewerkt", updated: later, changed: { ...(items[i].changed ?? {}), notes: later } });
    }
    const gone = items.filter((_, i) => i % 4 === 2);
    file.board.tombstones.push(...gone.map((i) => ({ id: i.id, deleted: later })));
    file.board.items = items.filter((_, i) => i % 4 !== 2);
    for (const g of gone) file.board.items.push({ ...g, id: randomUUID(), title: `Nieuw ${g.title}`, created: later, updated: later });
    const buffer = Buffer.from(JSON.stringify(file));
    const pick = async () => {
      await p.locator('input[type="file"]').setInputFiles({ name: "bord.json", mimeType: "application/json", buffer });
      await p.waitForSelector("dialog[open]");
    };
    await pick();
    // Timed in the page, from the click to the frame that shows the
    // summary (the board behind it updated in the same task): polling from
    // here would add its own work on a busy main thread.
    await p.evaluate(() => {
      window.__merged = new Promise((resolve) => {
        const button = [...document.querySelectorAll("dialog[open] button")].find((b) => b.textContent === "Samenvoegen");
        button.addEventListener("click", () => {
          const t0 = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          const look = () => {
            if (document.querySelector("dialog[open].merge-summary, dialog[open] .merge-summary")) channel.port2.postMessage(0);
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }, { capture: true, once: true });
      });
    });
    await p.locator("dialog[open] button", { hasText: /^Samenvoegen$/ }).click();
    mergeTimes.push(Math.round(await p.evaluate(() => window.__merged)));
    await p.keyboard.press("Escape");
    await pick();
    await p.locator("dialog[open] button", { hasText: /^Vervangen…$/ }).click();
    const t0 = Date.now();
    await p.locator("dialog[open] button", { hasText: /^Ja, vervangen$/ }).click();
    await p.locator(".notice").waitFor();
    replaceTimes.push(Date.now() - t0);
    await context.close();
  }
  return { merge: median(mergeTimes), replace: median(replaceTimes) };
}

/** Each app file with its size raw, gzip and brotli: the build's own .gz
 * and .br (.ci/precompress.mjs), or, for a build without them, compressed
 * here the same way (`made` false). */
async function bundle() {
  const rows = [];
  for (const name of await readdir(DIST)) {
    const path = `${DIST}/${name}`;
    // The file format's schema is published, not loaded by the app.
    if (!(await stat(path)).isFile() || name === "board.schema.json" || /\.(br|gz)$/.test(name)) continue;
    const raw = await readFile(path);
    const own = (suffix) => readFile(path + suffix).catch(() => null);
    const gz = (await own(".gz")) ?? gzipSync(raw, { level: 9 });
    const made = (await own(".br")) !== null;
    const br =
      (await own(".br")) ??
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    rows.push({ name, raw: raw.length, gz: gz.length, br: br.length, made });
  }
  return rows;
}

/** Lighthouse's performance figures (median of RUNS runs each) for a first
 * visit, mobile (its default: simulated slow 4G, 4x slower CPU) and desktop
 * (`--preset=desktop`), each run in a fresh headless Chromium. */
async function lighthouse(url) {
  const figures = {};
  for (const [label, preset] of [
    ["mobile", []],
    ["desktop", ["--preset=desktop"]],
  ]) {
    const reports = [];
    for (let r = 0; r < RUNS; r += 1) {
      const { stdout } = await promisify(execFile)(
        "node_modules/.bin/lighthouse",
        [
          url,
          ...preset,
          "--only-categories=performance",
          "--output=json",
          "--output-path=stdout",
          "--quiet",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 },
      );
      reports.push(JSON.parse(stdout));
    }
    const m = (f) => median(reports.map(f));
    const audit = (id) => m((lhr) => lhr.audits[id].numericValue);
    figures[label] = {
      score: m((lhr) => lhr.categories.performance.score),
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      tti: audit("interactive"),
      si: audit("speed-index"),
      cls: audit("cumulative-layout-shift"),
      bytes: audit("total-byte-weight"),
      benchmark: m((lhr) => lhr.environment.benchmarkIndex),
      version: reports[0].lighthouseVersion,
    };
  }
  return figures;
}

const server = await serve(DIST, "/planbord/", 0, { encodings: ENCODINGS });
const browser = await launch();
try {
  console.log(`Planbord benchmark, median of ${RUNS} runs, ${new Date().toISOString()}${PAINT ? " (PAINT=1: times until the change is painted)" : ""}`);
  if (!["lighthouse", "memory"].includes(ONLY)) {
    console.log("\n1. First load");
    console.log(loadLine("sample board (11 cards)", await firstLoad(browser, server.url, null, 11)));
  }
  for (const n of ["merge", "interact", "files", "lighthouse", "memory"].includes(ONLY) ? [] : [500, 2000, 10000]) {
    console.log(loadLine(`${n} cards`, await firstLoad(browser, server.url, seeded(n), n)));
  }
  if (!["lighthouse", "memory"].includes(ONLY)) {
    const big = seeded(10000);
    const units = Object.entries(big.entries).reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    console.log(`   a 10000-card board takes ${(units / 1048576).toFixed(2)} Mi of the 5 Mi UTF-16 units localStorage allows (${Math.round((units * 100) / (5 * 1048576))} %)`);
  }
  for (const n of ["load", "merge", "files", "lighthouse", "memory"].includes(ONLY) ? [] : [2000, 10000]) {
    const r = await interactions(browser, server.url, n);
    console.log(`\n2-4. ${n} cards`);
    console.log(`   keyboard move of one card until the DOM shows it: ${ms(r.move)}`);
    console.log(`   drag: dragover until the drop target shows: ${ms(r.dragover)}`);
    console.log(`   drag: drop until the DOM shows the card moved: ${ms(r.drop)}`);
    console.log(`   saving (after the screen shows a change), in steps between input: longest step ${ms(r.saveMax)}, median step ${ms(r.save)} (${r.saveSteps} steps for ${RUNS * 2} changes)`);
    console.log(`   one keystroke in a title until the card shows it: ${ms(r.keystroke)}`);
    console.log(`   filter by text until the board shows it: ${ms(r.filter)}`);
    console.log(`   JS heap after loading and the above (after a garbage collection): ${(r.heap / 1048576).toFixed(1)} MB`);
  }
  if (!ONLY || ONLY === "memory") {
    const n = Number(process.env.CARDS ?? 1000);
    const times = Number(process.env.SWITCHES ?? 50);
    const m = await switching(browser, server.url, n, times);
    const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
    console.log(`\n4b. Memory: two boards of ${n} cards opened in turn ${times} times in one tab (${m.per.toFixed(0)} ms per open, all cards drawn)`);
    console.log(`   JS heap after a garbage collection: ${mb(m.before.heap)} after the first visits, ${mb(m.after.heap)} after ${times} opens (${(((m.after.heap - m.before.heap) * 100) / m.before.heap).toFixed(1)} %; target within 10 %)`);
    console.log(`   wasm memory: ${mb(m.before.wasm)} after the first visits, ${mb(m.after.wasm)} after ${times} opens`);
  }
  const f = ["load", "merge", "board", "interact", "lighthouse", "memory"].includes(ONLY) ? null : await files(browser, server.url, 2000);
  if (f) {
  console.log("\n5. Files, 2000 cards");
  console.log(`   export (click to download): ${f.exportMs} ms, ${(f.bytes / 1024).toFixed(0)} KB`);
  console.log(`   import (pick to preview): ${f.importMs} ms`);
  console.log(`   localStorage write of the whole board: ${ms(f.saveMs)}`);
  console.log(`   file with per-field stamps, worked on by two people: ${(f.worked / 1024).toFixed(0)} KB against ${(f.bare / 1024).toFixed(0)} KB without stamps (+${(((f.worked - f.bare) * 100) / f.bare).toFixed(0)} %)`);
  console.log(`   and with 2 comments and 10 changes in the history of every card (exported by the app${f.kept ? "" : ", NOT all kept"}): ${(f.talked / 1024).toFixed(0)} KB (+${(((f.talked - f.worked) * 100) / f.worked).toFixed(0)} %), gzip ${(f.talkedGz / 1024).toFixed(0)} KB against ${(f.workedGz / 1024).toFixed(0)} KB`);
  console.log(`   replacing the open board with that file (pick to all cards shown): ${f.replaceMs} ms`);
  }
  if (!["load", "board", "files", "lighthouse", "memory"].includes(ONLY)) {
    const m = await merging(browser, server.url, 10000);
    console.log("\n5b. Merging a mailed copy, 10000 cards (half edited, a quarter deleted, as many added)");
    console.log(`   merge (click to summary): ${m.merge} ms; replace with the same file: ${m.replace} ms`);
  }
  const rows = await bundle();
  const own = rows.every((r) => r.made) ? "the build's .gz and .br files" : "compressed here: this build has no .gz and .br files";
  console.log(`\n6. Bytes on first load (raw / gzip / brotli; ${own})`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of rows) console.log(`   ${r.name}: ${kb(r.raw)} / ${kb(r.gz)} / ${kb(r.br)}`);
  const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
  console.log(`   total: ${kb(sum("raw"))} / ${kb(sum("gz"))} / ${kb(sum("br"))} (targets: 300 KB gzip, 250 KB brotli)`);
  if (!ONLY || ONLY === "lighthouse") {
    const served = rows.some((r) => r.made) ? (ENCODINGS ?? SERVED).join(", ") || "none" : "none (this build has none)";
    console.log(`\n7. Lighthouse, first visit (sample board), precompressed files served: ${served}`);
    const s = (x) => `${(x / 1000).toFixed(2)} s`;
    for (const [label, l] of Object.entries(await lighthouse(server.url))) {
      console.log(
        `   ${label}: performance ${l.score.toFixed(2)}; LCP ${s(l.lcp)}, TBT ${l.tbt.toFixed(0)} ms, TTI ${s(l.tti)}, ` +
          `Speed Index ${s(l.si)}, FCP ${s(l.fcp)}, CLS ${l.cls.toFixed(3)}; transfer ${kb(l.bytes)}` +
          `\n      (Lighthouse ${l.version}, benchmark index ${l.benchmark.toFixed(0)}; targets: mobile ≥ 0.95 with LCP ≤ 2.5 s, desktop ≥ 0.99)`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
