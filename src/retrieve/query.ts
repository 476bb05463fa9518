/**
 * Query understanding: a question (already resolved against the conversation) becomes a Query: its
 * language, analysed terms and lexicon expansions, the studies it names (by number, author, program or
 * place) and what kind of answer it wants (a list, a number, who, when, which journal, ...).
 */
import type { StudyLinker } from "../ingest/link-studies.ts";
import type { Lang } from "../ingest/types.ts";
import { analyze } from "../text/analyze.ts";
import { detectLanguage } from "../text/language.ts";
import { foldCase } from "../text/tokenize.ts";

export type Intent = "list" | "numeric" | "who" | "when" | "journal" | "database" | "method" | "compare" | "why" | "title" | "general";

export interface Query {
  text: string;
  lang: Lang;
  terms: string[];
  expansions: string[];
  /** Language-neutral terms (lexicon phrases as their Indonesian translation): what is searched. */
  canonical: string[];
  /** Studies named in the question (1-10); narrows the search. */
  studies: number[];
  intents: Intent[];
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10,
  pertama: 1, kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6, ketujuh: 7, kedelapan: 8, kesembilan: 9, kesepuluh: 10,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
/** "studi nomor 9", "study 9", "artikel ke-9", "no. 9", "the ninth study", "penelitian kesembilan". */
const STUDY_BY_NUMBER = [
  new RegExp(`\\b(?:studi|study|studies|penelitian|artikel|article|paper|jurnal|baris|row|entry)\\s*(?:ke-?\\s*|nomor\\s*|no\\.?\\s*|number\\s*|#\\s*)?${NUMBER}\\b`, "giu"),
  new RegExp(`\\b(?:nomor|no\\.|number|#)\\s*${NUMBER}\\b`, "giu"),
  new RegExp(`\\b(?:the\\s+)?${NUMBER}\\s+(?:study|article|paper)\\b`, "giu"),
];
const LIST_OF_NUMBERS = /\b(?:studi|study|studies|penelitian|artikel|articles?|nomor|no\.?)\s*((?:\d{1,2}\s*(?:,|dan|and|&|serta)\s*)+\d{1,2})\b/giu;

function toNumber(word: string): number | undefined {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return n !== undefined && n >= 1 && n <= 10 ? n : undefined;
}

/** Study numbers named explicitly ("studi nomor 9", "studies 3 and 8"). */
export function studiesByNumber(text: string): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(LIST_OF_NUMBERS)) for (const d of m[1].match(/\d{1,2}/g) ?? []) found.add(Number(d));
  for (const pattern of STUDY_BY_NUMBER) {
    for (const m of text.matchAll(pattern)) {
      const n = toNumber(m[1]);
      if (n !== undefined) found.add(n);
    }
  }
  return [...found].filter((n) => n >= 1 && n <= 10);
}

const INTENT_PATTERNS: [Intent, RegExp][] = [
  ["list", /\b(apa saja|sebutkan|daftar|list|what (?:are|were) (?:the|all)|which (?:programs?|activities|stages|steps|elements|services|databases|forms|themes|concepts|factors|criteria)|what (?:programs?|activities|services|kinds?|types?|forms?|stages|steps|elements)|kegiatan apa|program apa|jenis|bentuk|macam|tahapan|elemen|kategori|konsep|aktivitas|activities|programs|elements|stages|concepts|themes)\b/iu],
  ["numeric", /\b(berapa|how many|how much|what percent(?:age)?|persen|percent|proportion|rate|number of|jumlah|angka|statistik|statistics|figures?)\b|%/iu],
  // "who" and "when" only as question words: "survivors who ...", "when it comes to ..." ask neither.
  ["who", /^\W*(?:and |so |ok(?:ay)?,? )?(?:who|whom)\b|\bwho(?: wrote| authored| did)\b|\b(siapa|author|authors|penulis|pengarang|wrote|written by|by whom|ditulis)\b/iu],
  ["when", /^\W*(?:and |so )?when\b|\bwhen (?:was|were|did|is)\b|\b(kapan|tahun berapa|what year|which year|year of|terbit tahun|publication year)\b/iu],
  ["journal", /\b(jurnal apa|journal|jurnal|terbit(?:nya)? di|diterbitkan di|published in|venue)\b/iu],
  ["database", /\b(database|databases|data base|basis data|google scholar|science direct|neliti|where (?:was|were) .* found|ditemukan di)\b/iu],
  ["method", /\b(metode\w*|method\w*|design|desain|approach|pendekatan|kualitatif|qualitative)\b/iu],
  ["title", /\b(judul|title|titled|tentang apa|about what|what is (?:it|that|this|the study) about|which study|studi (?:mana|apa)|what study)\b/iu],
  ["why", /\b(why|mengapa|kenapa|alasan|penyebab|cause|reason)\b/iu],
  ["compare", /\b(compare|comparison|bandingkan|perbandingan|beda|perbedaan|difference|differ|versus|vs\.?|similar|persamaan)\b/iu],
];

export function detectIntents(text: string, studyCount: number): Intent[] {
  const intents = INTENT_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([intent]) => intent);
  if (studyCount >= 2 && !intents.includes("compare")) intents.push("compare");
  return intents.length > 0 ? intents : ["general"];
}

export function understandQuery(text: string, linker: StudyLinker, langOverride?: Lang): Query {
  const { terms, expansions, canonical } = analyze(text);
  const studies = [...new Set([...studiesByNumber(foldCase(text)), ...linker.link(text)])].sort((a, b) => a - b);
  return {
    text,
    lang: langOverride ?? detectLanguage(text),
    terms,
    expansions,
    canonical,
    studies,
    intents: detectIntents(text, studies.length),
  };
}
