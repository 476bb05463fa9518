/**
 * Passages from the tables a PDF's layout holds (pdf/tables/read-tables.ts). Each body row becomes one
 * "table-row" passage whose text is the row's cells in reading order separated by spaces, so the row is
 * quotable as one line ("PaSa-7b 0.7071 0.5146 0.6111"), with each cell named by its column. The caption
 * and the column names ride along as unseen context, so "the recall of PaSa-7b" finds the row. A table's
 * passages go into the section where the table stands in the reading order.
 */
import type { Cell } from "../domain/passage.ts";
import type { Draft } from "./drafts.ts";
import type { PdfTable } from "./pdf/types.ts";
import type { Segment } from "./sections.ts";
import { hardSplit } from "./table-passages.ts";
import type { RawDocument } from "./types.ts";
import { definitionLinesFor } from "../text/symbols.ts";

/** Joins a caption's lines into running text (line-end hyphens repaired). */
export type JoinLines = (lines: string[]) => string;

/** A caption's title is cut at a word under this many characters. */
const MAX_TITLE_CHARS = 120;

/**
 * A caption's label and first sentence: "Table 2: Statistics of AutoScholarQuery." (the rest explains).
 *
 * @example captionTitle("Figure 13. Detailed statistics for the benchmark set. Three are not traced.") // "Figure 13. Detailed statistics for the benchmark set."
 */
export function captionTitle(caption: string): string {
  const label = /^\S+\s*[\w.]*\d[\w.]*\s*[.:|—–-]?\s*/.exec(caption)?.[0] ?? "";
  const rest = caption.slice(label.length);
  const end = /[.!?](?=\s|$)/.exec(rest);
  const title = label + (end ? rest.slice(0, end.index + 1) : rest);
  if (title.length <= MAX_TITLE_CHARS) return title.trim();
  const cut = title.lastIndexOf(" ", MAX_TITLE_CHARS);
  return `${title.slice(0, cut > 0 ? cut : MAX_TITLE_CHARS)}…`;
}

/**
 * The drafts of one table's rows. A row longer than `maxChars` is cut between cells; a single cell that
 * long becomes pieces of its own ("table-cell"), carrying the row's first cell as context.
 *
 * @example tableRowDrafts(table, base, join, 700)[0].text // "Google - - - 0.2015 0.1891 0.1568"
 */
export function tableRowDrafts(table: PdfTable, base: Pick<Draft, "section" | "heading">, join: JoinLines, maxChars: number): Draft[] {
  const caption = table.caption.length > 0 ? join(table.caption) : "";
  const heading = caption ? captionTitle(caption) : base.heading;
  const names = table.columns.filter(Boolean).join(" | ");
  const context = [caption, names].filter(Boolean).join("\n");
  const common = { section: base.section, heading, page: table.page, studies: [], continues: false };
  const drafts: Draft[] = [];
  for (const row of table.rows) {
    const cells = row.flatMap((text, c) => (text ? [{ text, column: table.columns[c] ?? "" }] : []));
    let text = "";
    let spans: Cell[] = [];
    const close = () => {
      if (text) drafts.push({ ...common, text, kind: "table-row", cells: spans, context });
      text = "";
      spans = [];
    };
    for (const cell of cells) {
      if (cell.text.length > maxChars) {
        close();
        for (const piece of hardSplit(cell.text, maxChars)) {
          drafts.push({ ...common, text: piece, kind: "table-cell", cells: [{ column: cell.column, field: null, start: 0, end: piece.length }], context: [cells[0].text, context].join("\n") });
        }
        continue;
      }
      if (text && text.length + 1 + cell.text.length > maxChars) close();
      if (text) text += " ";
      spans.push({ column: cell.column, field: null, start: text.length, end: text.length + cell.text.length });
      text += cell.text;
    }
    close();
  }
  return drafts;
}

/**
 * Where each table goes: the segment holding the line read just before the table (line numbers count the
 * loaded pages' lines, as extractLines does), or the first segment after it when none comes before. A
 * table among the reference list belongs to the section before the list.
 */
export function tableSegments(raw: RawDocument, segments: readonly Segment[]): { table: PdfTable; segment: number }[] {
  if (!raw.layout || segments.length === 0) return [];
  const segmentOfLine = new Map<number, number>();
  segments.forEach((s, i) => s.lines.forEach((l) => segmentOfLine.set(l.lineNo, i)));
  const numbers = [...segmentOfLine.keys()].sort((a, b) => a - b);
  const out: { table: PdfTable; segment: number }[] = [];
  let before = 0;
  raw.layout.pages.forEach((page, p) => {
    for (const table of page.tables) {
      const lineNo = before + table.firstLine + 1;
      const previous = numbers.filter((n) => n < lineNo).at(-1);
      const next = numbers.find((n) => n > lineNo);
      let segment = segmentOfLine.get(previous ?? next ?? numbers[0]) ?? 0;
      while (segment > 0 && segments[segment].kind === "references") segment--;
      out.push({ table, segment });
    }
    before += raw.pages[p]?.lines?.length ?? 0;
  });
  return out;
}

/**
 * The table passages of a laid-out PDF, by the index of the segment they go into.
 *
 * @example pdfTableDrafts(raw, segments, join, 700).get(12)?.map((d) => d.text) // ["0.5 0.7227 175.9", ...]
 */
export function pdfTableDrafts(raw: RawDocument, segments: readonly Segment[], join: JoinLines, maxChars: number): Map<number, Draft[]> {
  const out = new Map<number, Draft[]>();
  for (const { table, segment } of tableSegments(raw, segments)) {
    const drafts = tableRowDrafts(table, segments[segment], join, maxChars);
    out.set(segment, [...(out.get(segment) ?? []), ...drafts]);
  }
  return out;
}

/**
 * Table-row drafts whose first cell names a symbol the prose defines (`definitions`, from
 * symbolDefinitions), with the definition added to their context; other drafts as they were.
 */
export function withSymbolDefinitions(drafts: readonly Draft[], definitions: ReadonlyMap<string, string>): Draft[] {
  if (definitions.size === 0) return [...drafts];
  return drafts.map((d) => {
    if (d.kind !== "table-row" || d.cells.length === 0) return d;
    const lines = definitionLinesFor(d.text.slice(d.cells[0].start, d.cells[0].end), definitions);
    return lines.length === 0 ? d : { ...d, context: [d.context, ...lines].filter(Boolean).join("\n") };
  });
}
