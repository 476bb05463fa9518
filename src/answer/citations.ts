/**
 * Citations: a passage plus the exact span quoted from it, its section, page and studies, and the APA
 * reference (formatted at ingest by citation-js, stored in the studies table) with the review's
 * inconsistency note when studies.json records one.
 */
import type { Passage } from "../ingest/types.ts";
import type { StudyRecord } from "../store/passage-store.ts";
import type { Citation, StudyReference } from "./types.ts";

export class ReferenceBook {
  private readonly byNumber: Map<number, StudyRecord>;
  private readonly review: StudyRecord | undefined;

  constructor(studies: StudyRecord[]) {
    this.byNumber = new Map(studies.filter((s) => s.number > 0).map((s) => [s.number, s]));
    this.review = studies.find((s) => s.number === 0);
  }

  referencesFor(studies: number[]): StudyReference[] {
    const records = studies.length > 0 ? studies.map((n) => this.byNumber.get(n)) : [this.review];
    return records
      .filter((r): r is StudyRecord => r !== undefined)
      .map((r) => ({ number: r.number, reference: r.reference, ...(r.csl.note ? { note: r.csl.note } : {}) }));
  }
}

export function makeCitation(n: number, passage: Passage, quoteStart: number, quoteEnd: number, book: ReferenceBook): Citation {
  const references = book.referencesFor(passage.studies);
  const notes = references.filter((r) => r.note && r.number > 0).map((r) => r.note as string);
  return {
    n,
    passageId: passage.id,
    quote: passage.text.slice(quoteStart, quoteEnd),
    quoteStart,
    quoteEnd,
    section: passage.section,
    page: passage.page,
    studies: passage.studies,
    reference: references.map((r) => r.reference).join("\n"),
    references,
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

/** Citation markers in a text: "[1]", "[2, 3]", "[1][4]". */
export const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

export function markersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) for (const n of m[1].split(",")) out.push(Number(n.trim()));
  return out;
}
