/**
 * Text analysis shared by the local embedder, the full-text column, query understanding and the
 * extractive composer: tokens -> stop words dropped -> stems -> bilingual lexicon expansion.
 * One function for every side, so a question and a passage always meet in the same terms.
 *
 * @example analyze("After 12 months, fewer survivors") // terms: ["12","month","survivor"], expansions: ["bulan","sintas"]
 */
import { readFileSync } from "node:fs";
import { eng, ind } from "stopword";
import { stem } from "./stem.ts";
import { tokenize } from "./tokenize.ts";

/**
 * Words in the stop lists that carry meaning in this domain ("after 12 months" = "12 bulan"; "kasus").
 * Kept as data beside the lexicon would be nicer, but it is short and tied to the stop lists' contents.
 */
const MEANINGFUL = new Set([
  "tahun", "bulan", "awal", "akhir", "kasus", "masa", "depan", "jumlah", "tinggi", "besar", "kurang",
  "umum", "bagian", "penting", "baru", "lama", "terakhir", "tujuan", "hasil", "anak", "negara", "kerja",
  "sama", "orang", "usia", "enam", "dua", "tiga", "empat", "lima", "tujuh", "delapan", "sembilan", "sepuluh",
  "hak", "lebih", "data", "program", "cara", "satu", "pertama", "kedua", "ketiga", "kali", "persen",
  // content words the Indonesian list also drops
  "masalah", "persoalan", "memastikan", "menunjukkan", "tidak", "belum", "keluar", "luar", "diperkirakan",
  "memperkirakan", "bekerja", "hampir", "mampu", "dini", "tempat", "setempat", "diri", "bawah", "setiap",
  "sejak", "keinginan", "menyebutkan", "mengungkapkan", "pentingnya", "terjadi", "terjadinya", "kembali",
  "bersama", "guna", "selama", "paling", "mulai", "harus",
]);

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...ind, ...eng, "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "ini", "itu",
   "tersebut", "adalah", "merupakan", "serta", "atau", "juga", "oleh", "sebagai", "para", "nya", "pun",
   "the", "of", "a", "an", "and", "or", "to", "in", "on", "for", "is", "are", "was", "were", "what", "which",
   "who", "whom", "how", "did", "does", "do", "tell", "me", "about", "review", "according", "menurut",
   "tinjauan", "sebutkan", "jelaskan", "apa", "apakah", "siapa", "berapa", "bagaimana", "kapan", "mengapa",
   "kenapa", "saja", "mana", "manakah", "please", "tolong", "et", "al", "dkk", "etc", "dll", "s", "p",
   // informal Indonesian
   "aja", "sih", "dong", "nih", "kok", "deh", "gimana", "kayak", "kaya", "buat", "udah", "nggak", "gak", "ga",
   "yg", "dgn", "utk", "tuh", "ya", "oke", "ok", "emang", "banget", "terus", "trus", "yah", "kah"]
    .filter((w) => !MEANINGFUL.has(w)),
);

export interface Analysis {
  /** Stems of the text's content words, in order. */
  terms: string[];
  /** Canonical Indonesian stems added by the lexicon (not already in `terms`). */
  expansions: string[];
  /** `terms` with lexicon phrases replaced by their Indonesian translation (see canonicalTerms). */
  canonical: string[];
}

interface LexiconEntry {
  phrase: string[]; // stems of a synonym
  canonical: string[]; // stems of the canonical Indonesian phrase
}

function stemsOf(token: string): string[] {
  // Reduplication ("anak-anak") is one word; other hyphenated words count as parts and as the glued form,
  // so "psiko-edukasi" meets "psikoedukasi".
  if (!token.includes("-")) return [stem(token)];
  const parts = token.split("-");
  if (parts.every((p) => p === parts[0])) return [stem(parts[0])];
  const out = parts.filter((p) => !STOP_WORDS.has(p)).map(stem);
  out.push(stem(parts.join("")));
  return out;
}

/** Content-word stems of a text, in order, with no lexicon expansion. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token)) continue;
    for (const s of stemsOf(token)) if (s.length > 0) out.push(s);
  }
  return out;
}

let lexicon: Map<string, LexiconEntry[]> | undefined;

/** Entries keyed by their first stem, longest phrase first (greedy longest match). */
function loadLexicon(): Map<string, LexiconEntry[]> {
  if (lexicon) return lexicon;
  const text = readFileSync(new URL("./lexicon-en-id.tsv", import.meta.url), "utf8");
  const byFirst = new Map<string, LexiconEntry[]>();
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [canonicalText, synonymText = ""] = line.split("\t");
    const canonical = contentStems(canonicalText);
    if (canonical.length === 0) continue;
    for (const synonym of synonymText.split(";")) {
      const phrase = contentStems(synonym);
      if (phrase.length === 0) continue;
      const list = byFirst.get(phrase[0]) ?? [];
      list.push({ phrase, canonical });
      byFirst.set(phrase[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  lexicon = byFirst;
  return byFirst;
}

/** Lexicon expansions of a stem sequence: the canonical stems of every synonym phrase found. */
export function expandTerms(terms: readonly string[]): string[] {
  return [...new Set(translateTerms(terms).values())].flat().filter((c, i, all) => all.indexOf(c) === i && !terms.includes(c));
}

interface LexiconMatch {
  start: number;
  length: number;
  canonical: string[];
}

/** Lexicon phrases found in a stem sequence, longest first ("search terms" is "kata kunci", not "search" + "terms"). */
function lexiconMatches(terms: readonly string[]): LexiconMatch[] {
  const entries = loadLexicon();
  const out: LexiconMatch[] = [];
  for (let i = 0; i < terms.length; ) {
    const candidates = entries.get(terms[i]) ?? [];
    const length = candidates.find((e) => e.phrase.every((p, j) => terms[i + j] === p))?.phrase.length ?? 0;
    if (length === 0) {
      i++;
      continue;
    }
    // Every synonym of that length matching here contributes (a word can belong to two concepts).
    const canonical = new Set<string>();
    for (const entry of candidates) {
      if (entry.phrase.length === length && entry.phrase.every((p, j) => terms[i + j] === p)) for (const c of entry.canonical) canonical.add(c);
    }
    out.push({ start: i, length, canonical: [...canonical] });
    i += length;
  }
  return out;
}

/** For each term inside a lexicon phrase, the canonical Indonesian stems the phrase stands for. */
export function translateTerms(terms: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of lexiconMatches(terms)) {
    for (let j = 0; j < m.length; j++) out.set(terms[m.start + j], [...new Set([...(out.get(terms[m.start + j]) ?? []), ...m.canonical])]);
  }
  return out;
}

/**
 * The terms with every lexicon phrase replaced by its Indonesian translation: the language-neutral form
 * used by the full-text index and the local embedder, so that an English question and the English abstract
 * do not outscore the Indonesian text on the words they share.
 */
export function canonicalTerms(terms: readonly string[]): string[] {
  const matches = new Map(lexiconMatches(terms).map((m) => [m.start, m]));
  const out: string[] = [];
  for (let i = 0; i < terms.length; ) {
    const m = matches.get(i);
    if (m) {
      out.push(...m.canonical);
      i += m.length;
    } else out.push(terms[i++]);
  }
  return out;
}

// Ingest analyses each passage twice (its vector, its full-text terms); remember the last few.
const recent = new Map<string, Analysis>();

export function analyze(text: string): Analysis {
  const hit = recent.get(text);
  if (hit) return hit;
  const terms = contentStems(text);
  const analysis = { terms, expansions: expandTerms(terms), canonical: canonicalTerms(terms) };
  if (recent.size >= 256) recent.delete(recent.keys().next().value as string);
  recent.set(text, analysis);
  return analysis;
}
