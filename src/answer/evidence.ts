/**
 * Evidence: the sentences of the retrieved passages, scored against the question. Shared by the
 * extractive composer (which quotes the best), the abstention check (is anything good enough?) and the
 * LLM path (which sentence of a cited passage supports a model sentence).
 */
import type { Passage } from "../ingest/types.ts";
import type { TermStats } from "../store/layout.ts";
import type { Intent, Query } from "../retrieve/query.ts";
import type { ScoredPassage } from "../retrieve/search.ts";
import { analyze, contentStems, translateTerms } from "../text/analyze.ts";
import { isIndonesianWord } from "../text/stem.ts";
import { splitSentences } from "../text/sentences.ts";
import { tokenize } from "../text/tokenize.ts";

export interface Candidate {
  passage: Passage;
  /** Rank of the passage in the retrieval (0 = best). */
  rank: number;
  start: number;
  end: number;
  text: string;
  stems: Set<string>;
  /** Index of the sentence in its passage. */
  position: number;
  /**
   * Share of the question's weighted terms the sentence contains (0..1); 1 for the table cell that a
   * metadata question about a named study asks for ("Nama Penulis: ..." for "who wrote study 9?").
   */
  coverage: number;
  score: number;
}

export interface WeightedTerm {
  term: string;
  weight: number;
  /** In no passage of the index: a word the review never uses. */
  unknown: boolean;
  /**
   * An unknown term the question turns on: a number, a name written with a capital, or a domain concept
   * the lexicon knows but the review never mentions ("sample size" -> sampel). The review cannot answer
   * a question about it.
   */
  salient: boolean;
}

/**
 * Table cells of the review's long table, with the intents that ask for them. The journal cell also holds
 * the in-text citation ("(Wallace et al., 2016)"), which answers "who" and "when" too: where it disagrees
 * with the author and year columns, both are quoted.
 */
const FIELD_INTENTS: [RegExp, Intent[]][] = [
  [/^Nama Penulis:/, ["who"]],
  [/^Tahun:/, ["when"]],
  [/^Nama Jurnal:.*\(\p{Lu}[^()]*(?:19|20)\d\d\)$/u, ["journal", "who", "when"]],
  [/^Nama Jurnal:/, ["journal"]],
  [/^Database:/, ["database"]],
  [/^Metode:/, ["method"]],
];

const YEAR = /^(?:19|20)\d\d$/;
const NUMBER_WORDS = new Set(["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "seratus", "ribu", "juta", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million"]);

const STANDALONE_NUMBER = /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu;

/**
 * A count, amount or share: a number standing on its own (not a year, not part of a name like "P2TP2A",
 * not a table row label "No. 4"), or a number word.
 */
export function hasQuantity(text: string): boolean {
  const body = text.replace(/^No\. \d+,?/, "");
  for (const m of body.matchAll(STANDALONE_NUMBER)) if (!YEAR.test(m[0])) return true;
  return tokenize(body).some((t) => NUMBER_WORDS.has(t));
}

/** Words that give a reason, for "why" questions. */
const REASON = /\b(penyebab|sebab|karena|faktor|alasan|akibat|because|cause|due to)\b/iu;

export interface WeighOptions {
  /** The user's own words (a follow-up's search text also holds the previous question). */
  ownText: string;
  /** Stems that only say which study is meant ("MLMC", "Rafferty"): little weight, the filter has used them. */
  identity?: Set<string>;
}

/**
 * Weights of the question's terms: rarer terms weigh more (IDF over the index). Terms the lexicon
 * translates weigh through their Indonesian translation. Unknown words: salient ones (see WeightedTerm)
 * weigh as the rarest; others little (the review is in Indonesian, and users' wording varies).
 */
export function weighQuestion(query: Pick<Query, "text" | "terms" | "expansions">, stats: TermStats, options: WeighOptions): WeightedTerm[] {
  const n = Math.max(1, stats.documents);
  const maxIdf = Math.log(1 + n);
  const df = (t: string) => stats.df[t] ?? 0;
  const idf = (t: string) => Math.log(1 + n / (1 + df(t)));
  const own = new Set(contentStems(options.ownText));
  const words = options.ownText.split(/\s+/);
  const capitalised = new Set(
    words.slice(1).filter((w) => /^[("'“]?\p{Lu}/u.test(w)).flatMap((w) => contentStems(w)),
  );
  const translated = translateTerms(query.terms);
  const identity = options.identity ?? new Set<string>();
  const out = new Map<string, WeightedTerm>();
  for (const term of query.terms) {
    if (out.has(term) || term.length <= 1) continue;
    const unknown = df(term) === 0;
    const translation = translated.get(term);
    // "indonesiaunicef" from "Indonesia-UNICEF": the parts carry the meaning.
    const glued = unknown && query.terms.some((a) => a !== term && term.startsWith(a) && query.terms.includes(term.slice(a.length)));
    let weight: number;
    let salient = false;
    if (glued) weight = 0;
    else if (translation) {
      // The Indonesian translation carries the weight (it is in `expansions`, or is the term itself).
      salient = unknown && translation.every((c) => df(c) === 0);
      weight = salient ? maxIdf : translation.includes(term) ? idf(term) : 0;
    } else if (!unknown) weight = idf(term); else if (/^\d/.test(term) || capitalised.has(term)) {
      salient = true;
      weight = maxIdf;
    } else weight = (isIndonesianWord(term) ? 0.3 : 0.15) * maxIdf;
    // Words that only say which study is meant count for less: the study filter has already used them.
    if (identity.has(term)) {
      weight *= 0.25;
      salient = false;
    }
    // Words carried over from the previous question (a follow-up's topic) count for less.
    if (!own.has(term)) weight *= 0.5;
    out.set(term, { term, weight, unknown, salient: salient && weight > 0 });
  }
  for (const term of query.expansions) {
    if (out.has(term)) continue;
    const weight = (df(term) === 0 ? 0 : idf(term)) * (identity.has(term) ? 0.25 : 1);
    out.set(term, { term, weight, unknown: df(term) === 0, salient: false });
  }
  return [...out.values()];
}

export interface ScoreContext {
  weights: WeightedTerm[];
  intents: Intent[];
  studies: number[];
  k: number;
}

export function candidatesOf(hits: ScoredPassage[], context: ScoreContext): Candidate[] {
  const total = context.weights.reduce((s, w) => s + w.weight, 0) || 1;
  const out: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const text = hit.passage.text;
    splitSentences(text).forEach((raw, position) => {
      // A row label alone ("No. 4") says nothing; as a prefix ("No. 9, Hasil: ") it is not quoted.
      if (/^No\. \d+$/.test(text.slice(raw.start, raw.end))) return;
      const prefix = /^(?:No\. \d+, [\p{L} ]+: |(?:Hasil|Intervensi): )/u.exec(text.slice(raw.start, raw.end))?.[0].length ?? 0;
      const span = { start: raw.start + prefix, end: raw.end };
      const sentence = text.slice(span.start, span.end);
      // The cell label counts for matching ("hasilnya?" meets "Hasil: ..."), though it is not quoted.
      const analysed = analyze(text.slice(raw.start, raw.end));
      const stems = new Set([...analysed.terms, ...analysed.expansions]);
      const covered = context.weights.reduce((s, w) => s + (stems.has(w.term) ? w.weight : 0), 0);
      const coverage = covered / total;
      let score = coverage + 0.15 * (1 - rank / Math.max(1, context.k));
      // A metadata question about a named study is answered by that study's table cell.
      const namedStudy = context.studies.length > 0 && hit.passage.studies.some((s) => context.studies.includes(s));
      const field = namedStudy ? FIELD_INTENTS.find(([label, intents]) => label.test(sentence) && intents.some((i) => context.intents.includes(i))) : undefined;
      if (field) score += 0.5;
      if (context.intents.includes("numeric") && hasQuantity(sentence)) score += 0.15;
      if (context.intents.includes("why") && REASON.test(sentence)) score += 0.15;
      const support = field ? 1 : coverage;
      if (context.studies.length > 0 && hit.passage.studies.some((s) => context.studies.includes(s))) score += 0.1;
      if (sentence.length < 25 && !FIELD_INTENTS.some(([label]) => label.test(sentence))) score -= 0.2;
      // A title says which study, not what it found: quoted only when the question is about the study itself.
      if (/^Judul Artikel:/.test(sentence) && !context.intents.includes("title")) score -= 0.15;
      out.push({ passage: hit.passage, rank, start: span.start, end: span.end, text: sentence, stems, position, coverage: support, score });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

/** How much two sentences say the same: shared stems over the larger sentence's stems. */
export function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
