/**
 * The product as the evaluation sees it: a conversation in, an answer out, plus retrieval without any
 * study filter and passage lookup. It calls the same public entry points as the server, nothing deeper.
 */
import { answer, type AnswerContext } from "../answer/answer.ts";
import type { AnswerMode } from "../answer/types.ts";
import { retrieveUnfiltered } from "../answer/answer.ts";
import type { Labels } from "./metrics.ts";

export interface ProductCitation {
  passageId: string;
  docId?: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  studies: number[];
  section: string;
  page: number | null;
}

export interface ProductAnswer {
  answer: string;
  abstained: boolean;
  citations: ProductCitation[];
  /** Sentences that are quotes as a whole (their text is the source's, not the assistant's). */
  quotedSentences: string[];
  /** Studies the answer names, in order (list and count answers). */
  studies: number[];
  retrieved: Labels[];
  reason: string;
}

export interface Product {
  answer(messages: { role: "user" | "assistant"; content: string }[]): Promise<ProductAnswer>;
  retrieveUnfiltered(question: string, k: number): Promise<Labels[]>;
  passageText(id: string): Promise<string | undefined>;
}

export function productOf(context: AnswerContext, mode: AnswerMode): Product {
  return {
    async answer(messages) {
      const result = await answer(context, messages, { mode });
      return {
        answer: result.answer,
        abstained: result.abstained,
        citations: result.citations,
        quotedSentences: result.sentences.filter((s) => s.kind === "quoted").map((s) => s.text),
        studies: result.studies ?? [...new Set(result.citations.flatMap((c) => c.studies))],
        retrieved: result.retrieved,
        reason: result.diagnostics.abstainReason,
      };
    },
    retrieveUnfiltered: (question, k) => retrieveUnfiltered(context, question, k),
    passageText: async (id) => (await context.store.getPassage(id))?.text,
  };
}
