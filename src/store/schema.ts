/**
 * The LanceDB tables: their Arrow schemas and how rows map to our nouns (no LanceDB type leaks out).
 * passages (vector + full-text terms), documents, studies (records as JSON) and references.
 */
import { Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";
import type { DocumentInfo } from "../domain/document.ts";
import type { Lang } from "../domain/lang.ts";
import type { Cell, Passage, PassageKind } from "../domain/passage.ts";
import type { SectionId } from "../domain/sections.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";

export const PASSAGES_TABLE = "passages";
export const DOCUMENTS_TABLE = "documents";
export const STUDIES_TABLE = "studies";
export const REFERENCES_TABLE = "references";

export function passagesSchema(dimension: number): Schema {
  return new Schema([
    new Field("id", new Utf8(), false),
    new Field("doc_id", new Utf8(), false),
    new Field("text", new Utf8(), false),
    new Field("section", new Utf8(), false),
    new Field("heading", new Utf8(), false),
    new Field("page", new Int32(), true),
    new Field("studies", new List(new Field("item", new Int32(), true)), false),
    new Field("lang", new Utf8(), false),
    new Field("kind", new Utf8(), false),
    new Field("start", new Int32(), false),
    new Field("end", new Int32(), false),
    new Field("cells", new Utf8(), false),
    new Field("context", new Utf8(), false),
    // Analysed, language-neutral terms (stems; lexicon phrases as Indonesian) for the full-text index: LanceDB cannot stem Indonesian.
    new Field("terms", new Utf8(), false),
    new Field("vector", new FixedSizeList(dimension, new Field("item", new Float32(), true)), false),
  ]);
}

/** Documents, studies and references: a key column or two and the record as JSON. */
export const documentsSchema = new Schema([new Field("id", new Utf8(), false), new Field("json", new Utf8(), false)]);
export const studiesSchema = new Schema([
  new Field("doc_id", new Utf8(), false),
  new Field("number", new Int32(), false),
  new Field("json", new Utf8(), false),
]);
export const referencesSchema = new Schema([
  new Field("doc_id", new Utf8(), false),
  new Field("index", new Int32(), false),
  new Field("json", new Utf8(), false),
]);

/** Columns read back for a passage (never the vector). */
export const PASSAGE_COLUMNS = ["id", "doc_id", "text", "section", "heading", "page", "studies", "lang", "kind", "start", "end", "cells", "context"];

export interface PassageRow {
  id: string;
  doc_id: string;
  text: string;
  section: string;
  heading: string;
  page: number | null;
  studies: number[];
  lang: string;
  kind: string;
  start: number;
  end: number;
  cells: string;
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
    heading: passage.heading,
    page: passage.page,
    studies: passage.studies,
    lang: passage.lang,
    kind: passage.kind,
    start: passage.start,
    end: passage.end,
    cells: JSON.stringify(passage.cells),
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
    heading: String(row.heading ?? ""),
    page: row.page === null || row.page === undefined ? null : Number(row.page),
    studies: studies ? Array.from(studies, Number) : [],
    lang: String(row.lang) as Lang,
    kind: String(row.kind) as PassageKind,
    start: Number(row.start),
    end: Number(row.end),
    cells: JSON.parse(String(row.cells ?? "[]")) as Cell[],
    context: String(row.context ?? ""),
  };
}

export const documentRow = (d: DocumentInfo) => ({ id: d.id, json: JSON.stringify(d) });
export const studyRow = (s: StudyRecord) => ({ doc_id: s.docId, number: s.number, json: JSON.stringify(s) });
export const referenceRow = (r: ReferenceEntry) => ({ doc_id: r.docId, index: r.index, json: JSON.stringify(r) });
