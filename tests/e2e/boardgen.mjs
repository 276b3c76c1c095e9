// Builds board files for tests: a realistic board of N cards spread over
// the five lines and four columns.
import { randomUUID } from "node:crypto";

const TITLES = [
  "Kick-off dag met het hele team",
  "Dialoogsessie met de moskee",
  "Netwerkagenten trainen",
  "Sleutelfiguren in de wijk benaderen",
  "Open dag op het bureau",
  "Training professioneel controleren",
  "Leiderschapstraject OPCO's",
  "Werving met de buurtvereniging",
  "Voortgang rapporteren aan EL-EMT",
  "Debat over etnisch profileren",
  "Wijkscan per cluster",
  "Intervisie over bejegening",
];
const TREKKERS = ["Kerngroep", "OE", "OPCO", "Wijkagenten", "Teamleiding"];

/** A board file (as exported) with `n` cards, from a base file's board. */
export function boardWith(base, n, title = "Workshopbord") {
  const board = structuredClone(base.board);
  board.id = randomUUID();
  board.title = title;
  board.tombstones = [];
  const columns = board.columns.map((c) => c.id);
  const now = new Date().toISOString();
  // Uneven like a real board: more ideas and planned work than done.
  const weights = [3, 3, 1, 1];
  const slots = [];
  for (let line = 1; line <= 5; line += 1) {
    weights.forEach((w, c) => {
      for (let k = 0; k < w; k += 1) slots.push([line, c]);
    });
  }
  board.items = Array.from({ length: n }, (_, i) => {
    const [line, c] = slots[i % slots.length];
    return {
      id: randomUUID(),
      title: TITLES[i % TITLES.length],
      notes: "",
      trekker: TREKKERS[i % TREKKERS.length],
      team: board.team,
      start: null,
      end: null,
      scope: i % 3 === 0 ? "extern" : "intern",
      tags: [],
      line,
      column: columns[c],
      rank: i,
      created: now,
      updated: now,
    };
  });
  return { ...base, board };
}
