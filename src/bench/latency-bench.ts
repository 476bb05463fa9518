/**
 * In-process latency over the fixed questions: retrieval alone and the whole extractive answer, next to
 * a baseline in the same process — MiniSearch (BM25) over the same passages, returning its top k.
 */
import MiniSearch from "minisearch";
import { answer, type AnswerContext } from "../answer/answer.ts";
import type { FixedQuestion } from "../eval/questions.ts";
import { understandQuery } from "../retrieve/query.ts";
import { searchPassages } from "../retrieve/search.ts";
import { summarizeLatency, type LatencySummary } from "./stats.ts";

export interface LatencyResult {
  questions: number;
  rounds: number;
  retrieval: LatencySummary;
  answer: LatencySummary;
  baseline: LatencySummary;
  /** product p50 / baseline p50. */
  retrievalRatio: number;
  answerRatio: number;
}

const lastUser = (q: FixedQuestion) => [...q.messages].reverse().find((m) => m.role === "user")!.content;

export async function latencyBench(context: AnswerContext, questions: FixedQuestion[], rounds = 5): Promise<LatencyResult> {
  const passages = await context.store.listPassages(undefined, 1_000_000);
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: ["text"] });
  mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  const k = context.config.retrieve.topK;
  const none = { link: () => [] };
  // Warm-up: caches, JIT, LanceDB.
  for (const q of questions.slice(0, 10)) await answer(context, q.messages);

  const retrieval: number[] = [];
  const full: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const text = lastUser(q);
      let t = performance.now();
      await searchPassages(context.store, context.embedder, understandQuery(text, none), { k, vectorWeight: context.config.retrieve.vectorWeight });
      retrieval.push(performance.now() - t);
      t = performance.now();
      await answer(context, q.messages, { mode: "extractive" });
      full.push(performance.now() - t);
      t = performance.now();
      mini.search(text, { fuzzy: 0.1, prefix: true }).slice(0, k);
      baseline.push(performance.now() - t);
    }
  }
  const r = summarizeLatency(retrieval);
  const a = summarizeLatency(full);
  const b = summarizeLatency(baseline);
  return {
    questions: questions.length,
    rounds,
    retrieval: r,
    answer: a,
    baseline: b,
    retrievalRatio: Math.round((r.p50 / Math.max(b.p50, 0.001)) * 10) / 10,
    answerRatio: Math.round((a.p50 / Math.max(b.p50, 0.001)) * 10) / 10,
  };
}
