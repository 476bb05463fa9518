/**
 * The default embedder: deterministic, no network, no model download, fast (tens of thousands of
 * passages a second). A text's analysed terms (src/text/analyze.ts: Indonesian and English stems, lexicon
 * phrases replaced by their Indonesian translation), their bigrams and character 4-grams are hashed into a signed
 * vector (the "hashing trick") and L2-normalised, so cosine similarity is a weighted overlap of
 * stems, phrases and word pieces. What it cannot do, compared with a neural model: no sense of meaning
 * beyond shared words and the lexicon's synonyms (docs/embeddings.md).
 */
import type { Embedder, EmbedResult } from "./embedder.ts";
import { analyze } from "../text/analyze.ts";

export const LOCAL_EMBEDDER_VERSION = "local-hash-v2";

const WEIGHT = { term: 1, bigram: 0.5, grams: 0.4 } as const;

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function addFeature(vector: Float32Array, feature: string, weight: number): void {
  const h = hash(feature);
  vector[h % vector.length] += h & 0x80000000 ? -weight : weight;
}

export function embedText(text: string, dimension: number): Float32Array {
  // Language-neutral terms: lexicon phrases appear as their Indonesian translation on both sides.
  const terms = analyze(text).canonical;
  const counts = new Map<string, number>();
  const count = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  for (const term of terms) {
    count(`t:${term}`, WEIGHT.term);
    if (term.length >= 5 && !/^\d/.test(term)) {
      const padded = `<${term}>`;
      const n = padded.length - 3;
      for (let i = 0; i < n; i++) count(`g:${padded.slice(i, i + 4)}`, WEIGHT.grams / n);
    }
  }
  for (let i = 1; i < terms.length; i++) count(`b:${terms[i - 1]} ${terms[i]}`, WEIGHT.bigram);

  const vector = new Float32Array(dimension);
  // Sublinear term frequency: the fifth "anak" in a passage adds little.
  for (const [feature, weight] of counts) addFeature(vector, feature, weight >= 1 ? 1 + Math.log(weight) : weight);
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}

export function createLocalEmbedder(dimension = 512): Embedder {
  return {
    id: `${LOCAL_EMBEDDER_VERSION}/${dimension}`,
    dimension,
    maxBatch: 4096,
    async embed(texts: string[]): Promise<EmbedResult> {
      return { vectors: texts.map((t) => embedText(t, dimension)), warnings: [] };
    },
  };
}
