/**
 * In-process latency over the fixed questions: retrieval alone and the whole extractive answer, next to
 * a baseline in the same process — MiniSearch (BM25) over the same passages, returning its top k.
 */
import MiniSearch from "minisearch";
import { answer, type AnswerContext } from "../answer/answer.ts";
import type { ChatMessage } from "../retrieve/conversation.ts";
import { userTurns, type EvalQuestion } from "../eval/questions.ts";
import { retrieve } from "../retrieve/retrieve.ts";
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

/** The conversation a question is asked in: its scripted messages, or its one turn (played turns are skipped). */
function conversationOf(q: EvalQuestion): ChatMessage[] | undefined {
  if (q.messages) return q.messages as ChatMessage[];
  const turns = userTurns(q);
  return turns.length === 1 ? [{ role: "user", content: turns[0] }] : undefined;
}

export async function latencyBench(context: AnswerContext, evalQuestions: EvalQuestion[], rounds = 5): Promise<LatencyResult> {
  const questions = evalQuestions.flatMap((q) => {
    const messages = conversationOf(q);
    return messages ? [{ messages, text: messages.at(-1)!.content }] : [];
  });
  const passages = await context.store.listPassages(undefined, 1_000_000);
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: ["text"] });
  mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  const k = context.config.retrieve.topK;
  // Warm-up: caches, JIT, LanceDB.
  for (const q of questions.slice(0, 10)) await answer(context, q.messages);

  const retrieval: number[] = [];
  const full: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const text = q.text;
      let t = performance.now();
      await retrieve(context.store, context.embedder, text, { k, vectorWeight: context.config.retrieve.vectorWeight });
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
