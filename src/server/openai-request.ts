/**
 * What an OpenAI chat request asks beyond its messages, read the way the assistant can honour it:
 *  - the language a system (or developer) message asks for ("Answer in English", "Jawab dalam bahasa
 *    Indonesia"): the answer's `lang`;
 *  - `max_tokens` / `max_completion_tokens`: the answer is cut after the last whole sentence that fits;
 *  - usage: tokens are ESTIMATED as characters / 4, rounded up (the assistant has no model tokenizer; a
 *    composed answer has no tokens at all). docs/api.md says so.
 */
import { answerText } from "../answer/answer.ts";
import type { AnswerSentence } from "../answer/types.ts";
import type { Lang } from "../domain/lang.ts";

const ENGLISH = /\b(?:answer|respond|reply|write|speak)\b[^.\n]{0,40}\b(?:in\s+)?english\b|\bbahasa\s+inggris\b|\benglish\s+only\b/i;
const INDONESIAN = /\b(?:answer|respond|reply|write|speak)\b[^.\n]{0,40}\b(?:in\s+)?(?:indonesian|bahasa(?:\s+indonesia)?)\b|\b(?:jawab(?:lah)?|gunakan|pakai|dalam)\b[^.\n]{0,30}\bbahasa\s+indonesia\b|\bindonesian\s+only\b/i;

/** The language the instructions ask the answer to be in, or undefined when they ask none. */
export function requestedLang(instructions: string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (const text of instructions) {
    if (ENGLISH.test(text)) lang = "en";
    else if (INDONESIAN.test(text)) lang = "id";
  }
  return lang;
}

/** Estimated tokens of a text: characters / 4, rounded up. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export function usageOf(prompt: string[], completion: string) {
  const prompt_tokens = prompt.reduce((n, t) => n + estimateTokens(t), 0);
  const completion_tokens = estimateTokens(completion);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

export interface Fitted {
  /** How many whole sentences are kept (0: part of the first; -1: part of the first, without the references). */
  kept: number;
  text: string;
  truncated: boolean;
}

/**
 * The longest run of whole sentences whose text, with `suffix(kept)` after it (the references of what is
 * kept), fits `maxTokens`; at least the first sentence, cut at a word with "…" when even it is too long.
 */
export function fitSentences(sentences: AnswerSentence[], maxTokens: number | undefined, suffix: (kept: number) => string): Fitted {
  const all = answerText(sentences);
  if (maxTokens === undefined || estimateTokens(all + suffix(sentences.length)) <= maxTokens) return { kept: sentences.length, text: all, truncated: false };
  for (let kept = sentences.length - 1; kept >= 1; kept--) {
    const text = answerText(sentences.slice(0, kept));
    if (estimateTokens(text + suffix(kept)) <= maxTokens) return { kept, text, truncated: true };
  }
  // Not even one sentence fits: its start, cut at a word, with the references only when they fit too.
  const first = sentences[0]?.text ?? "";
  const withRefs = maxTokens * 4 - suffix(0).length - 1;
  const budget = withRefs >= 40 ? withRefs : maxTokens * 4 - 1;
  const cut = first.slice(0, Math.max(1, budget)).replace(/\s+\S*$/, "");
  return { kept: withRefs >= 40 ? 0 : -1, text: `${cut || first.slice(0, Math.max(1, budget))}…`, truncated: true };
}
