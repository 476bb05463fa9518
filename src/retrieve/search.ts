/**
 * Hybrid retrieval: vector search and BM25 full-text search over the analysed terms, run in parallel with
 * the same filters (applied inside LanceDB), fused by weighted reciprocal rank fusion, near-duplicates
 * removed.
 *
 * @example
 *   const hits = await searchPassages(store, embedder, query, { k: 5, sections: ["tabel"] });
 */
import type { Embedder } from "../embed/embedder.ts";
import type { Passage } from "../ingest/types.ts";
import type { PassageStore, SearchFilters } from "../store/passage-store.ts";
import { contentStems } from "../text/analyze.ts";
import type { Query } from "./query.ts";

export interface SearchOptions extends SearchFilters {
  k: number;
  /**
   * Weight of the vector ranking against the full-text ranking (1). The local hashing embedder has no
   * IDF, so a rare exact word (a program's name) is a stronger signal in BM25: default 0.5 for it, 1 for a
   * neural embedder (see defaultVectorWeight).
   */
  vectorWeight?: number;
}

export function defaultVectorWeight(embedderId: string | undefined): number {
  return embedderId?.startsWith("local-") ? 0.5 : 1;
}

export interface ScoredPassage {
  passage: Passage;
  /** Fused score (higher is better); comparable within one search only. */
  score: number;
  /** Cosine similarity of the vector search (0 when the passage was not among its hits). */
  similarity: number;
  /** BM25 score of the full-text search (0 when not among its hits). */
  bm25: number;
}

/** RRF constant: small, because the candidate lists are short and their top ranks matter most. */
const RRF_K = 10;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Keep the first of any passages whose words are nearly the same (the same text ingested twice). */
export function removeNearDuplicates(hits: ScoredPassage[], threshold = 0.9): ScoredPassage[] {
  const kept: { hit: ScoredPassage; words: Set<string> }[] = [];
  for (const hit of hits) {
    const words = new Set(contentStems(hit.passage.text));
    if (kept.some((k) => jaccard(k.words, words) >= threshold)) continue;
    kept.push({ hit, words });
  }
  return kept.map((k) => k.hit);
}

export async function searchPassages(
  store: PassageStore,
  embedder: Embedder | undefined,
  query: Pick<Query, "text" | "terms" | "canonical">,
  options: SearchOptions,
): Promise<ScoredPassage[]> {
  const candidates = Math.max(options.k * 4, 20);
  const filters: SearchFilters = { studies: options.studies, sections: options.sections };
  const vector = embedder ? (await embedder.embed([query.text])).vectors[0] : undefined;
  const [byVector, byText] = await Promise.all([
    vector ? store.vectorSearch(vector, candidates, filters) : [],
    store.textSearch(query.canonical.join(" "), candidates, filters),
  ]);
  const vectorWeight = options.vectorWeight ?? defaultVectorWeight(embedder?.id);
  const fused = new Map<string, ScoredPassage>();
  const entry = (passage: Passage) => {
    let e = fused.get(passage.id);
    if (!e) fused.set(passage.id, (e = { passage, score: 0, similarity: 0, bm25: 0 }));
    return e;
  };
  byVector.forEach((hit, rank) => {
    const e = entry(hit.passage);
    e.score += vectorWeight / (RRF_K + rank + 1);
    e.similarity = hit.score;
  });
  byText.forEach((hit, rank) => {
    const e = entry(hit.passage);
    e.score += 1 / (RRF_K + rank + 1);
    e.bm25 = hit.score;
  });
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score);
  return removeNearDuplicates(ranked).slice(0, options.k);
}
