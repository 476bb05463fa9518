/**
 * node --import tsx scripts/measure-tables.ts [--rows] [--no-cross-table]
 * Parses the shipped review's tables with the generic parser and prints, per column, the mean token F1
 * against the gold fixtures (test/fixtures/review-tables) and the share of cells with F1 >= 0.9.
 * --rows also prints each cell below the bar, parsed text against gold; --no-cross-table reads each table
 * on its own evidence only (no cells shared with the other table).
 */
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { GOOD_CELL_F1, measureReviewTables, type ColumnScore } from "../src/eval/table-f1.ts";

const showRows = process.argv.includes("--rows");
const crossTable = !process.argv.includes("--no-cross-table");
const started = performance.now();
const { study, results } = measureReviewTables(
  path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt"),
  path.join(PROJECT_ROOT, "test", "fixtures", "review-tables"),
  { crossTable },
);
const elapsed = performance.now() - started;

function print(title: string, scores: ColumnScore[]): void {
  console.log(`\n${title}`);
  console.log(`${"column".padEnd(14)} ${"field".padEnd(13)} ${"mean F1".padStart(8)} ${`share>=${GOOD_CELL_F1}`.padStart(11)}`);
  for (const s of scores) {
    console.log(`${s.gold.padEnd(14)} ${s.field.padEnd(13)} ${s.meanF1.toFixed(3).padStart(8)} ${s.shareGood.toFixed(2).padStart(11)}`);
  }
  if (!showRows) return;
  for (const s of scores) {
    for (const r of s.perRow.filter((r) => r.f1 < GOOD_CELL_F1)) {
      console.log(`\n  [${s.gold} row ${r.number}] F1 ${r.f1.toFixed(2)}\n    got:  ${r.got}\n    gold: ${r.gold}`);
    }
  }
}

print("Study table (long, column-major)", study);
print("Results table (short, row-major)", results);
console.log(`\nparsed in ${elapsed.toFixed(0)} ms`);
