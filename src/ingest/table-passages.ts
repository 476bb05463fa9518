/**
 * Passages from an included-studies table. A row's short cells (title, authors, year, venue, database,
 * design...) become one passage, one cell per line, with the cells as structure; each long cell
 * (intervention, outcomes...) becomes passages of its own, cut at sentence ends, carrying the row's
 * title as unseen context so "the mentor program's results" finds them.
 */
import type { StudyField } from "../domain/study.ts";
import { STUDY_FIELDS } from "../domain/study.ts";
import { splitSentences } from "../text/sentences.ts";
import type { Draft } from "./drafts.ts";
import type { Segment } from "./sections.ts";
import type { ParsedTable } from "./table-types.ts";

/** A cell longer than this is a passage of its own (a row passage stays quotable). */
export const LONG_CELL_CHARS = 160;
/** Fields that always stay in the row passage, however long (they identify the study). */
const ROW_FIELDS: ReadonlySet<string> = new Set(["title", "authors", "year", "venue", "database", "design", "country", "population"]);

const asField = (field: string | null): StudyField | null => (field && (STUDY_FIELDS as readonly string[]).includes(field) ? (field as StudyField) : null);

/** Split a long cell into pieces of whole sentences, each under maxChars where a sentence allows. */
export function cellPieces(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const span of splitSentences(text)) {
    const sentence = text.slice(span.start, span.end);
    if (current && current.length + sentence.length + 1 > maxChars) {
      pieces.push(current);
      current = "";
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) pieces.push(current);
  return pieces.flatMap((p) => hardSplit(p, maxChars));
}

/** Text with no sentence breaks is cut at spaces (or anywhere), so no passage exceeds the cap. */
export function hardSplit(text: string, maxChars: number): string[] {
  if (text.length <= maxChars * 1.5) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(" ", maxChars);
    const at = cut > maxChars / 2 ? cut : maxChars;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export function tableDrafts(segment: Segment, table: ParsedTable, maxChars: number): Draft[] {
  const drafts: Draft[] = [];
  const heading = table.columns.map((c) => c.name).join(" | ");
  for (const row of table.rows) {
    const title = row.cells.find((c) => c.field === "title")?.text ?? "";
    const base = { section: segment.section, heading, page: row.page, studies: [row.number], continues: false };
    const short = row.cells.filter((c) => c.text && (ROW_FIELDS.has(c.field ?? "") || c.text.length <= LONG_CELL_CHARS));
    const long = row.cells.filter((c) => c.text && !short.includes(c));
    if (short.length > 0) {
      let text = "";
      const cells: Draft["cells"] = [];
      for (const cell of short) {
        if (text) text += "\n";
        cells.push({ column: cell.column, field: asField(cell.field), start: text.length, end: text.length + cell.text.length });
        text += cell.text;
      }
      drafts.push({ ...base, text, kind: "table-row", cells, context: "", cellRefs: cells.map((c) => ({ row: row.number, ...c })) });
    }
    for (const cell of long) {
      for (const piece of cellPieces(cell.text, maxChars)) {
        const cells = [{ column: cell.column, field: asField(cell.field), start: 0, end: piece.length }];
        drafts.push({ ...base, text: piece, kind: "table-cell", cells, context: title, cellRefs: [{ row: row.number, ...cells[0] }] });
      }
    }
  }
  return drafts;
}

/** An included-studies table: numbered rows with a title column and at least one other study field. */
export function isStudyTable(table: ParsedTable): boolean {
  const fields = new Set(table.columns.map((c) => c.field));
  return table.rows.length >= 2 && fields.has("title") && ["authors", "year", "venue", "design", "outcomes", "intervention", "country", "population"].some((f) => fields.has(f));
}
