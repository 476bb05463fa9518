/**
 * Tables of a document, read generically: every header (table-header.ts), its numbered rows
 * (table-rows.ts), and each row's cells (table-cells.ts for column-major text, table-rowmajor.ts for
 * row-major text), with evidence learned from the table itself and from other tables of the document that
 * share a column (same column, same row number).
 */
import { Vocabulary } from "./clean.ts";
import { segmentColumnMajor, type Block, type RowEvidence } from "./table-cells.ts";
import { findTableHeader, isSectionHeading, type TableHeader } from "./table-header.ts";
import { countWords, learnModels, sharedRowStarts, type ColumnModel, type WordCounts } from "./table-model.ts";
import { segmentRowMajor } from "./table-rowmajor.ts";
import { splitRows } from "./table-rows.ts";
import { joinCellText, rowWords, type Word } from "./table-text.ts";
import {
  columnKey, furnitureLines, type ParsedTable, type RowSpan, type TableCell, type TableColumn, type TableLayout, type TableLine,
} from "./table-types.ts";

/** Rounds of learning a table's column models from its own segmentation (the first has none). */
const MODEL_ROUNDS = 3;
/** Rounds of re-reading tables that share columns with each other's latest cells. */
const EXCHANGE_ROUNDS = 3;
/** A last row longer than this many times the longest other row has run into the text after the table. */
const LAST_ROW_MAX_FACTOR = 2;

interface TableDraft {
  header: TableHeader;
  endLine: number;
  layout: TableLayout;
  /** The data columns (all but the row number). */
  columns: TableColumn[];
  rows: RowSpan[];
  segmented: { number: number; words: Word[]; blocks: Block[] }[];
  /** What the table's rows taught about its columns, kept from one exchange round to the next. */
  models: ColumnModel[] | null;
}

/** The last row ends at a section heading after it (one that is not a column name of this table). */
/**
 * A table ends at the first section heading among its rows ("Pembahasan", "4 Discussion") that is not one
 * of its column names: numbered lines after it are a list in the prose, not more rows. Returns the
 * heading's line index, where the table now ends.
 */
function endAtHeading(rows: RowSpan[], columns: readonly TableColumn[]): number | undefined {
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  for (const [r, row] of rows.entries()) {
    const k = row.lines.findIndex((l, i) => (r > 0 || i > 0) && isSectionHeading(l.text) && !names.has(l.text.trim().toLowerCase()));
    if (k < 0) continue;
    const at = row.lines[k].index;
    row.lines = row.lines.slice(0, k);
    rows.length = row.lines.length > 0 ? r + 1 : r;
    return at;
  }
  return undefined;
}

function trimLastRow(rows: RowSpan[], columns: readonly TableColumn[]): void {
  const last = rows.at(-1);
  if (!last) return;
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  const heading = last.lines.findIndex((l, k) => k > 0 && isSectionHeading(l.text) && !names.has(l.text.trim().toLowerCase()));
  if (heading > 0) last.lines = last.lines.slice(0, heading);
  const longest = Math.max(0, ...rows.slice(0, -1).map((r) => r.lines.length));
  if (rows.length > 1 && last.lines.length > LAST_ROW_MAX_FACTOR * longest) last.lines = last.lines.slice(0, LAST_ROW_MAX_FACTOR * longest);
}

/**
 * Column-major when the header came out a column per line (or per few lines): a header on one line means
 * the PDF text runs across the columns, so the body does too.
 */
function layoutOf(lines: readonly TableLine[], header: TableHeader): TableLayout {
  let headerLines = 0;
  for (let i = header.startLine; i < header.firstRowLine; i++) if (lines[i].text.trim()) headerLines++;
  return headerLines * 2 >= header.columns.length ? "column-major" : "row-major";
}

/** Other tables' cells for each row number, per data column of `table` (matched by column key). */
function referencesFor(table: TableDraft, others: readonly ParsedTable[]): Map<number, (string | undefined)[]> {
  const out = new Map<number, (string | undefined)[]>();
  for (const row of table.rows) {
    out.set(row.number, table.columns.map((column) => {
      const texts = others.flatMap((o) =>
        o.rows.filter((r) => r.number === row.number).flatMap((r) => r.cells.filter((c) => columnKey(c.field, c.column) === columnKey(column.field, column.name) && c.text).map((c) => c.text)),
      );
      return texts.length ? texts.join(" ") : undefined;
    }));
  }
  return out;
}

function segmentTable(table: TableDraft, vocabulary: Vocabulary, wordCounts: WordCounts, references: Map<number, (string | undefined)[]>): void {
  const fields = table.columns.map((c) => c.field);
  const segment = table.layout === "column-major" ? segmentColumnMajor : segmentRowMajor;
  let models = table.models;
  const shared = sharedRowStarts(table.rows.map((row) => rowWords(row.lines)));
  // A table read before starts from what it learned then: one more round refines it.
  const rounds = models ? 1 : MODEL_ROUNDS;
  for (let round = 0; round < rounds; round++) {
    table.segmented = table.rows.map((row, r) => {
      const evidence: RowEvidence = { vocabulary, models, references: references.get(row.number) ?? [], sharedStart: shared[r] };
      return { number: row.number, ...segment(row, fields, evidence) };
    });
    models = learnModels(table.segmented, table.columns.length, wordCounts, table.models === null && round === 0);
  }
  table.models = models;
}

/** A row's cells by its blocks: a row whose segmentation is kept from one round to the next keeps its cells. */
const rowCells = new WeakMap<readonly Block[], TableCell[]>();

/**
 * A segmented table's cells: each column's words in order, one piece per source line, rejoined.
 * `cellCache` keeps each cell already made, by table, row, column and word ranges (a cell mostly comes out
 * the same again in the next round).
 */
function toParsed(table: TableDraft, vocabulary: Vocabulary, cellCache: Map<string, TableCell>): ParsedTable {
  const rows = table.rows.map((row, r) => {
    const { words, blocks } = table.segmented[r];
    const cells = rowCells.get(blocks) ?? table.columns.map((column, c): TableCell => {
      const own = blocks.filter((b) => b.column === c);
      const key = `${table.header.startLine}:${r}:${c}:${own.map((b) => `${b.from}-${b.to}`).join(",")}`;
      const known = cellCache.get(key);
      if (known) return known;
      const pieces: string[] = [];
      const used = new Set<number>();
      let lastLine = -1;
      for (const block of own) {
        for (let w = block.from; w < block.to; w++) {
          const line = words[w].line;
          if (line !== lastLine || w === block.from) pieces.push(words[w].text);
          else pieces[pieces.length - 1] += ` ${words[w].text}`;
          lastLine = line;
          used.add(row.lines[line].index);
        }
        lastLine = -1;
      }
      const cell = { column: column.name, field: column.field, text: joinCellText(pieces, vocabulary, column.field), lines: [...used].sort((x, y) => x - y) };
      cellCache.set(key, cell);
      return cell;
    });
    rowCells.set(blocks, cells);
    return { number: row.number, cells, page: row.lines[0]?.page ?? null };
  });
  const endLine = Math.max(table.header.firstRowLine, ...table.rows.flatMap((r) => r.lines.map((l) => l.index + 1)));
  const allColumns = table.header.columns;
  return { columns: allColumns, rows, startLine: table.header.startLine, endLine: Math.min(endLine, table.endLine), layout: table.layout };
}

export interface ParseOptions {
  /** Use other tables' cells of the same column and row number as evidence (default true). */
  crossTable?: boolean;
}

/**
 * Every table in a document's lines: its columns (from the header), its numbered rows and their cells, the
 * line range it spans and how its text was laid out. Page furniture (running headers, page numbers) inside
 * a table is skipped.
 */
export function parseTables(lines: readonly TableLine[], options: ParseOptions = {}): ParsedTable[] {
  const furniture = furnitureLines(lines);
  const text = lines.filter((_, i) => !furniture.has(i)).map((l) => l.text);
  const vocabulary = new Vocabulary(text);
  const wordCounts = countWords(text);
  const headers: TableHeader[] = [];
  for (let from = 0; ; ) {
    const header = findTableHeader(lines, from);
    if (!header) break;
    headers.push(header);
    from = header.firstRowLine;
  }
  const drafts: TableDraft[] = headers.map((header, t) => {
    const columns = header.columns.filter((c) => c.field !== "number");
    const rows = splitRows(lines, header.firstRowLine, headers[t + 1]?.startLine ?? lines.length);
    const endLine = endAtHeading(rows, header.columns) ?? headers[t + 1]?.startLine ?? lines.length;
    trimLastRow(rows, header.columns);
    return { header, endLine, layout: layoutOf(lines, header), columns, rows, segmented: [], models: null };
  });
  // Tables sharing columns inform each other: each round re-reads every table with the others' latest
  // cells, column-major tables first (their cells are separated by their own evidence more reliably).
  const parsed: (ParsedTable | undefined)[] = drafts.map(() => undefined);
  const order = drafts.map((_, t) => t).sort((x, y) => Number(drafts[x].layout === "row-major") - Number(drafts[y].layout === "row-major"));
  const rounds = drafts.length > 1 && options.crossTable !== false ? EXCHANGE_ROUNDS : 1;
  const cellCache = new Map<string, TableCell>();
  for (let round = 0; round < rounds; round++) {
    for (const t of order) {
      const others = options.crossTable === false ? [] : parsed.filter((p, k): p is ParsedTable => p !== undefined && k !== t);
      segmentTable(drafts[t], vocabulary, wordCounts, referencesFor(drafts[t], others));
      parsed[t] = toParsed(drafts[t], vocabulary, cellCache);
    }
  }
  return parsed.filter((p): p is ParsedTable => p !== undefined);
}
