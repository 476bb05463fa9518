/**
 * Measure the tables read from the fixture PDFs against hand-labelled gold (test/fixtures/pdf-tables):
 * per table, cell and column-name precision, recall and F1 (a cell is right when its text equals the
 * gold's after whitespace normalisation, in the right row and column); then every table each PDF gave.
 *
 *   npx tsx scripts/measure-pdf-tables.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readPdfLayout } from "../src/ingest/pdf/read-layout.ts";
import { findGoldTable, scoreTable, type GoldTable } from "../src/ingest/pdf/tables/score.ts";
import type { PdfTable } from "../src/ingest/pdf/types.ts";
import { prf, type PRF } from "../src/ingest/references/score.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PDFS = path.join(ROOT, "test/fixtures/pdfs");
const GOLD = path.join(ROOT, "test/fixtures/pdf-tables");

const golds = readdirSync(GOLD)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ file: f, gold: JSON.parse(readFileSync(path.join(GOLD, f), "utf8")) as GoldTable }));
const tablesOf = new Map<string, PdfTable[]>();
for (const pdf of new Set(golds.map((g) => g.gold.pdf))) {
  const layout = await readPdfLayout(readFileSync(path.join(PDFS, pdf)));
  tablesOf.set(pdf, layout.pages.flatMap((p) => p.tables));
}

const pct = (n: number) => n.toFixed(3);
const show = (s: PRF) => `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (${s.truePositives}/${s.predicted} predicted, ${s.gold} gold)`;
const totals = { cells: { tp: 0, predicted: 0, gold: 0 }, header: { tp: 0, predicted: 0, gold: 0 } };
const add = (sum: { tp: number; predicted: number; gold: number }, s: PRF) => {
  sum.tp += s.truePositives;
  sum.predicted += s.predicted;
  sum.gold += s.gold;
};

console.log("== Tables against gold: body cells and column names");
for (const { file, gold } of golds) {
  const found = findGoldTable(tablesOf.get(gold.pdf) ?? [], gold);
  const score = scoreTable(found, gold);
  add(totals.cells, score.cells);
  add(totals.header, score.header);
  console.log(`${file.padEnd(28)} ${found ? "found    " : "NOT FOUND"} cells ${show(score.cells)} | columns ${show(score.header)}`);
}
const all = (s: { tp: number; predicted: number; gold: number }) => prf(s.tp, s.predicted, s.gold);
console.log(`${"all".padEnd(28)}          cells ${show(all(totals.cells))} | columns ${show(all(totals.header))}`);

console.log("\n== Every table read (page, columns x rows, caption)");
for (const [pdf, tables] of tablesOf) {
  console.log(`${pdf}: ${tables.length} tables`);
  for (const t of tables) console.log(`  p${String(t.page).padEnd(3)} ${t.columns.length} x ${String(t.rows.length).padEnd(3)} ${t.caption[0] ?? "(no caption)"}`);
}
