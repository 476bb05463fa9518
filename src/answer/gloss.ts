/**
 * A gloss of a quote for a reader of the other language: its figures with their unit ("7 tahapan" ->
 * "7 stages", "300 gadis" -> "300 girls"), the names it mentions (which read the same in both languages),
 * and its key concepts translated through the lexicon. Written after the quote, outside it, so the reader
 * gets the facts in their own language while the quote stays the source's words.
 *
 * @example glossOf("terdapat 7 tahapan ... di rumah faye", "en") // ["7 stages", ...]
 */
import type { Lang } from "../domain/lang.ts";
import { analyze, contentStems, glossTerms, type GlossOptions } from "../text/analyze.ts";
import { enumerationItems } from "./enumeration.ts";
import { NEGATION, NUMBER_WORDS } from "./claim-words.ts";
import { isEnglishWord } from "../text/english-words.ts";
import { escapeRegExp } from "../text/tokenize.ts";
import { isIndonesianWord } from "../text/stem.ts";

/** A word of the language the reader does not read (or a joiner such as "dan", "of"). */
function otherLanguageWord(word: string, reader: Lang): boolean {
  const w = word.toLowerCase().replace(/[^\p{L}-]/gu, "");
  if (w.length <= 3) return true;
  return reader === "en" ? isIndonesianWord(w) && !isEnglishWord(w) : isEnglishWord(w) && !isIndonesianWord(w);
}

/**
 * A number (digits with separators, a percentage, a range: "7.616 sampai 1.000.000") and the words after it,
 * in lower case: a capital opens something else ("9-37 Copyright:"). Not a number inside a link or path
 * ("sprouts.aisnet.org/9-37").
 */
const FIGURE = /(?<![\p{L}\d/])(\d+(?:[.,]\d+)*(?:\s*(?:[-–]|sampai|hingga|to)\s*\d+(?:[.,]\d+)*)?%?)(?:\s+(\p{Ll}[\p{L}-]*))?(?:\s+(\p{Ll}[\p{L}-]*))?/gu;
/**
 * Indonesian counting words that stand before the noun counted ("234 orang anak" is 234 children), with
 * what they count when no noun follows ("500.000 orang" is 500,000 people; "1 orang" 1 person).
 */
const CLASSIFIERS: Record<string, string | undefined> = { orang: "person", jiwa: "person", buah: undefined, ekor: undefined, unit: "unit" };
/** A number written as a word and the word after it ("empat elemen", "six concepts"). */
const WORD_FIGURE = new RegExp(`(?<![\\p{L}])(${Object.keys(NUMBER_WORDS).join("|")})\\s+([\\p{L}-]+)`, "giu");
/** A capitalised name of two or more words, or an acronym ("Trauma-Focused Cognitive Behavioral Therapy", "KPAI"). */
const NAME = /(?<![\p{L}])(?:\p{Lu}[\p{L}'’-]*(?:\s+(?:of|and|for|the|dan|untuk)?\s*\p{Lu}[\p{L}'’-]*)+|[A-Z][A-Z0-9]{2,}s?)(?![\p{L}])/gu;
/** Names run to a few words ("Save the Children", "My Life My Choice"); longer capitalised runs are titles. */
const MAX_NAME_WORDS = 5;
/**
 * A gloss is a help, not a second answer: about one item for every WORDS_PER_GLOSS_ITEM words of the quote,
 * and never fewer than MIN_GLOSS_ITEMS nor more than MAX_GLOSS_ITEMS (a long quote carries more concepts).
 */
export const MIN_GLOSS_ITEMS = 10;
export const MAX_GLOSS_ITEMS = 14;
const WORDS_PER_GLOSS_ITEM = 5;

/** A figure's unit is a noun: the lexicon's heads, not its variants (often verbs: "72% menurun" is no unit). */
const NOUNS = { variants: false } as const;

const MULTIPLIERS = /^(?:hundred|thousand|million|billion|trillion|dozen)$/;

const IRREGULAR: Record<string, string> = { child: "children", person: "people", woman: "women", man: "men", survivor: "survivors" };

/**
 * A figure as the reader's language writes it: for English, Indonesian thousands dots become commas and a
 * decimal comma a point ("1.000.000" -> "1,000,000", "0,5" -> "0.5"), and "sampai"/"hingga" becomes "to".
 */
export function writeFigure(figure: string, lang: Lang): string {
  if (lang !== "en") return figure;
  return figure
    .replace(/\s*(?:sampai|hingga)\s*/g, " to ")
    .replace(/\d+(?:[.,]\d+)*/g, (n) => (/^\d{1,3}(?:\.\d{3})+$/.test(n) ? n.replaceAll(".", ",") : /^\d+,\d+$/.test(n) ? n.replace(",", ".") : n));
}

/** "7 stage" -> "7 stages" (English only; Indonesian nouns do not change). Singular only for exactly one. */
function plural(word: string, count: string, lang: Lang): string {
  // "4 million", not "4 millions": a multiplier after a number stays singular.
  if (lang !== "en" || /^1(?![\d.,]*\d)/.test(count) || /\s/.test(word) || MULTIPLIERS.test(word)) return word;
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (/(?:s|x|ch|sh)$/.test(word)) return word.endsWith("s") ? word : `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Short words that join a run of the reader's words ("Save the Children", "My Life My Choice"). */
const RUN_JOINERS: Record<Lang, ReadonlySet<string>> = { en: new Set(["the", "and", "of", "for", "my", "to", "in", "on"]), id: new Set(["dan", "di", "ke", "yang"]) };

/** Runs of words written in the reader's language inside a text in the other one (code-switching). */
function readerLanguageRuns(text: string, reader: Lang): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let joiners: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(run.join(" "));
    run = [];
    joiners = [];
  };
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*|[^\p{L}\s]+/gu)) {
    const word = m[0];
    const lower = word.toLowerCase();
    // (Only a word of the reader's language alone: "program", "mental" are both languages' and tell nothing.)
    const own = lower.length >= 4 && (reader === "en" ? isEnglishWord(lower) && !isIndonesianWord(lower) : isIndonesianWord(lower) && !isEnglishWord(lower));
    if (own) {
      run.push(...joiners, word);
      joiners = [];
    } else if (run.length > 0 && RUN_JOINERS[reader].has(lower)) joiners.push(word);
    else flush();
  }
  flush();
  return out;
}

export function glossOf(text: string, lang: Lang, options: GlossOptions = {}): string[] {
  const items = Math.min(MAX_GLOSS_ITEMS, Math.max(MIN_GLOSS_ITEMS, Math.ceil(text.split(/\s+/).length / WORDS_PER_GLOSS_ITEM)));
  const out: string[] = [];
  const add = (item: string) => {
    const clean = item.trim().replace(/[,.;:]+$/, "");
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  };
  // A figure needs translating only with its unit ("6 bulan" -> "6 months"); bare figures read the same, but a
  // share is said anyway, where the reader looks for the findings.
  for (const m of text.matchAll(FIGURE)) {
    // "234 orang anak": the noun after a counting word is the unit ("children"), else the counting word's own ("people").
    const classifier = m[2] && Object.hasOwn(CLASSIFIERS, m[2].toLowerCase()) ? m[2].toLowerCase() : undefined;
    const counted = classifier && m[3] ? glossTerms(m[3], lang, NOUNS)[0] : undefined;
    const ownUnit = classifier && lang === "en" ? CLASSIFIERS[classifier] : undefined;
    const unit = counted ?? ownUnit ?? (m[2] ? glossTerms(m[2], lang, NOUNS)[0] : undefined);
    // A share is a finding in itself ("turun ... menjadi 14%"): said outside the quote, unit or not.
    if (!unit && m[1].endsWith("%")) add(writeFigure(m[1], lang));
    if (!unit) continue;
    const figure = writeFigure(m[1], lang);
    add(`${figure} ${plural(unit, figure, lang)}`);
  }
  // "empat elemen kerjasama" -> "4 elements": the number word is the other language's too.
  for (const m of text.matchAll(WORD_FIGURE)) {
    const unit = glossTerms(m[2], lang, NOUNS)[0];
    const figure = NUMBER_WORDS[m[1].toLowerCase()];
    if (unit && figure && !NUMBER_WORDS[unit.toLowerCase()]) add(`${figure} ${plural(unit, figure, lang)}`);
  }
  for (const m of text.matchAll(NAME)) {
    // A capitalised word opening the sentence is not a name ("Sejak Januari"); Title Case words of the
    // other language ("Peran Pemerintah Daerah") are words to translate, not names.
    // A run of more than MAX_NAME_WORDS capitalised words is a title, not a name.
    // (An acronym is a name whatever its letters spell in lower case: "WHO", "IOM", "UEP".)
    const acronym = /^[A-Z][A-Z0-9]{2,}s?$/.test(m[0]);
    if (m.index === 0 || m[0].split(/\s+/).length > MAX_NAME_WORDS || (!acronym && m[0].split(/\s+/).every((w) => otherLanguageWord(w, lang)))) continue;
    add(m[0]);
  }
  // Words of the reader's language the quote already uses ("remaja transgender", "motivation class",
  // "Prosecution"): the facts they carry are stated in the reader's words outside the quote too.
  // (Not a part of a name already said: "Tomo" of "Sunu Ngesti Tomo".)
  const said = (run: string) => out.some((o) => new RegExp(`(?<![\\p{L}])${escapeRegExp(run)}(?![\\p{L}])`, "iu").test(o));
  for (const run of readerLanguageRuns(text, lang)) if (!said(run)) add(run);
  // The lexicon's concepts get the room the figures and names leave, and at least half of it; the items of a
  // list the quote makes first.
  const listedStems = new Set(enumerationItems(text).flatMap((item) => {
    const { terms, canonical, expansions } = analyze(text.slice(item.start, item.end));
    return [...terms, ...canonical, ...expansions];
  }));
  const listed = (canonical: string[]) => canonical.every((t) => listedStems.has(t));
  for (const term of glossTerms(text, lang, { limit: Math.max(Math.ceil(items / 2), items - out.length), listed, ...options })) {
    // Negations and number words ("not", "one") tell a reader nothing; a unit already glossed with its figure is not repeated.
    const functionWord = (w: string) => w === "one" || NUMBER_WORDS[w] !== undefined || contentStems(w).every((s) => NEGATION.has(s));
    if (term.toLowerCase().split(/\s+/).every(functionWord)) continue;
    if (out.some((o) => o.toLowerCase().includes(term.toLowerCase()))) continue;
    add(term);
  }
  return out.slice(0, items);
}
