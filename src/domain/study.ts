/**
 * A study the document summarises or cites: a row of its included-studies table or an entry of its
 * reference list, numbered per document. Every field value carries where it was read from, so anything
 * said about it can be cited; where the source contradicts itself, both values are kept.
 */
export const STUDY_FIELDS = [
  "title", "authors", "year", "venue", "database", "design", "country", "setting", "population", "language",
  "intervention", "outcomes", "recommendations", "theory", "aim",
] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];

/** Fields whose values a distribution can be made of ("which countries were studied?"). */
export const AGGREGATABLE_FIELDS: readonly StudyField[] = ["country", "design", "population", "database", "language", "year", "venue"];

/** Fields whose values are normalised to vocabulary keys (and translated in answers). */
export const CATEGORICAL_FIELDS: readonly StudyField[] = ["design", "country", "population", "database", "language"];

export interface FieldValue {
  /** The value as the document writes it (verbatim). */
  text: string;
  /** Normalised vocabulary keys ("qualitative", "ID", "adolescents"); [] for free text. */
  keys: string[];
  passageId: string;
  /** Offsets of `text` in the passage's text. */
  start: number;
  end: number;
  /** Where it was read: a table cell, the in-text citation in a cell, or the prose. */
  source: "table" | "citation" | "text";
}

export interface StudyRecord {
  docId: string;
  number: number;
  /**
   * "study": a row of the document's included-studies table (what questions about "the studies" mean);
   * "reference": an entry of its reference list (a source its passages cite).
   */
  kind: "study" | "reference";
  fields: Partial<Record<StudyField, FieldValue[]>>;
  /** The in-text citation the document uses for it ("Rafferty, 2018"), when it gives one. */
  citation: string | null;
  /** APA reference (formatted by citation-js from the record, or the reference-list entry's text). */
  reference: string;
  /** Names the prose may use for it: programs, places, acronyms, surnames (derived, never hand-written). */
  aliases: string[];
  /** Fields with contradicting values (e.g. the year column vs. the in-text citation). */
  conflicts: StudyField[];
  /** A note on the contradictions, for the reader. */
  note?: string;
}

export const valuesOf = (record: StudyRecord, field: StudyField): FieldValue[] => record.fields[field] ?? [];

/** The values the study's own table or text gives; those the review only cites it with when it gives none. */
export function ownValuesOf(record: StudyRecord, field: StudyField): FieldValue[] {
  const all = valuesOf(record, field);
  const own = all.filter((v) => v.source !== "citation");
  return own.length > 0 ? own : all;
}

/** The first value of a field, or undefined. */
export const firstValue = (record: StudyRecord, field: StudyField): FieldValue | undefined => record.fields[field]?.[0];

export interface ReferenceEntry {
  docId: string;
  /** 1-based position in the reference list. */
  index: number;
  /** The entry's own label ("[12]", "12."), when numbered. */
  label: string | null;
  raw: string;
  /** Family names, first author first. */
  authors: string[];
  year: number | null;
  title: string | null;
  venue: string | null;
  doi: string | null;
  passageId: string;
}
