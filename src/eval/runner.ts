/**
 * Runs evaluation questions through the product (the same path as the server) and through the BM25
 * baseline, and scores both. Conversations given as `turns` are played against the product: each later
 * turn follows the product's own previous answer.
 */
import type { Baseline } from "./baseline.ts";
import {
  citationIsValid,
  factHits,
  isPadding,
  isRelevant,
  itemRecall,
  mean,
  ownWords,
  percentile,
  rankMetrics,
  statesCount,
  studyPrecision,
} from "./metrics.ts";
import type { Product, ProductAnswer } from "./product.ts";
import { lastUserTurn, userTurns, type EvalQuestion } from "./questions.ts";

export interface QuestionRecord {
  id: string;
  kind: string;
  lang: string;
  question: string;
  answerable: boolean;
  relevant: boolean[];
  relevantUnfiltered: boolean[];
  facts: string[];
  missing: string[];
  factHits: number;
  /** Facts stated outside quotes (the assistant's own words). */
  ownFactHits: number;
  /** Facts in the asker's language: own words, or quotes in that language. */
  readableFactHits: number;
  citations: number;
  validCitations: number;
  paddingCitations: number;
  wrongDocCitations: number;
  itemRecall?: number;
  itemPrecision?: number;
  countOk?: boolean;
  abstained: boolean;
  ms: number;
  answer: string;
  reason?: string;
}

export interface Metrics {
  questions: number;
  retrieval: { recallAt1: number; recallAt5: number; mrr: number; recallAt5Unfiltered: number; n: number };
  answers: { mustInclude: number; allFacts: number; citationValidity: number; padding: number; citations: number; n: number };
  language: { englishOwnWords: number; englishReadable: number; n: number };
  lists: { itemRecall: number; itemPrecision: number; countAccuracy: number; n: number };
  multiturn: { success: number; n: number };
  abstention: { recall: number; falseAbstainRate: number; precision: number; unanswerable: number; answerable: number };
  documents: { wrongDocumentCitations: number; n: number };
  latency: { p50: number; p95: number };
}

export interface SystemResult {
  overall: Metrics;
  byKind: Record<string, Metrics>;
  byLang: Record<string, Metrics>;
  records: QuestionRecord[];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function summarise(records: QuestionRecord[]): Metrics {
  const answerable = records.filter((r) => r.answerable);
  const unanswerable = records.filter((r) => !r.answerable);
  const ranks = answerable.map((r) => rankMetrics(r.relevant));
  const unfiltered = answerable.map((r) => rankMetrics(r.relevantUnfiltered));
  const withFacts = answerable.filter((r) => r.facts.length > 0);
  const facts = withFacts.reduce((n, r) => n + r.facts.length, 0);
  const answered = withFacts.filter((r) => !r.abstained);
  const english = withFacts.filter((r) => r.lang === "en");
  const itemRecords = answerable.filter((r) => r.itemRecall !== undefined);
  const precisionRecords = answerable.filter((r) => r.itemPrecision !== undefined);
  const countRecords = answerable.filter((r) => r.countOk !== undefined);
  const multi = records.filter((r) => r.kind === "multiturn");
  const abstainedRight = unanswerable.filter((r) => r.abstained).length;
  const abstainedWrong = answerable.filter((r) => r.abstained).length;
  const docRecords = answerable.filter((r) => r.wrongDocCitations >= 0 && r.citations > 0);
  const allCitations = records.reduce((n, r) => n + r.citations, 0);
  return {
    questions: records.length,
    retrieval: {
      recallAt1: mean(ranks.map((m) => m.recallAt1)),
      recallAt5: mean(ranks.map((m) => m.recallAt5)),
      mrr: mean(ranks.map((m) => m.mrr)),
      recallAt5Unfiltered: mean(unfiltered.map((m) => m.recallAt5)),
      n: answerable.length,
    },
    answers: {
      mustInclude: share(withFacts.reduce((n, r) => n + r.factHits, 0), facts),
      allFacts: share(withFacts.filter((r) => r.factHits === r.facts.length).length, withFacts.length),
      citationValidity: allCitations === 0 ? 1 : records.reduce((n, r) => n + r.validCitations, 0) / allCitations,
      padding: share(answered.reduce((n, r) => n + r.paddingCitations, 0), answered.reduce((n, r) => n + r.citations, 0)),
      citations: allCitations,
      n: withFacts.length,
    },
    language: {
      englishOwnWords: share(english.reduce((n, r) => n + r.ownFactHits, 0), english.reduce((n, r) => n + r.facts.length, 0)),
      englishReadable: share(english.reduce((n, r) => n + r.readableFactHits, 0), english.reduce((n, r) => n + r.facts.length, 0)),
      n: english.length,
    },
    lists: {
      itemRecall: mean(itemRecords.map((r) => r.itemRecall!)),
      itemPrecision: precisionRecords.length === 0 ? 1 : mean(precisionRecords.map((r) => r.itemPrecision!)),
      countAccuracy: share(countRecords.filter((r) => r.countOk).length, countRecords.length),
      n: itemRecords.length,
    },
    multiturn: {
      success: share(multi.filter((r) => (r.answerable ? !r.abstained && r.factHits === r.facts.length : r.abstained)).length, multi.length),
      n: multi.length,
    },
    abstention: {
      recall: share(abstainedRight, unanswerable.length),
      falseAbstainRate: share(abstainedWrong, answerable.length),
      precision: share(abstainedRight, abstainedRight + abstainedWrong),
      unanswerable: unanswerable.length,
      answerable: answerable.length,
    },
    documents: {
      wrongDocumentCitations: share(docRecords.reduce((n, r) => n + r.wrongDocCitations, 0), docRecords.reduce((n, r) => n + r.citations, 0)),
      n: docRecords.length,
    },
    latency: { p50: percentile(records.map((r) => r.ms), 50), p95: percentile(records.map((r) => r.ms), 95) },
  };
}

function breakdown(records: QuestionRecord[], key: "kind" | "lang"): Record<string, Metrics> {
  const groups = new Map<string, QuestionRecord[]>();
  for (const r of records) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, summarise(list)]));
}

export function systemResult(records: QuestionRecord[]): SystemResult {
  return { overall: summarise(records), byKind: breakdown(records, "kind"), byLang: breakdown(records, "lang"), records };
}

/** Play a question's conversation: scripted messages as written, or user turns answered by the product. */
async function play(product: Product, q: EvalQuestion): Promise<{ final: ProductAnswer; ms: number }> {
  if (q.messages) {
    const started = performance.now();
    const final = await product.answer(q.messages);
    return { final, ms: performance.now() - started };
  }
  const messages: { role: "user" | "assistant"; content: string }[] = [];
  const turns = userTurns(q);
  let final: ProductAnswer | undefined;
  let ms = 0;
  for (const turn of turns) {
    messages.push({ role: "user", content: turn });
    const started = performance.now();
    final = await product.answer(messages);
    ms = performance.now() - started;
    messages.push({ role: "assistant", content: final.answer });
  }
  return { final: final!, ms };
}

export async function productRecord(product: Product, q: EvalQuestion, k = 5): Promise<QuestionRecord> {
  const { final, ms } = await play(product, q);
  const factsAndItems = [...q.mustInclude, ...(q.items ?? [])];
  const hits = factHits(final.answer, q.mustInclude);
  // Facts in the assistant's own words (outside any quote), and facts the reader gets in their language
  // (own words, or quotes written in that language, as from an English paper).
  const ownHits = factHits(ownWords(final.answer, final.quotedSentences), q.mustInclude);
  const readableHits = factHits(ownWords(final.answer, final.quotedSentences, q.lang), q.mustInclude);
  let valid = 0;
  let padding = 0;
  let wrongDoc = 0;
  for (const c of final.citations) {
    if (citationIsValid(c.quote, await product.passageText(c.passageId), c.quoteStart, c.quoteEnd)) valid++;
    if (isPadding(c.quote, factsAndItems)) padding++;
    if (q.gold.docs.length > 0 && c.docId && !q.gold.docs.includes(c.docId)) wrongDoc++;
  }
  const unfiltered = q.answerable ? await product.retrieveUnfiltered(lastUserTurn(q), k) : [];
  return {
    id: q.id,
    kind: q.kind,
    lang: q.lang,
    question: lastUserTurn(q),
    answerable: q.answerable,
    relevant: final.retrieved.map((p) => isRelevant(p, q.gold)),
    relevantUnfiltered: unfiltered.map((p) => isRelevant(p, q.gold)),
    facts: q.mustInclude,
    missing: q.mustInclude.filter((_, i) => !hits[i]),
    factHits: hits.filter(Boolean).length,
    ownFactHits: ownHits.filter(Boolean).length,
    readableFactHits: readableHits.filter(Boolean).length,
    citations: final.citations.length,
    validCitations: valid,
    paddingCitations: padding,
    wrongDocCitations: wrongDoc,
    ...(q.items ? { itemRecall: itemRecall(final.answer, q.items) } : {}),
    ...(q.exact && q.gold.studies.length > 0 && !final.abstained ? { itemPrecision: studyPrecision(final.studies, q.gold.studies) ?? 0 } : {}),
    // A count is stated by the assistant, not found somewhere inside a quote ("No. 4").
    ...(q.count !== undefined ? { countOk: statesCount(ownWords(final.answer, final.quotedSentences).replace(/\[\d+(?:[,–-]\s*\d+)*\]/g, " "), q.count) } : {}),
    abstained: final.abstained,
    ms,
    answer: final.answer,
    reason: final.reason || undefined,
  };
}

/** The baseline answers with its top chunk; it never abstains. */
export function baselineRecord(baseline: Baseline, q: EvalQuestion): QuestionRecord {
  const started = performance.now();
  const hits = baseline.search(lastUserTurn(q), 5);
  const ms = performance.now() - started;
  const top = hits[0];
  const text = top?.text ?? "";
  const factFlags = factHits(text, q.mustInclude);
  const relevant = hits.map((h) => h.labels.some((l) => isRelevant(l, q.gold)));
  return {
    id: q.id,
    kind: q.kind,
    lang: q.lang,
    question: lastUserTurn(q),
    answerable: q.answerable,
    relevant,
    relevantUnfiltered: relevant,
    facts: q.mustInclude,
    missing: q.mustInclude.filter((_, i) => !factFlags[i]),
    factHits: factFlags.filter(Boolean).length,
    ownFactHits: 0,
    readableFactHits: q.lang === "en" ? factFlags.filter(Boolean).length : 0,
    citations: top ? 1 : 0,
    validCitations: top ? 1 : 0,
    paddingCitations: top && isPadding(text, [...q.mustInclude, ...(q.items ?? [])]) ? 1 : 0,
    wrongDocCitations: top && q.gold.docs.length > 0 && !top.labels.some((l) => l.docId && q.gold.docs.includes(l.docId)) ? 1 : 0,
    ...(q.items ? { itemRecall: itemRecall(text, q.items) } : {}),
    ...(q.count !== undefined ? { countOk: statesCount(text, q.count) } : {}),
    abstained: !top,
    ms,
    answer: text,
  };
}

export interface SplitRun {
  product: SystemResult;
  baseline: SystemResult;
}

export async function runSplit(product: Product, baseline: Baseline, questions: EvalQuestion[], onProgress?: (done: number, total: number) => void): Promise<SplitRun> {
  const productRecords: QuestionRecord[] = [];
  const baselineRecords: QuestionRecord[] = [];
  for (const [i, q] of questions.entries()) {
    productRecords.push(await productRecord(product, q));
    baselineRecords.push(baselineRecord(baseline, q));
    onProgress?.(i + 1, questions.length);
  }
  return { product: systemResult(productRecords), baseline: systemResult(baselineRecords) };
}
