/**
 * Scoring tables read from a PDF against hand-labelled gold (test/fixtures/pdf-tables). Pure functions,
 * shared by scripts/measure-pdf-tables.ts and the tests. A cell is right when its text equals the gold's
 * after whitespace normalisation, in the right row and column. Rows are paired in order, the pairing that
 * matches most cells (an extra or missing row costs that row, not every row after it); columns by index.
 */
import { prf, type PRF } from "../../references/score.ts";
import type { PdfTable } from "../types.ts";

export interface GoldTable {
  pdf: string;
  page: number;
  /** How the caption starts ("Table 5:", "Figure 13."). */
  caption: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

export interface TableScore {
  /** Body cells. */
  cells: PRF;
  /** Column names. */
  header: PRF;
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const filled = (cells: readonly string[]) => cells.filter((c) => normalize(c)).length;

/**
 * The table read on the gold's page whose caption starts like the gold's.
 *
 * @example findGoldTable(layout.pages.flatMap((p) => p.tables), gold)?.caption[0] // "Table 5: Results on AutoScholarQuery test set."
 */
export function findGoldTable(tables: readonly PdfTable[], gold: GoldTable): PdfTable | undefined {
  return tables.find((t) => t.page === gold.page && normalize(t.caption.join(" ")).startsWith(normalize(gold.caption)));
}

/** Cells of two rows that agree, column by column. */
function rowMatches(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (let c = 0; c < Math.min(a.length, b.length); c++) if (normalize(a[c]) && normalize(a[c]) === normalize(b[c])) n++;
  return n;
}

/** Most cells matched by pairing predicted rows with gold rows in order (each row used once). */
function alignedMatches(predicted: readonly string[][], gold: readonly string[][]): number {
  const best: number[][] = Array.from({ length: predicted.length + 1 }, () => new Array<number>(gold.length + 1).fill(0));
  for (let i = 1; i <= predicted.length; i++) {
    for (let j = 1; j <= gold.length; j++) {
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + rowMatches(predicted[i - 1], gold[j - 1]));
    }
  }
  return best[predicted.length][gold.length];
}

/**
 * Cell and column-name precision, recall and F1 of one table (a table not found scores 0 recall).
 *
 * @example scoreTable(found, gold).cells.f1 // 1
 */
export function scoreTable(predicted: PdfTable | undefined, gold: GoldTable): TableScore {
  const rows = predicted?.rows ?? [];
  const columns = predicted?.columns ?? [];
  return {
    cells: prf(alignedMatches(rows, gold.rows), rows.reduce((n, r) => n + filled(r), 0), gold.rows.reduce((n, r) => n + filled(r), 0)),
    header: prf(rowMatches(columns, gold.columns), filled(columns), filled(gold.columns)),
  };
}
