/**
 * A passage before it has an id and offsets: what each segment kind (prose, table, references) produces
 * and passages.ts assembles into the document's text.
 */
import type { PassageKind, Cell } from "../domain/passage.ts";
import type { SectionId } from "../domain/sections.ts";

export interface CellRef {
  /** Study number (the table row). */
  row: number;
  column: string;
  field: Cell["field"];
  /** Offsets in the draft's text. */
  start: number;
  end: number;
}

export interface Draft {
  text: string;
  section: SectionId;
  heading: string;
  page: number | null;
  studies: number[];
  kind: PassageKind;
  cells: Cell[];
  context: string;
  /** Joined to the previous draft with a space (same paragraph) instead of a blank line. */
  continues: boolean;
  /** Table cells this draft holds (for study records). */
  cellRefs?: CellRef[];
  /** Reference-list entry index this draft is. */
  referenceIndex?: number;
}
