/**
 * Text analysis shared by the local embedder, the full-text column, query understanding and the
 * extractive composer: tokens -> stop words dropped -> stems -> bilingual lexicon expansion.
 * One function for every side, so a question and a passage always meet in the same terms.
 *
 * @example analyze("After 12 months, fewer survivors") // terms: ["12","month","survivor"], expansions: ["bulan","sintas"]
 */
import { readFileSync } from "node:fs";
import { eng, ind } from "stopword";
import { DataFileError } from "../domain/errors.ts";
import { isEnglishWord } from "./english-words.ts";
import { isIndonesianWord, stem } from "./stem.ts";
import { escapeRegExp, tokenize, tokenSpans } from "./tokenize.ts";

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
  "bersama", "guna", "selama", "paling", "mulai", "harus", "umumnya", "biasanya", "biasa",
  // the second word of a phrase the lexicon translates: without it "tindak lanjut" (follow-up) is "tindak" (action)
  "lanjut", "lanjutan",
]);

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...ind, ...eng, "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "ini", "itu",
   "tersebut", "adalah", "merupakan", "serta", "atau", "juga", "oleh", "sebagai", "para", "nya", "pun",
   "the", "of", "a", "an", "and", "or", "to", "in", "on", "for", "is", "are", "was", "were", "what", "which",
   "who", "whom", "how", "did", "does", "do", "tell", "me", "about", "review", "according", "menurut",
   "tinjauan", "sebutkan", "jelaskan", "apa", "apakah", "siapa", "berapa", "bagaimana", "kapan", "mengapa",
   "kenapa", "saja", "mana", "manakah", "please", "tolong", "et", "al", "dkk", "etc", "dll", "s", "p",
   // the stopword package's English list has "it", "what" and "where" but not these
   "its", "it's", "itself", "why", "when", "whose", "whether", "yet", "ones", "besides",
   // ... nor these prepositions ("the recommendations across all studies" is about no "across")
   "across", "among", "amongst", "throughout", "within", "via", "upon", "toward", "towards", "beyond", "despite",
   // informal Indonesian
   "aja", "sih", "dong", "nih", "kok", "deh", "gimana", "kayak", "kaya", "buat", "udah", "nggak", "gak", "ga",
   "yg", "dgn", "utk", "tuh", "ya", "oke", "ok", "emang", "banget", "terus", "trus", "yah", "kah",
   // ... informal spellings of words the stop list has ("dapet" is "dapat", "kalo" "kalau", "brp" "berapa")
   "dapet", "kalo", "brp", "gmn", "bgmn",
   // a term of address ("... apa ya kak?")
   "kak"]
    .filter((w) => !MEANINGFUL.has(w))
    // ... and their informal "-in" for "-kan"/"-i" ("dilakuin" is "dilakukan"; see stem.ts).
    .flatMap((w) => (/^\p{L}{5,}kan$/u.test(w) ? [w, `${w.slice(0, -3)}in`] : [w])),
);

export interface Analysis {
  /** Stems of the text's content words, in order. */
  terms: string[];
  /** Canonical Indonesian stems added by the lexicon (not already in `terms`). */
  expansions: string[];
  /** `terms` with lexicon phrases replaced by their Indonesian translation (see canonicalTerms). */
  canonical: string[];
  /**
   * The lexicon phrases of several words it holds, each as its canonical stems joined by a space: "kerja sama",
   * "kerjasama" and "cooperation" all hold "kerja sama"; "related works ... similar" does not, though its stems
   * translate to both words.
   */
  phrases: Set<string>;
}

interface LexiconEntry {
  phrase: string[]; // stems of a synonym
  canonical: string[]; // stems of the canonical Indonesian phrase
  /** How to write the concept for a reader: the Indonesian head, and its first English synonym. */
  display: { id: string; en: string };
  /** The synonym as written in the file ("mencegah"), for glossing a text that uses it. */
  written: string;
}

/**
 * Prefixes that turn a hyphenated word into its complement ("non-vocational" activities are the others). Not
 * "anti": anti-trafficking efforts are about trafficking, which is what a search for them must meet.
 */
const NEGATING_PREFIXES: ReadonlySet<string> = new Set(["non", "tidak", "bukan"]);

function stemsOf(token: string): string[] {
  // Reduplication ("anak-anak") is one word; other hyphenated words count as parts and as the glued form,
  // so "psiko-edukasi" meets "psikoedukasi".
  if (!token.includes("-")) return [stem(token)];
  const parts = token.split("-");
  if (parts.every((p) => p === parts[0])) return [stem(parts[0])];
  // "non-vokasional" is the opposite of "vokasional": after a negating prefix the word is not said on its own.
  if (NEGATING_PREFIXES.has(parts[0]) && parts.length === 2) return [stem(parts[0]), stem(parts.join(""))];
  const out = parts.filter((p) => !STOP_WORDS.has(p)).map(stem);
  out.push(stem(parts.join("")));
  return out;
}

/**
 * The percent sign is a word: "34.05%" says "percent" as much as "34,05 persen" does, so a question asking
 * "what percentage" or "berapa persen" meets a text that only writes the sign.
 */
const PERCENT_SIGN = "%";
/** The word the percent sign reads as ("berapa persen" meets "94%"). */
export const PERCENT_WORD = "persen";

/** Content-word stems of a text, in order, with no lexicon expansion. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text.includes(PERCENT_SIGN) ? text.replaceAll(PERCENT_SIGN, ` ${PERCENT_WORD} `) : text)) {
    if (STOP_WORDS.has(token)) continue;
    for (const s of stemsOf(token)) if (s.length > 0) out.push(s);
  }
  return out;
}

/**
 * The glued stem of each hyphenated word of a text, with the stems of its parts ("two-sentence" ->
 * "twosent": ["two", "sentenc"]): a glued word says nothing its parts do not.
 */
export function gluedStems(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    if (!token.includes("-") || STOP_WORDS.has(token)) continue;
    const stems = stemsOf(token);
    if (stems.length > 1) out.set(stems[stems.length - 1], stems.slice(0, -1));
  }
  return out;
}

export interface StemSpan {
  stem: string;
  start: number;
  end: number;
}

/**
 * Word stems with their offsets in the text (one stem per token: a hyphenated word as one). Stop words are
 * left out unless `keepStopWords` (discourse cues such as "karena", "should" are stop words).
 */
export function stemSpans(text: string, keepStopWords = false): StemSpan[] {
  const out: StemSpan[] = [];
  const spans = tokenSpans(text);
  if (text.includes(PERCENT_SIGN)) {
    for (let at = text.indexOf(PERCENT_SIGN); at >= 0; at = text.indexOf(PERCENT_SIGN, at + 1)) spans.push({ token: PERCENT_WORD, start: at, end: at + 1 });
    spans.sort((a, b) => a.start - b.start);
  }
  for (const t of spans) {
    if (!keepStopWords && STOP_WORDS.has(t.token)) continue;
    const stems = stemsOf(t.token);
    const s = stems[stems.length - 1];
    if (s) out.push({ stem: s, start: t.start, end: t.end });
  }
  return out;
}

const GENERIC_LEXICON = new URL("./lexicon/generic-en-id.tsv", import.meta.url);

let lexicon: Map<string, LexiconEntry[]> | undefined;
let corpusLexicon = { name: "", text: "" };

/** The corpus lexicon in use (its text), to put back after trying another. */
export function corpusLexiconInUse(): { text: string; name: string } {
  return { ...corpusLexicon };
}

/**
 * The corpus's own lexicon part (corpus/lexicon-en-id.tsv), used with the generic part from now on: by
 * ingest for the corpus it reads, by a server for the build it serves (the build keeps a copy), so that
 * questions are analysed exactly as the passages were.
 */
export function useCorpusLexicon(text: string, name = "corpus lexicon"): void {
  if (text === corpusLexicon.text) return;
  corpusLexicon = { name, text };
  lexicon = undefined;
  surfaces = undefined;
  recent.clear();
}

/** The display of a head comes from its first line (the generic part is read first). */
function parseLexicon(text: string, file: string, into: Map<string, LexiconEntry[]>, displays = new Map<string, { id: string; en: string }>()): void {
  text.split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const parts = line.split("\t");
    if (parts.length !== 2) throw new DataFileError(file, i + 1, "expected <Indonesian phrase> TAB <synonyms separated by ;>");
    const canonical = contentStems(parts[0]);
    if (canonical.length === 0) return;
    const synonyms = parts[1].split(";").map((x) => x.trim()).filter(Boolean);
    // By the file's convention the first synonym is the English word (guessing by language misread "not").
    const english = synonyms[0] ?? parts[0];
    const head = parts[0].trim();
    const display = displays.get(head) ?? { id: head, en: english };
    displays.set(head, display);
    for (const synonym of [parts[0], ...synonyms]) {
      const phrase = contentStems(synonym);
      if (phrase.length === 0) continue;
      // A synonym of several words that the stop list shrinks to one ("penelitian selanjutnya" -> "teliti",
      // "out of school" -> "school") names its concept only whole: as one word it would stand for the concept
      // wherever that word is written ("meneliti" is no further research).
      if (phrase.length === 1 && canonical.length > 1 && synonym.trim().split(/\s+/).length > 1) continue;
      const list = into.get(phrase[0]) ?? [];
      list.push({ phrase, canonical, display, written: synonym.trim() });
      into.set(phrase[0], list);
    }
  });
}

/** Entries keyed by their first stem, longest phrase first (greedy longest match). */
function loadLexicon(): Map<string, LexiconEntry[]> {
  if (lexicon) return lexicon;
  const byFirst = new Map<string, LexiconEntry[]>();
  const displays = new Map<string, { id: string; en: string }>();
  parseLexicon(readFileSync(GENERIC_LEXICON, "utf8"), GENERIC_LEXICON.pathname, byFirst, displays);
  if (corpusLexicon.text) parseLexicon(corpusLexicon.text, corpusLexicon.name, byFirst, displays);
  for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  lexicon = byFirst;
  return byFirst;
}

/** Lexicon expansions of a stem sequence: the canonical stems of every synonym phrase found. */
export function expandTerms(terms: readonly string[]): string[] {
  return expansionsOf(terms, translationsOf(terms, lexiconMatches(terms)));
}

function expansionsOf(terms: readonly string[], translations: Map<string, string[]>): string[] {
  return [...new Set(translations.values())].flat().filter((c, i, all) => all.indexOf(c) === i && !terms.includes(c));
}

interface LexiconMatch {
  start: number;
  length: number;
  canonical: string[];
  /** The canonical phrases apart ("parents" -> [["orang", "tua"]]): a phrase is found only whole. */
  phrases: string[][];
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
    const phrases = new Map<string, string[]>();
    for (const entry of candidates) {
      if (entry.phrase.length !== length || !entry.phrase.every((p, j) => terms[i + j] === p)) continue;
      for (const c of entry.canonical) canonical.add(c);
      phrases.set(entry.canonical.join(" "), entry.canonical);
    }
    out.push({ start: i, length, canonical: [...canonical], phrases: [...phrases.values()] });
    i += length;
  }
  return out;
}

/** How many concepts the stems name: a lexicon phrase of several words ("mental health") is one. */
export function conceptCount(terms: readonly string[]): number {
  return lexiconMatches(terms).reduce((n, m) => n - (m.length - 1), terms.length);
}

/** For each term inside a lexicon phrase, the canonical Indonesian phrases (stem lists) it stands for. */
export function translatePhrases(terms: readonly string[]): Map<string, string[][]> {
  return phrasesOf(terms, lexiconMatches(terms));
}

function phrasesOf(terms: readonly string[], matches: LexiconMatch[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const m of matches) {
    for (let j = 0; j < m.length; j++) out.set(terms[m.start + j], [...(out.get(terms[m.start + j]) ?? []), ...m.phrases]);
  }
  return out;
}

/**
 * The lexicon phrases of several words a stem sequence holds, each as its canonical stems joined by a space:
 * "kerja sama", "kerjasama" and "cooperation" all hold "kerja sama"; "related works ... similar" does not, though
 * its stems translate to both words.
 */
function phraseKeysOf(matches: LexiconMatch[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) for (const p of m.phrases) if (p.length > 1) out.add(p.join(" "));
  return out;
}

/** The terms that stand somewhere outside any lexicon phrase ("internasional" in "organisasi internasional (LSM internasional)"). */
function standaloneOf(terms: readonly string[], matches: LexiconMatch[]): Set<string> {
  const inside = new Array<boolean>(terms.length).fill(false);
  for (const m of matches) for (let j = 0; j < m.length; j++) inside[m.start + j] = true;
  return new Set(terms.filter((_, i) => !inside[i]));
}

/** For each term inside a lexicon phrase, the canonical Indonesian stems the phrase stands for. */
export function translateTerms(terms: readonly string[]): Map<string, string[]> {
  return translationsOf(terms, lexiconMatches(terms));
}

function translationsOf(terms: readonly string[], matches: LexiconMatch[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of matches) {
    for (let j = 0; j < m.length; j++) out.set(terms[m.start + j], [...new Set([...(out.get(terms[m.start + j]) ?? []), ...m.canonical])]);
  }
  return out;
}

/** How the lexicon reads a question's stems, from one pass over them (weighQuestion). */
export interface LexiconReading {
  /** translateTerms */
  translations: Map<string, string[]>;
  /** translatePhrases */
  phrases: Map<string, string[][]>;
  /** The terms that stand somewhere outside any lexicon phrase. */
  standalone: Set<string>;
}

export function readLexicon(terms: readonly string[]): LexiconReading {
  const matches = lexiconMatches(terms);
  return { translations: translationsOf(terms, matches), phrases: phrasesOf(terms, matches), standalone: standaloneOf(terms, matches) };
}

/**
 * The terms with every lexicon phrase replaced by its Indonesian translation: the language-neutral form
 * used by the full-text index and the local embedder, so that an English question and the English abstract
 * do not outscore the Indonesian text on the words they share.
 */
export function canonicalTerms(terms: readonly string[]): string[] {
  return canonicalOf(terms, lexiconMatches(terms));
}

function canonicalOf(terms: readonly string[], matches: LexiconMatch[]): string[] {
  const byStart = new Map(matches.map((m) => [m.start, m]));
  const out: string[] = [];
  for (let i = 0; i < terms.length; ) {
    const m = byStart.get(i);
    if (m) {
      out.push(...m.canonical);
      i += m.length;
    } else out.push(terms[i++]);
  }
  return out;
}

interface Surface {
  words: string[];
  /** An affixed or informal form listed beside the head ("mencegah" beside "pencegahan"). */
  variant?: boolean;
  /** How the concept is written in the other language. */
  gloss: string;
  canonical: string[];
}

let writtenForms: { lexicon: Map<string, LexiconEntry[]>; forms: Set<string> } | undefined;

/** Whether the lexicon lists this word as written (lower case): "cse" and "un" are listed, "us" is only a stem of "use". */
export function isLexiconForm(word: string): boolean {
  const lexicon = loadLexicon();
  if (writtenForms?.lexicon !== lexicon) writtenForms = { lexicon, forms: new Set([...lexicon.values()].flatMap((list) => list.map((e) => e.written.toLowerCase()))) };
  return writtenForms.forms.has(word.toLowerCase());
}

let surfaces: { id: Map<string, Surface[]>; en: Map<string, Surface[]> } | undefined;

/** An Indonesian verb by its prefix: me-, mem-, men-, meng-, meny-, di- (mencegah, melindungi, dilindungi). */
const INDONESIAN_VERB = /^(?:me(?:m|n|ng|ny)?|di)[a-z]{3,}$/;
/** An Indonesian stative "ter-" word: "terbatas" (limited), "terlatih" (trained), "terlantar" (neglected). */
const INDONESIAN_STATIVE = /^ter[a-z]{3,}$/;

/**
 * Surface forms of the lexicon's phrases by language: an Indonesian phrase glosses to English and an English
 * phrase to Indonesian. Matching whole written words (not stems) keeps "dapatkan" from reading as "pendapatan".
 */
function surfaceIndex(): { id: Map<string, Surface[]>; en: Map<string, Surface[]> } {
  if (surfaces) return surfaces;
  const out = { id: new Map<string, Surface[]>(), en: new Map<string, Surface[]>() };
  const add = (lang: "id" | "en", phrase: string, surface: Omit<Surface, "words">) => {
    const words = tokenize(phrase);
    if (words.length === 0) return;
    const list = out[lang].get(words[0]) ?? [];
    list.push({ words, ...surface });
    out[lang].set(words[0], list);
  };
  const seen = new Set<string>();
  // Each head's English "-ing" form ("preventing" of prevention): how an Indonesian verb of it reads in English;
  // and its "-ed" form ("limited" of limitation): how an Indonesian "ter-" word of it reads ("terbatas").
  const gerunds = new Map<string, string>();
  const participles = new Map<string, string>();
  for (const list of loadLexicon().values()) {
    for (const e of list) {
      const key = `${e.display.id}\u0000${e.display.en}`;
      if (!gerunds.has(key) && /^[a-z]+ing$/.test(e.written) && isEnglishWord(e.written)) gerunds.set(key, e.written);
      // (Not the head's own past tense: "terdapat" under "exist" reads "exist", not "existed".)
      if (!participles.has(key) && /^[a-z]+ed$/.test(e.written) && !e.written.startsWith(e.display.en) && isEnglishWord(e.written)) participles.set(key, e.written);
    }
  }
  for (const list of loadLexicon().values()) {
    for (const e of list) {
      const key = `${e.display.id}\u0000${e.display.en}`;
      if (!seen.has(key)) {
        seen.add(key);
        add("id", e.display.id, { gloss: e.display.en, canonical: e.canonical });
        add("en", e.display.en, { gloss: e.display.id, canonical: e.canonical });
      }
      // A one-word Indonesian variant of the head ("mencegah", "kerjasama" beside "pencegahan", "kerja sama")
      // glosses as the head does. A word that is not English is Indonesian; an English synonym needs no gloss.
      // A phrase listed as a variant may say something narrower ("pemerintah nasional" under "pemerintah
      // pusat"), and the noun-and-modifier reading glosses it better.
      const variant = tokenize(e.written);
      if (variant.length === 1 && e.written !== e.display.id && e.written !== e.display.en) {
        // ... and an English inflection ("protecting", "prevented") glosses for an Indonesian reader as the head.
        // (An Indonesian verb, "mencegah", "dilindungi", reads as the English verb: "preventing", not "prevention".)
        // ("terbatas", "terlatih" read as the state: "limited", "trained".)
        const verb = INDONESIAN_VERB.test(variant[0]) ? gerunds.get(key) : INDONESIAN_STATIVE.test(variant[0]) ? participles.get(key) : undefined;
        if (!isEnglishWord(variant[0])) add("id", e.written, { gloss: verb ?? e.display.en, canonical: e.canonical, variant: true });
        else add("en", e.written, { gloss: e.display.id, canonical: e.canonical, variant: true });
      }
    }
  }
  for (const index of Object.values(out)) for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return (surfaces = out);
}

/** An English adjective by its ending ("social", "public", "reproductive", "institutional"); one word only. */
const ADJECTIVE_ENDING = /^[a-z]+(?:al|ic|ive|ous|ary|ful|less|able|ible)$/;
export function isEnglishAdjective(word: string): boolean {
  return ADJECTIVE_ENDING.test(word);
}

/** A concept the question asked counts this much when a gloss has no room for all (see GlossOptions.asked). */
const ASKED_WEIGHT = 0.3;

/** The share a concept found in no other passage is counted at (a floor for the logarithm). */
const MIN_SHARE = 0.005;

export interface GlossOptions {
  /** Concepts worth glossing (not the corpus's every-passage words). */
  keep?: (canonical: string[]) => boolean;
  limit?: number;
  /** How common a concept is (lower says more). */
  commonness?: (canonical: string[]) => number;
  /** Also the lexicon's one-word variants (often verbs: "mencegah", "menurun"); default true. */
  variants?: boolean;
  /** Concepts the reader asked about in their own words: they know those, so they yield the room to the rest. */
  asked?: (canonical: string[]) => boolean;
  /** Concepts that are items of a list the text makes ("... enam konsep (predisposisi kerentanan, rekrutmen, ...)"): what it lists comes first. */
  listed?: (canonical: string[]) => boolean;
}

/**
 * The concepts of a text that the lexicon knows, written in `lang`: a short gloss for a reader of the other
 * language ("... Pantai Gading ... kesehatan mental" -> ["Ivory Coast", "mental health"] for "en").
 */
export function glossTerms(text: string, lang: "id" | "en", options: GlossOptions = {}): string[] {
  const { keep = () => true, limit = 8, commonness = () => 0, variants = true, asked = () => false, listed = () => false } = options;
  const index = surfaceIndex()[lang === "en" ? "id" : "en"];
  const words = tokenize(text);
  const out: { gloss: string; canonical: string[]; count: number }[] = [];
  const push = (gloss: string, canonical: string[]) => {
    const seen = out.find((o) => o.gloss === gloss);
    if (seen) seen.count++;
    else out.push({ gloss, canonical, count: 1 });
  };
  const at = (i: number) => (index.get(words[i]) ?? []).find((s) => (variants || !s.variant) && s.words.every((w, j) => words[i + j] === w));
  for (let i = 0; i < words.length; ) {
    const found = at(i);
    if (!found) {
      i++;
      continue;
    }
    // Indonesian puts the modifier after its noun: "media sosial", "konseling individual", "pejabat publik"
    // read in English as "social media", "individual counseling", "public official".
    // Only words that stand together in the text: not across a comma ("Olahraga dan seni, spiritual").
    const next = lang === "en" ? at(i + found.words.length) : undefined;
    const together = (a: string[], b: string[]) => new RegExp(`(?<![\\p{L}])${[...a, ...b].map(escapeRegExp).join("\\s+")}(?![\\p{L}])`, "iu").test(text);
    // (Only a word written as the concept's head: "miskin biasanya" is "usually poor", not "general poverty".)
    if (next && !next.variant && isEnglishAdjective(next.gloss) && !/\s/.test(found.gloss) && (keep(found.canonical) || keep(next.canonical)) && together(found.words, next.words)) {
      push(`${next.gloss} ${found.gloss}`, [...found.canonical, ...next.canonical]);
      i += found.words.length + next.words.length;
      continue;
    }
    if (keep(found.canonical)) push(found.gloss, found.canonical);
    i += found.words.length;
  }
  if (out.length <= limit) return out.map((o) => o.gloss);
  // More concepts than a gloss holds: those the quote says most, weighed by how rare they are in the document
  // (tf-idf: "coordination", not "result"; "mental health" said twice, not "human" said once); shown in the
  // text's order.
  const weight = (o: { canonical: string[]; count: number }) => o.count * Math.log(1 / Math.max(commonness(o.canonical), MIN_SHARE)) * (asked(o.canonical) ? ASKED_WEIGHT : 1);
  const kept = new Set([...out].sort((a, b) => Number(listed(b.canonical)) - Number(listed(a.canonical)) || weight(b) - weight(a)).slice(0, limit));
  return out.filter((o) => kept.has(o)).map((o) => o.gloss);
}

// Ingest analyses each passage twice (its vector, its full-text terms); remember the last few.
const recent = new Map<string, Analysis>();

export function analyze(text: string): Analysis {
  const hit = recent.get(text);
  if (hit) return hit;
  const terms = contentStems(text);
  // One pass of the lexicon over the stems gives the expansions, the canonical form and the phrases.
  const matches = lexiconMatches(terms);
  const analysis = { terms, expansions: expansionsOf(terms, translationsOf(terms, matches)), canonical: canonicalOf(terms, matches), phrases: phraseKeysOf(matches) };
  if (recent.size >= 256) recent.delete(recent.keys().next().value as string);
  recent.set(text, analysis);
  return analysis;
}
