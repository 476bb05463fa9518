/**
 * Metric functions: pure, small, tested on hand-made cases (src/eval/metrics.test.ts). Definitions are
 * written out in docs/eval.md; each function's comment says what counts.
 */
import { toSectionId } from "../domain/sections.ts";
import { detectLanguage } from "../text/language.ts";

export interface Labels {
  docId?: string;
  section: string;
  page?: number | null;
  studies: number[];
}

export interface Gold {
  studies: number[];
  sections: string[];
  docs: string[];
  pages: number[];
}

/**
 * A passage is relevant when it is in a gold document (if any), about a gold study (if any), and on a gold
 * page (if any) or else in a gold section (if any). Section names compare through their canonical ids.
 */
export function isRelevant(passage: Labels, gold: Gold): boolean {
  if (gold.docs.length > 0 && !(passage.docId && gold.docs.includes(passage.docId))) return false;
  if (gold.studies.length > 0 && !passage.studies.some((s) => gold.studies.includes(s))) return false;
  if (gold.pages.length > 0) return passage.page != null && gold.pages.includes(passage.page);
  if (gold.sections.length > 0) {
    const section = toSectionId(passage.section) ?? passage.section;
    return gold.sections.some((s) => (toSectionId(s) ?? s) === section);
  }
  return true;
}

export interface RankMetrics {
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/** For one ranked list of relevance flags: hit@1, hit@5, reciprocal rank. */
export function rankMetrics(relevant: boolean[]): RankMetrics {
  const first = relevant.indexOf(true);
  return {
    recallAt1: first === 0 ? 1 : 0,
    recallAt5: first >= 0 && first < 5 ? 1 : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

/** Lower case, no whitespace, one kind of quote and dash: how facts and quotes are compared. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/\s+/g, "");
}

/** Which facts ("a|b" = either) a text contains. */
export function factHits(text: string, facts: string[]): boolean[] {
  const haystack = normalizeForMatch(text);
  return facts.map((fact) => fact.split("|").some((alt) => haystack.includes(normalizeForMatch(alt))));
}

/** Quoted text in an answer: «...» spans (how answers mark the source's own words). */
const QUOTE_SPAN = /«[^»]*»/g;

/**
 * What a reader of `lang` reads in their language: the answer without its quotes in the other language.
 * Without `lang`, every quote is removed (the assistant's own words only). `quotedSentences` are sentences
 * that are quotes as a whole (an answer that marks them by structure instead of «»).
 */
export function ownWords(answer: string, quotedSentences: string[] = [], lang?: "id" | "en"): string {
  const foreign = (quote: string) => lang === undefined || detectLanguage(quote) !== lang;
  let text = answer.replace(QUOTE_SPAN, (q) => (foreign(q) ? " " : q));
  for (const s of quotedSentences) if (s && foreign(s)) text = text.split(s).join(" ");
  return text;
}

/**
 * Padding: a citation whose quote carries none of the question's facts or items (any alternative). Only
 * meaningful for questions that have facts.
 */
export function isPadding(quote: string, facts: string[]): boolean {
  return facts.length > 0 && !factHits(quote, facts).some(Boolean);
}

/** Item recall: items ("a|b") named in the answer, over all items. */
export function itemRecall(answer: string, items: string[]): number {
  if (items.length === 0) return 1;
  return factHits(answer, items).filter(Boolean).length / items.length;
}

/** Item precision over studies: of the studies the answer names, the share that are gold. Undefined when it names none. */
export function studyPrecision(named: number[], gold: number[]): number | undefined {
  const set = [...new Set(named)];
  if (set.length === 0) return undefined;
  return set.filter((n) => gold.includes(n)).length / set.length;
}

const NUMBER_WORDS: Record<number, string[]> = {
  0: ["zero", "none", "nol", "tidak ada"], 1: ["one", "satu", "se"], 2: ["two", "dua"], 3: ["three", "tiga"], 4: ["four", "empat"],
  5: ["five", "lima"], 6: ["six", "enam"], 7: ["seven", "tujuh"], 8: ["eight", "delapan"], 9: ["nine", "sembilan"], 10: ["ten", "sepuluh"],
};

/** The answer states the count: as digits standing alone, or as a number word in either language. */
export function statesCount(answer: string, count: number): boolean {
  if (new RegExp(`(?<![\\d.,])${count}(?![\\d.,]\\d)`).test(answer)) return true;
  const lower = answer.toLowerCase();
  return (NUMBER_WORDS[count] ?? []).some((w) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, "u").test(lower));
}

/** A citation is valid when its quote is the passage's text at the stated offsets. */
export function citationIsValid(quote: string, passageText: string | undefined, start?: number, end?: number): boolean {
  if (passageText === undefined || quote.length === 0) return false;
  if (start !== undefined && end !== undefined) return passageText.slice(start, end) === quote;
  return passageText.includes(quote);
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
