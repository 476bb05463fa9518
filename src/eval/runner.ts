/**
 * Runs every fixed question through the product's answer() (the same path as the server) and through the
 * BM25 baseline, and scores both.
 */
import { answer, type AnswerContext } from "../answer/answer.ts";
import type { AnswerMode, AnswerResult } from "../answer/types.ts";
import type { Passage } from "../ingest/types.ts";
import { createBaseline } from "./baseline.ts";
import {
  abstentionCounts,
  abstentionRates,
  citationIsValid,
  isRelevant,
  mean,
  mustIncludeHits,
  percentile,
  rankMetrics,
  type Labels,
} from "./metrics.ts";
import { isOutOfScope, type FixedQuestion } from "./questions.ts";

export interface QuestionRecord {
  id: string;
  kind: string;
  lang: string;
  question: string;
  outOfScope: boolean;
  relevant: boolean[];
  mustInclude: string[];
  missing: string[];
  mustIncludeHits: number;
  citations: number;
  validCitations: number;
  supportedCitations: number;
  abstained: boolean;
  ms: number;
  answer: string;
  abstainReason?: string;
}

export interface Metrics {
  questions: number;
  retrieval: { recallAt1: number; recallAt5: number; mrr: number; n: number };
  answers: { mustInclude: number; allFacts: number; citationValidity: number; citationSupport: number; citations: number; n: number };
  abstention: { precision: number; recall: number; falseAbstainRate: number; falseAnswerRate: number; outOfScope: number };
  latency: { p50: number; p95: number };
}

export interface SystemResult {
  overall: Metrics;
  byKind: Record<string, Metrics>;
  byLang: Record<string, Metrics>;
  records: QuestionRecord[];
}

export function summarise(records: QuestionRecord[]): Metrics {
  const inScope = records.filter((r) => !r.outOfScope);
  const ranks = inScope.map((r) => rankMetrics(r.relevant));
  const withFacts = inScope.filter((r) => r.mustInclude.length > 0);
  const facts = withFacts.reduce((n, r) => n + r.mustInclude.length, 0);
  const factHits = withFacts.reduce((n, r) => n + r.mustIncludeHits, 0);
  const citations = records.reduce((n, r) => n + r.citations, 0);
  const inScopeCitations = inScope.reduce((n, r) => n + r.citations, 0);
  const rates = abstentionRates(abstentionCounts(records));
  return {
    questions: records.length,
    retrieval: {
      recallAt1: mean(ranks.map((m) => m.recallAt1)),
      recallAt5: mean(ranks.map((m) => m.recallAt5)),
      mrr: mean(ranks.map((m) => m.mrr)),
      n: inScope.length,
    },
    answers: {
      mustInclude: facts === 0 ? 0 : factHits / facts,
      allFacts: withFacts.length === 0 ? 0 : withFacts.filter((r) => r.mustIncludeHits === r.mustInclude.length).length / withFacts.length,
      citationValidity: citations === 0 ? 1 : records.reduce((n, r) => n + r.validCitations, 0) / citations,
      citationSupport: inScopeCitations === 0 ? 0 : inScope.reduce((n, r) => n + r.supportedCitations, 0) / inScopeCitations,
      citations,
      n: withFacts.length,
    },
    abstention: { ...rates, outOfScope: records.filter((r) => r.outOfScope).length },
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

const lastUser = (q: FixedQuestion) => [...q.messages].reverse().find((m) => m.role === "user")!.content;

async function productRecord(context: AnswerContext, q: FixedQuestion, mode: AnswerMode): Promise<{ record: QuestionRecord; result: AnswerResult }> {
  const started = performance.now();
  const result = await answer(context, q.messages, { mode });
  const ms = performance.now() - started;
  const hits = mustIncludeHits(result.answer, q.mustInclude);
  let valid = 0;
  let supported = 0;
  for (const c of result.citations) {
    const passage = await context.store.getPassage(c.passageId);
    if (citationIsValid(c.quote, passage?.text) && passage?.text.slice(c.quoteStart, c.quoteEnd) === c.quote) valid++;
    if (isRelevant(c, q.gold)) supported++;
  }
  return {
    result,
    record: {
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      question: lastUser(q),
      outOfScope: isOutOfScope(q),
      relevant: result.retrieved.map((p) => isRelevant(p, q.gold)),
      mustInclude: q.mustInclude,
      missing: q.mustInclude.filter((_, i) => !hits[i]),
      mustIncludeHits: hits.filter(Boolean).length,
      citations: result.citations.length,
      validCitations: valid,
      supportedCitations: supported,
      abstained: result.abstained,
      ms,
      answer: result.answer,
      abstainReason: result.diagnostics.abstainReason || undefined,
    },
  };
}

export interface EvalRun {
  product: SystemResult;
  baseline: SystemResult;
}

export async function runEvaluation(
  context: AnswerContext,
  questions: FixedQuestion[],
  options: { mode: AnswerMode; rawFiles: string[]; onProgress?: (done: number, total: number) => void },
): Promise<EvalRun> {
  const passages: Passage[] = await context.store.listPassages(undefined, 1_000_000);
  const baseline = createBaseline(options.rawFiles, passages);
  const product: QuestionRecord[] = [];
  const base: QuestionRecord[] = [];
  for (const [i, q] of questions.entries()) {
    product.push((await productRecord(context, q, options.mode)).record);
    const started = performance.now();
    const hits = baseline.search(lastUser(q), 5);
    const ms = performance.now() - started;
    const top = hits[0];
    const answerText = top?.text ?? "";
    const factHits = mustIncludeHits(answerText, q.mustInclude);
    const relevantLabels = (labels: Labels[]) => labels.some((l) => isRelevant(l, q.gold));
    base.push({
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      question: lastUser(q),
      outOfScope: isOutOfScope(q),
      relevant: hits.map((h) => relevantLabels(h.labels)),
      mustInclude: q.mustInclude,
      missing: q.mustInclude.filter((_, k) => !factHits[k]),
      mustIncludeHits: factHits.filter(Boolean).length,
      citations: top ? 1 : 0,
      validCitations: top ? 1 : 0,
      supportedCitations: top && relevantLabels(top.labels) ? 1 : 0,
      abstained: !top,
      ms,
      answer: answerText,
    });
    options.onProgress?.(i + 1, questions.length);
  }
  return { product: systemResult(product), baseline: systemResult(base) };
}
