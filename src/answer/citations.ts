/**
 * Citations: a passage plus the exact span quoted from it, its document, section, page and source studies,
 * with their references (APA, formatted at ingest) and the document's inconsistency notes. The builder
 * numbers citations as an answer is composed: citing the same span twice gives the same number.
 */
import type { Citation, SourceReference } from "../domain/citation.ts";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import { findCitations } from "../text/in-text-citations.ts";

export class ReferenceBook {
  private readonly records = new Map<string, StudyRecord>();
  private readonly documents = new Map<string, DocumentInfo>();
  private readonly entries = new Map<string, ReferenceEntry[]>();

  constructor(documents: DocumentInfo[], studies: StudyRecord[], references: ReferenceEntry[] = []) {
    for (const d of documents) this.documents.set(d.id, d);
    for (const s of studies) this.records.set(`${s.docId}#${s.number}`, s);
    for (const r of references) {
      const list = this.entries.get(r.docId);
      if (list) list.push(r);
      else this.entries.set(r.docId, [r]);
    }
  }

  /**
   * The source studies of a quoted span. A review's passage speaks of its studies by name, and the whole
   * passage is theirs. A paper's sources are the entries its sentences cite: a quote has those it cites
   * itself ("... Qwen2.5 (Yang et al., 2024)"), not those of another sentence of its passage.
   */
  sourcesOf(passage: Passage, start: number, end: number): number[] {
    if (passage.studies.length === 0 || this.documents.get(passage.docId)?.kind !== "paper") return passage.studies;
    const entries = this.entries.get(passage.docId) ?? [];
    if (entries.length === 0) return passage.studies;
    const cited = new Set(findCitations(passage.text.slice(start, end), entries).flatMap((c) => c.entries));
    return passage.studies.filter((n) => cited.has(n));
  }

  record(docId: string, number: number): StudyRecord | undefined {
    return this.records.get(`${docId}#${number}`);
  }

  document(docId: string): DocumentInfo | undefined {
    return this.documents.get(docId);
  }

  referencesFor(docId: string, studies: number[]): SourceReference[] {
    if (studies.length === 0) {
      const d = this.documents.get(docId);
      return d ? [{ number: 0, reference: documentReference(d) }] : [];
    }
    return studies
      .map((n) => this.record(docId, n))
      .filter((r): r is StudyRecord => r !== undefined)
      .map((r) => ({ number: r.number, reference: r.reference, ...(r.note ? { note: r.note } : {}) }));
  }
}

/** A document's own reference: "Authors (year). Title. Venue." from its identity. */
export function documentReference(d: DocumentInfo): string {
  const authors = d.authors.length > 0 ? `${d.authors.join(", ")} ` : "";
  const year = d.year ? `(${d.year}). ` : "";
  return `${authors}${year}${d.title}.${d.venue ? ` ${d.venue}.` : ""}`.trim();
}

export function makeCitation(n: number, passage: Passage, quoteStart: number, quoteEnd: number, book: ReferenceBook): Citation {
  const studies = book.sourcesOf(passage, quoteStart, quoteEnd);
  const references = book.referencesFor(passage.docId, studies);
  const notes = references.filter((r) => r.note).map((r) => r.note as string);
  return {
    n,
    passageId: passage.id,
    docId: passage.docId,
    document: book.document(passage.docId)?.short ?? passage.docId,
    quote: passage.text.slice(quoteStart, quoteEnd),
    quoteStart,
    quoteEnd,
    section: passage.section,
    heading: passage.heading,
    page: passage.page,
    studies,
    reference: references.map((r) => r.reference).join("\n"),
    references,
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

/** Numbers citations in the order they are first used; the same span cited twice keeps its number. */
export class CitationList {
  readonly citations: Citation[] = [];
  constructor(private readonly book: ReferenceBook) {}

  cite(passage: Passage, start: number, end: number): number {
    const existing = this.citations.find((c) => c.passageId === passage.id && c.quoteStart === start && c.quoteEnd === end);
    if (existing) return existing.n;
    const n = this.citations.length + 1;
    this.citations.push(makeCitation(n, passage, start, end, this.book));
    return n;
  }

  /** Forget the citations made after `count` were: those of an answer composed and then not given. */
  rollback(count: number): void {
    this.citations.length = Math.min(this.citations.length, count);
  }
}

/** Citation markers in a text: "[1]", "[2, 3]", "[1][4]". */
export const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

export function markersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MARKER)) for (const n of m[1].split(",")) out.push(Number(n.trim()));
  return out;
}
