/**
 * The nouns of generic table parsing: a document line as the parser sees it, a table's columns, its rows
 * and cells. Kept local (not ingest/types.ts) so the parser needs nothing but lines.
 */
import { isRunningHeader } from "./clean.ts";

/** One line of a document, as extracted (blank lines allowed: they are skipped). */
export interface TableLine {
  text: string;
  /** Page number when known; a change of page between two lines is evidence of a page break in a row. */
  page: number | null;
}

/** A column of a table: its name as reconstructed from the header, and its canonical field (null if unknown). */
export interface TableColumn {
  name: string;
  field: string | null;
}

/** One cell: the column it belongs to, its rejoined text, and the indices of the source lines it used. */
export interface TableCell {
  column: string;
  field: string | null;
  text: string;
  lines: number[];
}

/** A numbered row: its number (the number column) and one cell per other column, in column order. */
export interface TableRow {
  number: number;
  cells: TableCell[];
  /** Page of the row's first line, when known. */
  page: number | null;
}

/** How the PDF text of a table came out: one column after another within a row, or line by line across columns. */
export type TableLayout = "column-major" | "row-major";

export interface ParsedTable {
  /** All the header's columns, the row number column included. */
  columns: TableColumn[];
  rows: TableRow[];
  /** Index of the table's first header line and one past its last line, in the input lines. */
  startLine: number;
  endLine: number;
  layout: TableLayout;
}

/** A line of a row after the row number is taken off: `index` is its position in the document's lines. */
export interface RowLine {
  index: number;
  text: string;
  page: number | null;
}

/** A row's lines before they are assigned to cells. */
export interface RowSpan {
  number: number;
  lines: RowLine[];
}

/** Other tables' cells for the same row number, keyed by column key (see `columnKey`): cross-table evidence. */
export type RowReferences = Map<number, Map<string, string>>;

/** How two tables' columns are matched: the canonical field when known, else the name as written. */
export function columnKey(field: string | null, name: string): string {
  return field ?? name.toLowerCase();
}

const BARE_NUMBER = /^\s*\d{1,4}\s*$/;
/** How far (in non-blank lines) a page number may sit from the running header it goes with: beside it. */
const PAGE_NUMBER_REACH = 1;

/**
 * Page furniture among the lines: a journal running header (ISSN, or volume and issue) and a bare number
 * next to one (blank lines aside). A bare number elsewhere ("2014" ending a title cell,
 * "1" of a row number "1"/"0.") is content.
 */
export function furnitureLines(lines: readonly TableLine[]): Set<number> {
  const nonBlank = lines.flatMap((l, i) => (l.text.trim() ? [i] : []));
  const out = new Set<number>();
  nonBlank.forEach((i, k) => {
    if (!isRunningHeader(lines[i].text)) return;
    out.add(i);
    for (let d = -PAGE_NUMBER_REACH; d <= PAGE_NUMBER_REACH; d++) {
      const j = nonBlank[k + d];
      if (j !== undefined && BARE_NUMBER.test(lines[j].text)) out.add(j);
    }
  });
  return out;
}
