/**
 * A passage: a span of a document's cleaned text, the unit that is searched and cited. Table cells are
 * structure (`cells`), not labels written into the text.
 */
import type { Lang } from "./lang.ts";
import type { SectionId } from "./sections.ts";
import type { StudyField } from "./study.ts";

/**
 * prose: running text; footnote: a PDF's footnote, set apart from the text (an author note, a link, an
 * aside); table-row: a row's short cells; table-cell: one long cell; reference: a reference-list entry.
 */
export type PassageKind = "prose" | "footnote" | "table-row" | "table-cell" | "reference";

export interface Cell {
  /** The column as the table names it ("Nama Penulis"). */
  column: string;
  /** The study field the column holds, when the column vocabulary knows it. */
  field: StudyField | null;
  /** Offsets in the passage text. */
  start: number;
  end: number;
}

export interface Passage {
  id: string;
  docId: string;
  text: string;
  section: SectionId;
  /** The document's own heading for the section ("Pembahasan", "4.2 Crawler"). */
  heading: string;
  page: number | null;
  /** Numbers of the studies (of this document) the passage is about; [] for the document as a whole. */
  studies: number[];
  lang: Lang;
  kind: PassageKind;
  /** Offsets of `text` in the document's cleaned text. */
  start: number;
  end: number;
  cells: Cell[];
  /** Words indexed with the passage but not shown (a cell's study title, so "its results" find the row). */
  context: string;
}
