/**
 * The baseline a user could assemble in an afternoon: MiniSearch (BM25) over fixed-size chunks of the raw,
 * uncleaned text, answering with the top chunk. It runs in the same process over the same questions.
 *
 * Its raw chunks have no sections or studies; for scoring only, each chunk takes the labels of the
 * product's passages whose text it overlaps (shared 12-letter shingles), so both systems are judged
 * against the same gold labels over the same stretches of the review.
 */
import MiniSearch from "minisearch";
import type { Passage } from "../domain/passage.ts";
import { squash } from "../text/tokenize.ts";
import type { Labels } from "./metrics.ts";

export interface BaselineChunk extends Labels {
  id: number;
  text: string;
}

export const BASELINE_CHUNK_CHARS = 800;
export const BASELINE_OVERLAP_CHARS = 100;

export function rawChunks(text: string, size = BASELINE_CHUNK_CHARS, overlap = BASELINE_OVERLAP_CHARS): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size - overlap) {
    chunks.push(text.slice(start, start + size));
    if (start + size >= text.length) break;
  }
  return chunks;
}


const SHINGLE = 12;

function shingles(text: string, size = SHINGLE): Set<string> {
  const s = squash(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= s.length; i += 4) out.add(s.slice(i, i + size));
  return out;
}

/** One document's passages, with every 12-letter window of each (at every offset) mapped to the passages holding it. */
export interface PassageShingles {
  passages: Passage[];
  /** How many shingles (at the step `shingles` takes) each passage has. */
  sizes: number[];
  holders: Map<string, number[]>;
}

export function indexShingles(passages: Passage[]): PassageShingles {
  const holders = new Map<string, number[]>();
  passages.forEach((passage, n) => {
    const s = squash(passage.text);
    for (let i = 0; i + SHINGLE <= s.length; i++) {
      const window = s.slice(i, i + SHINGLE);
      const list = holders.get(window);
      if (!list) holders.set(window, [n]);
      else if (list.at(-1) !== n) list.push(n);
    }
  });
  return { passages, sizes: passages.map((p) => shingles(p.text).size), holders };
}

/** Labels of a raw chunk: the sections and studies of the passages covering at least 30% of it. */
export function labelChunk(text: string, index: PassageShingles): Labels[] {
  const chunk = shingles(text);
  if (chunk.size === 0) return [];
  // A passage shares a shingle when the shingle occurs anywhere in it: looked up, not searched for.
  const shared = new Map<number, number>();
  for (const s of chunk) for (const n of index.holders.get(s) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
  return [...shared]
    .filter(([n, count]) => count / chunk.size >= 0.3 || (count >= 20 && count / index.sizes[n] >= 0.5))
    .sort(([a], [b]) => a - b)
    .map(([n]) => {
      const passage = index.passages[n];
      return { docId: passage.docId, section: passage.section, page: passage.page, studies: passage.studies };
    });
}

export interface Baseline {
  chunks: { id: number; text: string; labels: Labels[] }[];
  search(question: string, k: number): { id: number; text: string; labels: Labels[]; score: number }[];
}

/** `documents`: each document's raw extracted text (no cleaning), by document id. */
export function createBaseline(documents: { docId: string; text: string }[], passages: Passage[]): Baseline {
  const chunks = documents
    .flatMap((doc) => {
      const own = indexShingles(passages.filter((p) => p.docId === doc.docId));
      return rawChunks(doc.text).map((text) => ({ text, labels: labelChunk(text, own) }));
    })
    .map((chunk, id) => ({ id, ...chunk }));
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], storeFields: ["text"] });
  index.addAll(chunks.map(({ id, text }) => ({ id, text })));
  return {
    chunks,
    search(question, k) {
      return index
        .search(question, { fuzzy: 0.1, prefix: true })
        .slice(0, k)
        .map((r) => ({ id: Number(r.id), text: chunks[Number(r.id)].text, labels: chunks[Number(r.id)].labels, score: r.score }));
    },
  };
}
