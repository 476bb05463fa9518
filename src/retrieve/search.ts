/**
 * Hybrid retrieval: vector search and BM25 full-text search over the analysed terms, run in parallel with
 * the same filters (applied inside LanceDB), fused by relative score fusion (each list's scores mapped to
 * 0..1, then a weighted sum), rows of one table held to a few, near-duplicates removed.
 *
 * Relative scores rather than reciprocal ranks: a passage that BM25 ranks first by far (the only one with
 * a rare name) keeps its lead, where rank fusion lets passages ranked fairly high by both lists overtake
 * it. Measured (docs/performance.md): planted facts at 100 synthetic documents, recall@5 0.675 -> 1.000;
 * the review's questions, MRR 0.896 -> 0.909, must-include 91.7% -> 92.6%.
 *
 * @example
 *   const hits = await searchPassages(store, embedder, query, { k: 5, sections: ["tabel"] });
 */
import type { Embedder } from "../embed/embedder.ts";
import type { Passage } from "../domain/passage.ts";
import type { PassageStore, SearchFilters } from "../store/passage-store.ts";
import { contentStems } from "../text/analyze.ts";

export interface SearchOptions extends SearchFilters {
  k: number;
  /**
   * Weight of the vector ranking against the full-text ranking (1). The local hashing embedder has no
   * IDF, so a rare exact word (a program's name) is a stronger signal in BM25: default 0.5 for it, 1 for a
   * neural embedder (see defaultVectorWeight).
   */
  vectorWeight?: number;
  /** Scan all vectors instead of using the vector index (benchmarks compare the two). */
  exactVector?: boolean;
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

/**
 * Scores of one result list mapped to 0..1 (best = 1), so BM25 and cosine can be added. A list whose
 * scores are all equal ranks nothing and adds nothing (a lone hit still counts fully).
 */
function minMax(hits: { score: number }[]): (score: number) => number {
  const max = Math.max(...hits.map((h) => h.score));
  const min = Math.min(...hits.map((h) => h.score));
  if (max > min) return (score) => (score - min) / (max - min);
  return () => (hits.length === 1 ? 1 : 0);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

// Passages do not change within a build: their words are computed once.
const wordsCache = new Map<string, Set<string>>();
function wordsOf(passage: Passage): Set<string> {
  let words = wordsCache.get(passage.id);
  if (!words) {
    if (wordsCache.size >= 50_000) wordsCache.clear();
    wordsCache.set(passage.id, (words = new Set(contentStems(passage.text))));
  }
  return words;
}

/** Keep the first of any passages whose words are nearly the same (the same text ingested twice). */
export function removeNearDuplicates(hits: ScoredPassage[], threshold = 0.9, keep = Infinity): ScoredPassage[] {
  const kept: { hit: ScoredPassage; words: Set<string> }[] = [];
  for (const hit of hits) {
    if (kept.length >= keep) break;
    const words = wordsOf(hit.passage);
    if (kept.some((k) => jaccard(k.words, words) >= threshold)) continue;
    kept.push({ hit, words });
  }
  return kept.map((k) => k.hit);
}

/**
 * A paper's own table is one source: its rows share the caption and column names that index them, so a
 * question matching only those would fill the results with rows of one table (pasa's Table 9 took four of
 * the top five for "What actions can the Crawler take?"). At most this many rows of one table stand among
 * the first results; the others follow. A review's included-studies rows are each a study, and are not held back.
 */
const MAX_ROWS_PER_TABLE = 2;

/**
 * Move a table's rows beyond the first MAX_ROWS_PER_TABLE after all other hits (rows of a table tied to no
 * study, told apart by document and heading).
 *
 * @example spreadTableRows([row1, row2, row3, prose]) // [row1, row2, prose, row3]
 */
export function spreadTableRows(hits: readonly ScoredPassage[]): ScoredPassage[] {
  const seen = new Map<string, number>();
  const first: ScoredPassage[] = [];
  const later: ScoredPassage[] = [];
  for (const hit of hits) {
    const { kind, studies, docId, heading } = hit.passage;
    if (kind !== "table-row" || studies.length > 0) {
      first.push(hit);
      continue;
    }
    const key = `${docId}\u0000${heading}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    (count < MAX_ROWS_PER_TABLE ? first : later).push(hit);
  }
  return [...first, ...later];
}

export async function searchPassages(
  store: PassageStore,
  embedder: Embedder | undefined,
  query: { text: string; canonical: string[] },
  options: SearchOptions,
): Promise<ScoredPassage[]> {
  const candidates = Math.max(options.k * 4, 20);
  const filters: SearchFilters = { studies: options.studies, sections: options.sections, docs: options.docs };
  const vector = embedder ? (await embedder.embed([query.text])).vectors[0] : undefined;
  const [byVector, byText] = await Promise.all([
    vector ? store.vectorSearch(vector, candidates, filters, options.exactVector) : [],
    store.textSearch(query.canonical.join(" "), candidates, filters),
  ]);
  const vectorWeight = options.vectorWeight ?? defaultVectorWeight(embedder?.id);
  const fused = new Map<string, ScoredPassage>();
  const entry = (passage: Passage) => {
    let e = fused.get(passage.id);
    if (!e) fused.set(passage.id, (e = { passage, score: 0, similarity: 0, bm25: 0 }));
    return e;
  };
  const v = minMax(byVector);
  const t = minMax(byText);
  for (const hit of byVector) {
    const e = entry(hit.passage);
    e.score += vectorWeight * v(hit.score);
    e.similarity = hit.score;
  }
  for (const hit of byText) {
    const e = entry(hit.passage);
    e.score += t(hit.score);
    e.bm25 = hit.score;
  }
  const ranked = [...fused.values()].sort((a, b) => b.score - a.score);
  return removeNearDuplicates(spreadTableRows(ranked), 0.9, options.k);
}
