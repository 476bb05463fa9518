/**
 * The optional judged pass (`npm run eval -- --judge`, needs a chat model): for every answer, the model
 * scores with a fixed rubric (1) the faithfulness of each sentence to the passage it cites and (2) the
 * answer's relevance to the question. Reported apart from the deterministic metrics: a judge can be wrong.
 */
import OpenAI from "openai";
import { answer, type AnswerContext } from "../answer/answer.ts";
import type { AnswerMode, AnswerResult } from "../answer/types.ts";
import type { ChatMessage } from "../retrieve/conversation.ts";
import type { Config } from "../config.ts";
import { mean } from "./metrics.ts";
import { userTurns, type EvalQuestion } from "./questions.ts";

export const JUDGE_RUBRIC = [
  "You grade answers of a citation-based assistant. Reply with JSON only: {\"faithful\": [0 or 1 per sentence], \"relevance\": 1-5}.",
  "faithful: 1 when everything the sentence claims is stated in the passage it cites; 0 when it adds, changes or contradicts anything.",
  "relevance: 5 = answers the question fully; 3 = partly; 1 = not at all. An honest 'the review does not cover this' to a question the passages cannot answer scores 5.",
].join("\n");

export interface JudgeResult {
  model: string;
  faithfulness: number;
  relevance: number;
  judged: number;
  errors: number;
}

/** The answer to a question's last turn: scripted messages as written, or each user turn answered in turn. */
async function finalAnswer(context: AnswerContext, q: EvalQuestion, mode: AnswerMode): Promise<AnswerResult> {
  if (q.messages) return answer(context, q.messages, { mode });
  const messages: ChatMessage[] = [];
  let result: AnswerResult | undefined;
  for (const turn of userTurns(q)) {
    messages.push({ role: "user", content: turn });
    result = await answer(context, messages, { mode });
    messages.push({ role: "assistant", content: result.answer });
  }
  return result!;
}

/** Judge the answers the product gives in `mode` to every question (asks the configured chat model). */
export async function runJudge(config: Config, context: AnswerContext, questions: EvalQuestion[], mode: AnswerMode, log: (line: string) => void): Promise<JudgeResult> {
  const client = new OpenAI({ baseURL: config.llm.baseURL, apiKey: config.llm.apiKey ?? "not-needed", timeout: config.llm.totalTimeoutMs, maxRetries: 1 });
  const faithful: number[] = [];
  const relevance: number[] = [];
  let errors = 0;
  for (const q of questions) {
    const result = await finalAnswer(context, q, mode);
    const cited = result.sentences.map((s) => ({
      sentence: s.text,
      passages: s.citations.map((n) => result.citations.find((c) => c.n === n)?.quote ?? "").filter(Boolean),
    }));
    try {
      const response = await client.chat.completions.create({
        model: config.llm.model,
        temperature: 0,
        messages: [
          { role: "system", content: JUDGE_RUBRIC },
          { role: "user", content: JSON.stringify({ question: userTurns(q).at(-1), answer: result.answer, sentences: cited }) },
        ],
      });
      const parsed = JSON.parse(response.choices[0]?.message?.content ?? "{}") as { faithful?: number[]; relevance?: number };
      if (Array.isArray(parsed.faithful) && parsed.faithful.length > 0) faithful.push(mean(parsed.faithful.map((x) => (x ? 1 : 0))));
      if (typeof parsed.relevance === "number") relevance.push(parsed.relevance);
    } catch {
      errors++;
    }
  }
  log(`judge: ${faithful.length} answers judged, ${errors} errors`);
  return { model: config.llm.model, faithfulness: mean(faithful), relevance: mean(relevance), judged: faithful.length, errors };
}
