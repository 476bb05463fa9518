/**
 * retrieve(): the retrieval stage's one entry point. A conversation's last question, read against the
 * previous turn, searched with the filters it implies (documents and studies it names, sections asked
 * for), hybrid vector + full-text.
 *
 * @example const hits = await retrieve(store, embedder, { text: "Who funds MLMC?", canonical }, { k: 6 });
 */
import type { Embedder } from "../embed/embedder.ts";
import type { Passage } from "../domain/passage.ts";
import type { PassageStore } from "../store/passage-store.ts";
import { analyze } from "../text/analyze.ts";
import { withCognates } from "../text/cognate.ts";
import { searchPassages, type ScoredPassage } from "./search.ts";
import type { StudyRef } from "./question.ts";

export interface RetrieveOptions {
  k: number;
  studies?: StudyRef[];
  docs?: string[];
  sections?: string[];
  vectorWeight?: number;
  /** With several documents: the best `k` of each, in the order given ("Both PaSa and the TraceMonkey paper ..."). */
  eachDoc?: boolean;
}

export interface Retrieved {
  hits: ScoredPassage[];
  passages: Passage[];
  ms: number;
}

export async function retrieve(store: PassageStore, embedder: Embedder | undefined, text: string, options: RetrieveOptions): Promise<Retrieved> {
  const started = performance.now();
  const studies = options.studies ?? [];
  // Study numbers are per document: a study filter names its document too.
  const docs = studies.length > 0 ? [...new Set(studies.map((s) => s.docId))] : options.docs;
  if (options.eachDoc && studies.length === 0 && docs && docs.length > 1) {
    const each = await Promise.all(docs.map((doc) => retrieve(store, embedder, text, { ...options, docs: [doc], eachDoc: false })));
    const hits = each.flatMap((r) => r.hits);
    return { hits, passages: hits.map((h) => h.passage), ms: performance.now() - started };
  }
  const hits = await searchPassages(store, embedder, { text, canonical: withCognates(analyze(text).canonical, store.termStats?.df ?? {}) }, {
    k: options.k,
    studies: studies.length > 0 ? [...new Set(studies.map((s) => s.number))] : undefined,
    docs: docs && docs.length > 0 ? docs : undefined,
    sections: options.sections && options.sections.length > 0 ? options.sections : undefined,
    vectorWeight: options.vectorWeight,
  });
  return { hits, passages: hits.map((h) => h.passage), ms: performance.now() - started };
}
