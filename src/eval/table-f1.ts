/**
 * Scoring parsed tables against gold cells: token F1 per cell (lower-case words, punctuation stripped,
 * counted as a multiset), averaged per column, and the share of cells at or above a bar.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseTables, type ParseOptions } from "../ingest/table-parse.ts";
import type { ParsedTable, TableLine } from "../ingest/table-types.ts";

/** A cell this close to gold counts as right in the "share" column. */
export const GOOD_CELL_F1 = 0.9;

export function cellTokens(text: string): string[] {
  return text.toLowerCase().split(/\s+/).map((t) => t.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
}

/** Token F1 of two texts; two empty texts agree fully. */
export function tokenF1(got: string, gold: string): number {
  const a = cellTokens(got);
  const b = cellTokens(gold);
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Gold rows: a number and one text per gold field. */
export type GoldRow = { number: number } & Record<string, string | number>;

export interface ColumnScore {
  /** The gold field and the parser's field it is compared with. */
  gold: string;
  field: string;
  meanF1: number;
  shareGood: number;
  perRow: { number: number; f1: number; got: string; gold: string }[];
}

/** Score one parsed table against gold rows; `fieldMap` maps gold field -> parser field. */
export function scoreTable(table: ParsedTable | undefined, gold: readonly GoldRow[], fieldMap: Record<string, string>): ColumnScore[] {
  return Object.entries(fieldMap).map(([goldField, field]) => {
    const perRow = gold.map((g) => {
      const row = table?.rows.find((r) => r.number === g.number);
      const got = row?.cells.find((c) => c.field === field)?.text ?? "";
      const want = String(g[goldField] ?? "");
      return { number: g.number, f1: tokenF1(got, want), got, gold: want };
    });
    const meanF1 = perRow.reduce((s, r) => s + r.f1, 0) / Math.max(1, perRow.length);
    const shareGood = perRow.filter((r) => r.f1 >= GOOD_CELL_F1).length / Math.max(1, perRow.length);
    return { gold: goldField, field, meanF1, shareGood, perRow };
  });
}

/** The study table's gold fields and the canonical fields of the column vocabulary they correspond to. */
export const STUDY_TABLE_FIELDS: Record<string, string> = {
  database: "database", title: "title", journal: "venue", authors: "authors", year: "year",
  method: "design", intervention: "intervention", result: "outcomes",
};
export const RESULTS_TABLE_FIELDS: Record<string, string> = { title: "title", result: "outcomes" };

/** A text file's lines for the table parser (pages unknown). */
export function textLines(file: string): TableLine[] {
  return readFileSync(file, "utf8").replace(/\r\n?/g, "\n").split("\n").map((text) => ({ text, page: null }));
}

/** Parse the shipped review and score both tables against the fixtures in `goldDir`. */
export function measureReviewTables(reviewFile: string, goldDir: string, options: ParseOptions = {}): { study: ColumnScore[]; results: ColumnScore[]; tables: ParsedTable[] } {
  const tables = parseTables(textLines(reviewFile), options);
  const read = (name: string): GoldRow[] => JSON.parse(readFileSync(path.join(goldDir, name), "utf8"));
  // Which parsed table is which: the one with the most of the gold's fields.
  const pick = (fields: string[]) =>
    [...tables].sort((x, y) => overlap(y, fields) - overlap(x, fields) || x.columns.length - y.columns.length)[0];
  const overlap = (t: ParsedTable, fields: string[]) => t.columns.filter((c) => c.field && fields.includes(c.field)).length;
  const studyTable = pick(Object.values(STUDY_TABLE_FIELDS));
  const resultsTable = tables.find((t) => t !== studyTable);
  return {
    study: scoreTable(studyTable, read("study-table.json"), STUDY_TABLE_FIELDS),
    results: scoreTable(resultsTable, read("results-table.json"), RESULTS_TABLE_FIELDS),
    tables,
  };
}
