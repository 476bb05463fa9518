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
import { isEnglishWord } from "./english-words.ts";

interface Stemmer {
  stem(word: string): string;
}

// Deep imports: natural's index runs dotenv and pulls database clients (see docs/architecture.md).
const require = createRequire(import.meta.url);
/**
 * Words whose meaning is not their Sastrawi root's, added to its dictionary so that it stops at them:
 * "pendapat" (opinion) is not "dapat" (can), "pendapatan" (income) not either, "persetujuan"/"setuju"
 * (approval) is not "tujuan" (aim), "pengalaman" (experience) is not "alam" (nature), "kinerja" (performance)
 * is not "kerja" (work). Without them the lexicon's "approval" meant "aim", "income" matched every "dapat" and
 * "How well does it perform?" every "related works".
 */
const EXTRA_ROOTS = ["pendapat", "pendapatan", "setuju", "pengalaman", "kinerja"];
const dictionary = require("natural/lib/natural/stemmers/indonesian/data/kata-dasar.json") as string[];
// natural's stemmer builds its dictionary from this array when it is first loaded (below).
for (const root of EXTRA_ROOTS) if (!dictionary.includes(root)) dictionary.push(root);
const indonesian = require("natural/lib/natural/stemmers/indonesian/stemmer_id.js") as Stemmer;
const porter = require("natural/lib/natural/stemmers/porter_stemmer.js") as Stemmer;
const rootWords = new Set<string>(dictionary);

const CACHE_LIMIT = 200_000;

/** A memo that empties itself when full (the words of one corpus fit many times over). */
function memo<T>(compute: (token: string) => T): (token: string) => T {
  const cache = new Map<string, T>();
  return (token) => {
    const hit = cache.get(token);
    if (hit !== undefined) return hit;
    const out = compute(token);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, out);
    return out;
  };
}

/**
 * Whether Sastrawi could change the word at all: every one of its rules removes a prefix (di-, ke-, se-, be(r)-,
 * te(r)-, me-, pe-, ku-, kau-; an infix -er-, -el-, -em-, -in- after a first consonant; two "ber" rules match
 * anywhere in the word) or a suffix (-lah, -kah, -tah, -pun, -ku, -mu, -nya, -i, -kan, -an, -is, -isme,
 * -isasi), or splits a reduplication ("anak-anak"). A word with none of them comes back as it went in.
 * Measured against the stemmer itself in stem.test.ts.
 */
const AFFIXABLE = /^(?:di|ke|se|be|te|me|pe|ku|ka|[bcdfghjklmnpqrstvwxyz](?:er|el|em|in)[aiueo])|be|(?:lah|kah|tah|pun|ku|mu|nya|i|an|is|isme)$/;

// The Sastrawi stemmer is the slow step (tens of microseconds a word). Most English words cannot be affixed
// Indonesian and skip it; stem() and isIndonesianWord() share its results.
// (It lower-cases, and leaves words of three letters or fewer alone.)
export const sastrawi = memo((token) => {
  const lower = token.toLowerCase();
  return lower.includes("-") || (lower.length > 3 && AFFIXABLE.test(lower)) ? indonesian.stem(token) : lower;
});

/** Stem one lower-case token. Numbers pass through. */
export const stem = memo((token) => {
  if (/^\d/.test(token) || token.length <= 2) return token;
  const id = sastrawi(token);
  // An Indonesian root stays as it is ("kasus", "gading"); only unknown words are tried as English. An
  // English word is not taken apart as Indonesian ("lines" is no l-in-es, "les"; "dimes" no "mes").
  if (rootWords.has(token) || (id !== token && !isEnglishWord(token))) return id;
  return informalStem(token) ?? englishWithNya(token) ?? porter.stem(token);
});

/**
 * Informal Indonesian puts "-nya" (its, the) on English words too ("databasenya", "reviewnya", "samplenya"):
 * the English word's stem. (Sastrawi strips "-nya" only from Indonesian roots.)
 */
function englishWithNya(token: string): string | undefined {
  if (!token.endsWith("nya") || token.length < 7) return undefined;
  const base = token.slice(0, -3);
  return isEnglishWord(base) && !isEnglishWord(token) ? stem(base) : undefined;
}

/**
 * Informal Indonesian writes "-kan" and "-i" as "-in" ("dibandingin", "jelasin", "ceritain", "diajarin"):
 * the root of the formal word, when that is a root of the dictionary. ("main", "lain", "mungkin" are roots
 * themselves and never get here.)
 */
function informalStem(token: string): string | undefined {
  // (Not an English word: "remain", "retain" are no "remakan", "retakan".)
  if (token.length < 6 || !token.endsWith("in") || isEnglishWord(token)) return undefined;
  for (const formal of ["kan", "i"]) {
    const root = sastrawi(token.slice(0, -2) + formal);
    if (root !== token && rootWords.has(root)) return root;
  }
  return undefined;
}

/** True when the word or its Indonesian stem is a root in the Sastrawi dictionary. */
export const isIndonesianWord = memo((token) => rootWords.has(token) || rootWords.has(sastrawi(token)));
