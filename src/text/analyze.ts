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

/**
 * For each term that is part of a lexicon synonym, the canonical Indonesian stems it stands for
 * ("months" -> ["bulan"], "task" and "force" -> ["gugus", "tugas"]).
 */
export function translateTerms(terms: readonly string[]): Map<string, string[]> {
  const entries = loadLexicon();
  const out = new Map<string, string[]>();
  for (let i = 0; i < terms.length; i++) {
    for (const entry of entries.get(terms[i]) ?? []) {
      const { phrase } = entry;
      if (!phrase.every((p, j) => terms[i + j] === p)) continue;
      phrase.forEach((p) => out.set(p, [...new Set([...(out.get(p) ?? []), ...entry.canonical])]));
    }
  }
  return out;
}

export function analyze(text: string): Analysis {
  const terms = contentStems(text);
  return { terms, expansions: expandTerms(terms) };
}

/** All terms of a text as one string for the full-text index (terms, then expansions). */
export function searchableText(text: string): string {
  const { terms, expansions } = analyze(text);
  return [...terms, ...expansions].join(" ");
}
