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


function shingles(text: string, size = 12): Set<string> {
  const s = squash(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= s.length; i += 4) out.add(s.slice(i, i + size));
  return out;
}

/** Labels of a raw chunk: the sections and studies of the passages covering at least 30% of it. */
export function labelChunk(text: string, passages: { passage: Passage; text: string }[]): Labels[] {
  const chunk = shingles(text);
  if (chunk.size === 0) return [];
  const out: Labels[] = [];
  for (const { passage, text: squashed } of passages) {
    let shared = 0;
    for (const s of chunk) if (squashed.includes(s)) shared++;
    if (shared / chunk.size >= 0.3 || (shared >= 20 && shared / shingles(passage.text).size >= 0.5)) {
      out.push({ docId: passage.docId, section: passage.section, page: passage.page, studies: passage.studies });
    }
  }
  return out;
}

export interface Baseline {
  chunks: { id: number; text: string; labels: Labels[] }[];
  search(question: string, k: number): { id: number; text: string; labels: Labels[]; score: number }[];
}

/** `documents`: each document's raw extracted text (no cleaning), by document id. */
export function createBaseline(documents: { docId: string; text: string }[], passages: Passage[]): Baseline {
  const chunks = documents
    .flatMap((doc) => {
      const own = passages.filter((p) => p.docId === doc.docId).map((passage) => ({ passage, text: squash(passage.text) }));
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
