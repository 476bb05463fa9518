/**
 * Stemming for Indonesian and English words, memoised (the same words recur; the stemmers are the hot
 * path of ingest and query analysis).
 *
 * Indonesian: natural's Sastrawi port (StemmerId), which removes affixes only when the result is a root in
 * its dictionary (membangun -> bangun, perlindungan -> lindung, anak-anak -> anak). A word it leaves
 * unchanged and that is not a root itself is not a known Indonesian form, so it gets the English Porter stemmer (programs -> program,
 * mentoring -> mentor). Both sides of a comparison go through the same function, so they meet.
 */
import { createRequire } from "node:module";

interface Stemmer {
  stem(word: string): string;
}

// Deep imports: natural's index runs dotenv and pulls database clients (see docs/architecture.md).
const require = createRequire(import.meta.url);
const indonesian = require("natural/lib/natural/stemmers/indonesian/stemmer_id.js") as Stemmer;
const porter = require("natural/lib/natural/stemmers/porter_stemmer.js") as Stemmer;
const rootWords = new Set<string>(require("natural/lib/natural/stemmers/indonesian/data/kata-dasar.json") as string[]);

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Stem one lower-case token. Numbers pass through. */
export function stem(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  let out: string;
  if (/^\d/.test(token) || token.length <= 2) out = token;
  else {
    const id = indonesian.stem(token);
    // An Indonesian root stays as it is ("kasus", "gading"); only unknown words are tried as English.
    out = id !== token || rootWords.has(token) ? id : porter.stem(token);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, out);
  return out;
}

const rootCache = new Map<string, boolean>();

/** True when the word or its Indonesian stem is a root in the Sastrawi dictionary. */
export function isIndonesianWord(token: string): boolean {
  let known = rootCache.get(token);
  if (known === undefined) {
    known = rootWords.has(token) || rootWords.has(indonesian.stem(token));
    if (rootCache.size >= CACHE_LIMIT) rootCache.clear();
    rootCache.set(token, known);
  }
  return known;
}
