/**
 * The sources of the library as CSL-JSON, for reference export: each document, and each study or
 * reference it lists. A study's record gives title, authors, year and venue (read from the document, or
 * from corpus/studies.json when it enriches that document); its `note` carries the document's own
 * inconsistencies about it ("the year column gives 2019, but the review cites 2020").
 */
import type { Config } from "../config.ts";
import type { DocumentInfo } from "../domain/document.ts";
import type { StudyRecord } from "../domain/study.ts";
import { recordCsl } from "../ingest/references.ts";
import { cslOnly, readStudiesJson, type StudiesJson } from "../ingest/studies-json.ts";

export type Csl = Record<string, unknown>;

/** A source: a document (number undefined) or one of its studies. */
export interface SourceRef {
  docId: string;
  number?: number;
}

const slug = (text: string) => text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "doc";

function documentCsl(doc: DocumentInfo, enrichment: Csl | undefined): Csl {
  const base: Csl = {
    id: slug(doc.short),
    type: "article-journal",
    title: doc.title,
    ...(doc.authors.length > 0 ? { author: doc.authors.map((a) => nameOf(a)) } : {}),
    ...(doc.year ? { issued: { "date-parts": [[doc.year]] } } : {}),
    ...(doc.venue ? { "container-title": doc.venue } : {}),
    ...(doc.doi ? { DOI: doc.doi } : {}),
    language: doc.lang,
  };
  const merged = enrichment ? { ...base, ...cslOnly(enrichment as Parameters<typeof cslOnly>[0]), id: base.id } : base;
  const note = typeof enrichment?.note === "string" ? enrichment.note : undefined;
  return note ? { ...merged, note } : merged;
}

function nameOf(name: string): { given?: string; family: string } | { literal: string } {
  const words = name.trim().split(/\s+/);
  return words.length === 1 ? { literal: words[0] } : { given: words.slice(0, -1).join(" "), family: words.at(-1)! };
}

/** The document corpus/studies.json enriches: the one it names, else the only review (as ingest decides). */
function enrichedDoc(json: StudiesJson | undefined, documents: DocumentInfo[]): string | undefined {
  if (!json) return undefined;
  const named = json.document?.document;
  if (named) return documents.find((d) => d.id === named || d.id.endsWith(`/${named}`))?.id;
  const reviews = documents.filter((d) => d.kind === "review");
  return reviews.length === 1 ? reviews[0].id : undefined;
}

export class CslSources {
  private readonly json: StudiesJson | undefined;
  private readonly enriched: string | undefined;

  constructor(
    private readonly documents: DocumentInfo[],
    private readonly studies: StudyRecord[],
    config: Pick<Config, "corpusDir">,
  ) {
    let json: StudiesJson | undefined;
    try {
      json = readStudiesJson(config.corpusDir);
    } catch {
      json = undefined; // a malformed file was already reported by the ingest; export from the records
    }
    this.json = json;
    this.enriched = enrichedDoc(json, documents);
  }

  /** Every source: each document, then its studies (and reference-list entries) in order. */
  all(): SourceRef[] {
    return this.documents.flatMap((d) => [{ docId: d.id }, ...this.studies.filter((s) => s.docId === d.id).map((s) => ({ docId: d.id, number: s.number }))]);
  }

  /** CSL-JSON of the sources that exist (unknown ones are left out), each once, in the order given. */
  csl(refs: SourceRef[]): Csl[] {
    const seen = new Set<string>();
    const out: Csl[] = [];
    for (const ref of refs) {
      const key = `${ref.docId}#${ref.number ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const item = this.one(ref);
      if (item) out.push(item);
    }
    return out;
  }

  private one(ref: SourceRef): Csl | undefined {
    const doc = this.documents.find((d) => d.id === ref.docId);
    if (!doc) return undefined;
    const enrich = this.enriched === doc.id ? this.json : undefined;
    if (ref.number === undefined) return documentCsl(doc, enrich?.document as Csl | undefined);
    const record = this.studies.find((s) => s.docId === doc.id && s.number === ref.number);
    if (!record) return undefined;
    const extra = enrich?.studies.get(record.number);
    const csl: Csl = extra ? cslOnly(extra) : recordCsl(record);
    const kind = record.kind === "study" ? "s" : "r";
    return {
      ...csl,
      // RIS keeps 20 characters of an id.
      id: `${slug(doc.short).slice(0, 14)}-${kind}${record.number}`,
      ...(record.note ? { note: record.note.replace(/\s+/g, " ") } : {}),
    };
  }
}
