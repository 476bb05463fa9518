/** The LanceDB tables: their Arrow schemas and how rows map to our nouns (no LanceDB type leaks out). */
import { Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";
import type { Lang, Passage, PassageKind, SectionId } from "../ingest/types.ts";

export const PASSAGES_TABLE = "passages";
export const STUDIES_TABLE = "studies";

export function passagesSchema(dimension: number): Schema {
  return new Schema([
    new Field("id", new Utf8(), false),
    new Field("doc_id", new Utf8(), false),
    new Field("text", new Utf8(), false),
    new Field("section", new Utf8(), false),
    new Field("page", new Int32(), true),
    new Field("studies", new List(new Field("item", new Int32(), true)), false),
    new Field("lang", new Utf8(), false),
    new Field("kind", new Utf8(), false),
    new Field("start", new Int32(), false),
    new Field("end", new Int32(), false),
    new Field("context", new Utf8(), false),
    // Analysed, language-neutral terms (stems; lexicon phrases as Indonesian) for the full-text index: LanceDB cannot stem Indonesian.
    new Field("terms", new Utf8(), false),
    new Field("vector", new FixedSizeList(dimension, new Field("item", new Float32(), true)), false),
  ]);
}

export const studiesSchema = new Schema([
  new Field("number", new Int32(), false),
  new Field("id", new Utf8(), false),
  new Field("csl", new Utf8(), false),
  new Field("reference", new Utf8(), false),
  new Field("aliases", new Utf8(), false),
]);

/** Columns read back for a passage (never the vector). */
export const PASSAGE_COLUMNS = ["id", "doc_id", "text", "section", "page", "studies", "lang", "kind", "start", "end", "context"];

export interface PassageRow {
  id: string;
  doc_id: string;
  text: string;
  section: string;
  page: number | null;
  studies: number[];
  lang: string;
  kind: string;
  start: number;
  end: number;
  context: string;
  terms: string;
  vector: Float32Array;
}

export function toRow(passage: Passage, terms: string, vector: Float32Array): PassageRow {
  return {
    id: passage.id,
    doc_id: passage.docId,
    text: passage.text,
    section: passage.section,
    page: passage.page,
    studies: passage.studies,
    lang: passage.lang,
    kind: passage.kind,
    start: passage.start,
    end: passage.end,
    context: passage.context,
    terms,
    vector,
  };
}

/** Arrow values come back as Vectors and typed arrays; make plain values. */
export function fromRow(row: Record<string, unknown>): Passage {
  const studies = row.studies as Iterable<number> | null;
  return {
    id: String(row.id),
    docId: String(row.doc_id),
    text: String(row.text),
    section: String(row.section) as SectionId,
    page: row.page === null || row.page === undefined ? null : Number(row.page),
    studies: studies ? Array.from(studies, Number) : [],
    lang: String(row.lang) as Lang,
    kind: String(row.kind) as PassageKind,
    start: Number(row.start),
    end: Number(row.end),
    context: String(row.context ?? ""),
  };
}
