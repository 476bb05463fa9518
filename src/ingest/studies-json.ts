/**
 * Optional enrichment: corpus/studies.json, CSL-JSON records for a document and the studies it
 * summarises (numbered as in its table). It may add metadata (authors, venue, DOI, a note on the
 * document's own inconsistencies) for formatting references; it never supplies passage text, and ingest
 * works without it. The record with no `number` describes the document itself; its `document` field names
 * the file it enriches (else the corpus's one document with an included-studies table).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";

const Name = z.union([
  z.object({ family: z.string().min(1), given: z.string().optional() }),
  z.object({ literal: z.string().min(1) }),
]);

const Record = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    number: z.number().int().min(1).max(999).optional(),
    document: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    author: z.array(Name).optional(),
    issued: z.object({ "date-parts": z.array(z.array(z.number().int())) }).optional(),
    "container-title": z.string().min(1).optional(),
    note: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();

export type CslRecord = z.infer<typeof Record>;

export interface StudiesJson {
  file: string;
  document?: CslRecord;
  studies: Map<number, CslRecord>;
}

export const STUDIES_JSON = "studies.json";

/** The line of a character offset (for error messages). */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** Read corpus/studies.json when present; undefined when there is none. A malformed file is an error naming file and line. */
export function readStudiesJson(corpusDir: string): StudiesJson | undefined {
  const file = path.join(corpusDir, STUDIES_JSON);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new DataFileError(file, at ? lineOf(text, Number(at)) : undefined, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = z.array(Record).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, undefined, `record ${issue.path.join(".")}: ${issue.message}`);
  }
  const studies = new Map<number, CslRecord>();
  for (const record of parsed.data) if (record.number !== undefined) studies.set(record.number, record);
  return { file, document: parsed.data.find((r) => r.number === undefined), studies };
}

/** CSL fields only (our extras would print: "number" as "Article 6"). */
const NOT_CSL = new Set(["number", "document", "database", "method", "citedAs", "note"]);
export function cslOnly(record: CslRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_CSL.has(key)));
}
