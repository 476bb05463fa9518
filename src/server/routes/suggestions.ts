/**
 * POST /api/suggestions { messages, lang? } -> { suggestions: [{ question, docs? }] }: up to 3 follow-ups
 * to the conversation's last answer, each checked by asking it (after the same conversation) and kept only
 * when the assistant answers it with citations instead of abstaining. At most 6 are tried.
 */
import { Hono } from "hono";
import { z } from "zod";
import { AnswerInputError } from "../../answer/answer.ts";
import type { AnswerResult } from "../../answer/types.ts";
import type { AppDeps } from "../app.ts";
import { answerInSlot, createAnswerSlots, type AnswerSlots } from "../answer-slots.ts";
import { AppError } from "../errors.ts";
import { followUpCandidates, type FollowUp } from "../follow-ups.ts";
import { ChatMessageSchema } from "../schemas.ts";
import { readJson } from "../validate.ts";

export const MAX_SUGGESTIONS = 3;
export const MAX_TRIED = 6;

export const SuggestionsRequest = z.object({
  messages: z
    .array(ChatMessageSchema)
    .min(1, "must hold at least one message")
    .max(100, "must hold at most 100 messages")
    .refine((m) => m.some((x) => x.role === "user" && x.content.trim().length > 0), "must include a non-empty user message"),
  lang: z.enum(["id", "en"]).optional(),
  docs: z.array(z.string().min(1).max(500)).max(100).optional(),
});

export function suggestionRoutes(deps: AppDeps, slots: AnswerSlots = createAnswerSlots()) {
  return new Hono().post("/api/suggestions", async (c) => {
    const body = await readJson(c, SuggestionsRequest);
    // The conversation up to its last question: what the suggestions follow.
    const lastUser = body.messages.map((m) => m.role).lastIndexOf("user");
    const conversation = body.messages.slice(0, lastUser + 1);
    const signal = c.req.raw.signal;
    const ask = (messages: typeof conversation, docs?: string[]) =>
      answerInSlot(slots, deps.context, messages, { lang: body.lang, docs: docs ?? body.docs, mode: "extractive", signal });
    let last: AnswerResult;
    try {
      last = await ask(conversation);
    } catch (error) {
      if (error instanceof AnswerInputError) throw new AppError(400, "invalid_request", `messages: ${error.message}`);
      throw error;
    }
    const asked = conversation.filter((m) => m.role === "user").map((m) => m.content);
    const candidates = followUpCandidates(last, { asked, documents: deps.context.store.documents });
    const kept: FollowUp[] = [];
    // The assistant answers follow-ups in the light of the previous turn: check them the same way.
    const history = [...conversation, { role: "assistant" as const, content: last.answer }];
    for (const candidate of candidates.slice(0, MAX_TRIED)) {
      if (kept.length >= MAX_SUGGESTIONS || signal.aborted) break;
      const result = await ask([...history, { role: "user", content: candidate.question }], candidate.docs);
      if (!result.abstained && result.citations.length > 0) kept.push(candidate);
    }
    return c.json({ lang: last.lang, suggestions: kept });
  });
}
