// End-to-end: the layout on every screen the programme uses (issue 15).
// Not whether things work, but whether they can be seen: the header's
// height, the title whole, nothing in the header on top of something
// else, no page wider than the window, line names and dates never broken
// inside a word, and a screenshot of each size in tests/e2e/output/.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { axe, card, cell, LANES, open, OUT, setup, stored } from "./helpers.mjs";

setup();

/** The sizes, in CSS pixels, with the most the header may take. 200 %
 * zoom of a 1920×1080 screen: the page sees a window of half the CSS
 * pixels with two device pixels to each (browser zoom changes the CSS
 * viewport; pinch zoom, Emulation.setPageScaleFactor, would not). */
const SIZES = [
  { name: "1024x768", viewport: { width: 1024, height: 768 }, header: 72 },
  { name: "1280x720", viewport: { width: 1280, height: 720 }, header: 72 },
  { name: "1366x768", viewport: { width: 1366, height: 768 }, header: 72 },
  { name: "1536x864", viewport: { width: 1536, height: 864 }, header: 72 },
  { name: "1920x1080", viewport: { width: 1920, height: 1080 }, header: 72 },
  { name: "2560x1440", viewport: { width: 2560, height: 1440 }, header: 72 },
  { name: "zoom-200", viewport: { width: 960, height: 540 }, options: { deviceScaleFactor: 2 }, header: 72 },
  {
    name: "390x844",
    viewport: { width: 390, height: 844 },
    options: { deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    header: 130,
  },
];

const PHONE = SIZES.at(-1);

/** Everything the layout test measures, in the page. */
const measure = (page) =>
  page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const header = document.querySelector(".toolbar");
    const h1 = header.querySelector("h1");
    // The header's parts, each a box of its own.
    const parts = [
      ...header.querySelectorAll(".app-name, .programme, .nav-link, h1, .board-sub, .actions > button, .more-button"),
    ].filter(visible);
    const overlaps = [];
    for (let i = 0; i < parts.length; i += 1) {
      for (let j = i + 1; j < parts.length; j += 1) {
        const a = parts[i].getBoundingClientRect();
        const b = parts[j].getBoundingClientRect();
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) overlaps.push(`${parts[i].textContent.trim()} × ${parts[j].textContent.trim()}`);
      }
    }
    const name = (el) => el.getAttribute("aria-label") || el.textContent.trim();
    const offScreen = parts
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > innerWidth + 0.5;
      })
      .map(name);
    const cut = parts.filter((el) => el.scrollWidth > el.clientWidth + 0.5 && el.tagName === "BUTTON").map(name);
    // Each word of each line's name on one line: a range over the word
    // has one box (two when the word is split over two lines).
    const broken = [];
    for (const h2 of document.querySelectorAll(".lane-head h2")) {
      const walker = document.createTreeWalker(h2, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement.closest(".sr-only, .lane-number") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of n.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
          if (boxes.length !== 1) broken.push(`${m[0]} (${boxes.length})`);
        }
      }
    }
    // The same for the cards' titles on screen (a break after a hyphen,
    // "PvI-|shirts", is the writer's own).
    const brokenTitles = [];
    for (const t of [...document.querySelectorAll(".card-title")].filter(visible)) {
      const n = t.firstChild;
      if (n?.nodeType !== Node.TEXT_NODE) continue;
      for (const m of n.textContent.matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        if ([...range.getClientRects()].filter((r) => r.width > 0).length !== 1) brokenTitles.push(m[0]);
      }
    }
    const words = document.querySelectorAll(".lane-head h2").length;
    const dates = [...document.querySelectorAll(".card-meta .date")]
      .filter(visible)
      .filter((d) => [...d.getClientRects()].length !== 1)
      .map((d) => d.textContent);
    return {
      header: header.getBoundingClientRect().height,
      title: { text: h1.textContent, client: h1.clientWidth, scroll: h1.scrollWidth, clientH: h1.clientHeight, scrollH: h1.scrollHeight },
      overlaps,
      offScreen,
      cut,
      pageWidth: document.scrollingElement.scrollWidth,
      innerWidth,
      lanes: words,
      broken,
      brokenTitles,
      dates,
      firstCardTop: document.querySelector(".card")?.getBoundingClientRect().top,
    };
  });

describe("every screen the programme uses", () => {
  for (const size of SIZES) {
    test(`${size.name}: a compact header, the title whole, nothing overlapping, no page overflow, names unbroken`, async (t) => {
      const page = await open(t, size.viewport, size.options);
      // Nothing moves once drawn (stand-in heights of cards off screen did).
      const shift = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) sum += e.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(sum), 500);
          }),
      );
      assert.ok(shift < 0.01, `the board moved as it was drawn: layout shift ${shift.toFixed(3)}`);
      await page.screenshot({ path: `${OUT}/layout-${size.name}.png` });
      const m = await measure(page);
      t.diagnostic(
        `header ${m.header.toFixed(0)} px, title ${m.title.client}/${m.title.scroll} px wide, first card at ${m.firstCardTop?.toFixed(0)} px`,
      );
      assert.ok(m.header <= size.header, `the header is ${m.header} px tall (at most ${size.header})`);
      assert.equal(m.title.text, "Teamplan Nieuw West Zuid");
      assert.ok(m.title.client > 0, "the title has room");
      assert.ok(m.title.scroll <= m.title.client, `the title is cut: ${m.title.scroll} > ${m.title.client}`);
      assert.ok(m.title.scrollH <= m.title.clientH, "the title is not cut at the bottom either");
      assert.deepEqual(m.overlaps, [], "nothing in the header lies on something else");
      assert.deepEqual(m.offScreen, [], "every part of the header is inside the window");
      assert.deepEqual(m.cut, [], "no button's text is cut");
      assert.equal(m.innerWidth, size.viewport.width, "the window is as wide as asked (a phone does not zoom out)");
      assert.ok(m.pageWidth <= m.innerWidth, `the page is ${m.pageWidth} px wide in a ${m.innerWidth} px window`);
      assert.equal(m.lanes, 5);
      assert.deepEqual(m.broken, [], "no word of a line's name is split over two lines");
      assert.deepEqual(m.dates, [], "no date is split over two lines");
      assert.deepEqual(m.brokenTitles, [], "no word of a card's title is split");
      // Below the header, the board starts within the first screen: the
      // first card in its top half.
      assert.ok(m.firstCardTop < size.viewport.height * 0.5, `the first card starts at ${m.firstCardTop} px`);
    });
  }

  test("presenting at 1280×720 and at 200 % zoom: line names unbroken, a way out", async (t) => {
    for (const size of [SIZES[1], SIZES[6]]) {
      const page = await open(t, size.viewport, size.options);
      await page.locator(".card-open").first().focus();
      await page.keyboard.press("p");
      await page.locator(".app.presenting").waitFor();
      assert.ok(await page.getByRole("button", { name: "Presentatie verlaten" }).isVisible(), size.name);
      const m = await measure(page);
      assert.deepEqual(m.broken, [], `${size.name}: no word of a line's name is split`);
      assert.deepEqual(m.brokenTitles, [], `${size.name}: no word of a card's title is split ("Trainingsprogramma")`);
      assert.ok(m.title.scroll <= m.title.client, `${size.name}: the board's title whole`);
      assert.deepEqual(m.overlaps, [], `${size.name}: nothing in the header lies on something else`);
      assert.ok(m.pageWidth <= m.innerWidth, `${size.name}: no page overflow`);
      await page.screenshot({ path: `${OUT}/layout-presenting-${size.name}.png` });
    }
  });
});

describe("the other pages at every size", () => {
  // Jaarkalender, Overzicht and Mijn borden: no page wider than the
  // window, the header within its height, nothing in it overlapping,
  // nothing cut at the right; axe at the phone size.
  const pages = [
    { name: "kalender", suffix: "/kalender", ready: "section.calendar" },
    { name: "overzicht", suffix: "/overzicht", ready: "section.overview" },
    { name: "borden", list: true, ready: ".board-list" },
  ];
  for (const size of SIZES) {
    test(`${size.name}: Jaarkalender, Overzicht, Mijn borden fit`, async (t) => {
      const page = await open(t, size.viewport, size.options);
      const board = await page.evaluate(() => location.hash);
      for (const p of pages) {
        await page.evaluate((h) => (location.hash = h), p.list ? "#/borden" : board + p.suffix);
        await page.locator(p.ready).first().waitFor();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const m = await page.evaluate(() => {
          const header = document.querySelector(".toolbar");
          const wide = [...document.querySelectorAll("main *")]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.right <= innerWidth + 0.5) return false;
              // Inside a scroll area of its own (the calendar's table) is fine.
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX;
                if ((o === "auto" || o === "scroll") && a.getBoundingClientRect().right <= innerWidth + 0.5) return false;
              }
              return true;
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return {
            header: header?.getBoundingClientRect().height ?? 0,
            pageWidth: document.scrollingElement.scrollWidth,
            wide: [...new Set(wide)].slice(0, 5),
          };
        });
        await page.screenshot({ path: `${OUT}/layout-${size.name}-${p.name}.png` });
        assert.ok(m.header <= size.header, `${p.name}: the header is ${m.header} px tall`);
        assert.ok(m.pageWidth <= size.viewport.width, `${p.name}: the page is ${m.pageWidth} px wide`);
        assert.deepEqual(m.wide, [], `${p.name}: nothing reaches past the window's right edge`);
        if (size === PHONE) assert.deepEqual(await axe(page), [], `${p.name} at 390×844`);
      }
    });
  }
});

describe("Meer", () => {
  test("holds what does not fit; keyboard, Escape and a click outside work it", async (t) => {
    const page = await open(t, { width: 1280, height: 720 });
    const more = page.getByRole("button", { name: "Meer" });
    const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
    // Inline at this width: undo, redo, Exporteren, Presentatie; in Meer the rest.
    for (const name of ["Exporteren", "Presentatie", "Ongedaan maken (Ctrl+Z)"]) {
      assert.ok(await page.getByRole("button", { name, exact: true }).isVisible(), `${name} beside the title`);
    }
    for (const name of ["Nieuw bord", "Importeren", "Bordinstellingen"]) {
      assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, `${name} only in Meer`);
    }
    assert.equal(await more.getAttribute("aria-expanded"), "false");

    // Keyboard: Enter opens, Tab and the arrows go through, Escape closes
    // and gives the focus back.
    await more.focus();
    await page.keyboard.press("Enter");
    assert.equal(await more.getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "Nieuw bord");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "Importeren");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "Bordinstellingen");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "Nieuw bord", "round to the first");
    await page.keyboard.press("ArrowUp");
    assert.equal(await focused(), "Bordinstellingen", "and back to the last");
    await page.keyboard.press("Escape");
    assert.equal(await more.getAttribute("aria-expanded"), "false");
    assert.equal(await focused(), "Meer ▾");
    assert.equal(await page.getByRole("button", { name: "Nieuw bord" }).count(), 0, "closed");

    // ArrowDown on the button opens it on the first item.
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.activeElement?.textContent === "Nieuw bord");
    // Tab past the last item closes it.
    await page.keyboard.press("End");
    assert.equal(await focused(), "Bordinstellingen");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => document.querySelector(".more-button").getAttribute("aria-expanded") === "false");

    // A click outside closes it.
    await more.click();
    assert.ok(await page.getByRole("button", { name: "Importeren" }).isVisible());
    await page.locator(".column-head").first().click();
    assert.equal(await more.getAttribute("aria-expanded"), "false");

    // An item does what its inline button does; its dialog gives the focus
    // back to Meer.
    await more.click();
    await page.getByRole("button", { name: "Bordinstellingen" }).click();
    const settings = page.getByRole("dialog", { name: "Bordinstellingen" });
    await settings.waitFor();
    assert.equal(await more.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("Escape");
    await settings.waitFor({ state: "hidden" });
    assert.equal(await focused(), "Meer ▾");
    await more.click();
    assert.deepEqual(await axe(page), [], "open, too");
  });
});

describe("on a phone", () => {
  test("one line after another, each cell named; add, move, edit in a full-screen sheet; no shortcuts listed", async (t) => {
    const page = await open(t, PHONE.viewport, PHONE.options);
    assert.equal(await page.locator("footer.hint").isVisible(), false, "no keyboard shortcuts without a keyboard");
    assert.equal(await page.locator(".board-head").isVisible(), false);
    // Each cell names its column and line, on top while its cards scroll by.
    const bezig = cell(page, 2, "Bezig");
    assert.match(await bezig.locator(".cell-head").innerText(), /^Bezig\s+Lijn 2: Netwerk en expertise/);
    await bezig.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top + 40));
    const head = await bezig.locator(".cell-head").boundingBox();
    assert.ok(Math.abs(head.y) < 1, `the cell's names stay on top (${head.y})`);
    assert.ok(await bezig.locator(".cell-head .cell-column").isVisible());
    await page.screenshot({ path: `${OUT}/layout-390x844-scrolled.png` });
    await page.evaluate(() => scrollTo(0, 0));

    // + Kaart
    await page.getByRole("button", { name: "Kaart toevoegen aan Lijn 2, Idee" }).click();
    await page.keyboard.type("Netwerkavond");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    assert.equal(await card(page, "Netwerkavond").count(), 1);

    // Moving by a button: ⇄, then where to.
    await card(page, "Netwerkavond").locator(".card-move").click();
    const move = page.getByRole("dialog", { name: "Verplaats naar…" });
    await move.waitFor();
    await move.getByLabel("Kolom").selectOption({ label: "Bezig" });
    await move.getByRole("button", { name: "Verplaatsen" }).click();
    await move.waitFor({ state: "hidden" });
    assert.equal(await cell(page, 2, "Bezig").locator(card(page, "Netwerkavond")).count(), 1);
    const board = (await stored(page)).board;
    assert.equal(board.items.find((i) => i.title === "Netwerkavond").column, board.columns[2].id);

    // The editor fills the screen; every field inside it.
    await card(page, "Netwerkavond").locator(".card-open").click();
    const editor = page.getByRole("dialog", { name: "Kaart bewerken" });
    await editor.waitFor();
    const box = await editor.boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height].map(Math.round), [0, 0, 390, 844], "a full-screen sheet");
    const fields = await editor.locator("input, select, textarea").evaluateAll((els) =>
      els.filter((e) => e.type !== "hidden").map((e) => {
        const r = e.getBoundingClientRect();
        return r.left >= 0 && r.right <= innerWidth ? null : e.id;
      }),
    );
    assert.deepEqual(fields.filter(Boolean), [], "every field within the width");
    assert.ok(await editor.getByRole("button", { name: "Sluiten" }).isVisible(), "Sluiten in reach");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${OUT}/layout-390x844-editor.png` });
    await editor.getByRole("button", { name: "Sluiten" }).click();
    await editor.waitFor({ state: "hidden" });

    // Meer holds the rest, Exporteren too.
    await page.getByRole("button", { name: "Meer" }).click();
    for (const name of ["Nieuw bord", "Importeren", "Exporteren", "Bordinstellingen"]) {
      assert.ok(await page.getByRole("button", { name, exact: true }).isVisible(), `${name} in Meer`);
    }
    // A touch screen without a keyboard: no list of keyboard shortcuts.
    assert.ok(await page.evaluate(() => matchMedia("(hover: none) and (pointer: coarse)").matches), "a touch phone");
    assert.equal(await page.getByRole("button", { name: "Sneltoetsen ( ? )" }).count(), 0, "no shortcuts to list");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${OUT}/layout-390x844-meer.png` });
  });

  test("the filter lists behind 'Filters'; the filter in force as chips", async (t) => {
    const page = await open(t, PHONE.viewport, PHONE.options);
    const toggle = page.getByRole("button", { name: "Filters", exact: true });
    const trekker = page.getByRole("combobox", { name: "Filter op trekker" });
    const comments = page.getByRole("checkbox", { name: "Met opmerkingen" });
    const since = page.getByLabel("Gewijzigd sinds", { exact: true });
    assert.equal(await trekker.isVisible(), false, "closed at first");
    assert.equal(await comments.isVisible(), false, "closed at first");
    assert.equal(await since.isVisible(), false, "closed at first");
    assert.equal(await page.locator(".match-count").isVisible(), false, "no count while nothing is filtered");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.ok((await comments.isVisible()) && (await since.isVisible()), "all filters behind Filters");
    await page.screenshot({ path: `${OUT}/layout-390x844-filters-open.png` });
    await trekker.selectOption("Kerngroep");
    assert.match(await page.locator(".match-count").innerText(), /^\d+ van 11 kaarten$/);
    const chip = page.getByRole("button", { name: /Kerngroep/ }).first();
    assert.ok(await chip.isVisible());
    await toggle.click();
    assert.equal(await trekker.isVisible(), false, "closed again");
    assert.ok(await page.locator(".match-count").isVisible(), "the filter in force still shows");
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: `${OUT}/layout-390x844-filtered.png` });
    const m = await measure(page);
    assert.ok(m.pageWidth <= m.innerWidth);
  });

  test("axe finds nothing on the board at 390×844", async (t) => {
    const page = await open(t, PHONE.viewport, PHONE.options);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(LANES.length, 5);
  });
});
