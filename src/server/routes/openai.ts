/**
 * POST /v1/chat/completions and GET /v1/models: the assistant behind OpenAI's wire format, so any OpenAI
 * client or chat UI can use it. The answer's numbered references are appended to the message.
 */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { AnswerInputError } from "../../answer/answer.ts";
import type { AnswerResult } from "../../answer/types.ts";
import type { Citation } from "../../domain/citation.ts";
import type { ChatMessage } from "../../retrieve/conversation.ts";
import type { AppDeps } from "../app.ts";
import { answerInSlot, createAnswerSlots, streamAnswerInSlot, type AnswerSlots } from "../answer-slots.ts";
import { AppError } from "../errors.ts";
import { createStreamScrubber, secretsOf } from "../redact.ts";
import { SHUTTING_DOWN, untilAborted } from "../shutdown.ts";
import { contentText, OpenAIChatRequest } from "../schemas.ts";
import { readJson } from "../validate.ts";

export const MODEL_ID = "trafficking-review-assistant";

/** "References:" block: each citation's quote, where it is, and the APA reference. */
export function referencesBlock(citations: Citation[], warnings: string[] = []): string {
  if (citations.length === 0 && warnings.length === 0) return "";
  const lines = citations.map((c) => {
    const where = [c.document, c.section, c.page ? `p. ${c.page}` : "", c.studies.length ? `study ${c.studies.join(", ")}` : ""].filter(Boolean).join(", ");
    return `[${c.n}] "${c.quote}" (${where}) ${c.reference.replace(/\n/g, "; ")}`;
  });
  const notes = warnings.map((w) => `Note: ${w}`);
  return `\n\nReferences:\n${[...lines, ...notes].join("\n")}`;
}

function toMessages(body: { messages: { role: string; content: unknown }[] }): ChatMessage[] {
  return body.messages
    .filter((m) => m.role === "user" || m.role === "assistant" || m.role === "system")
    .map((m) => ({ role: m.role as ChatMessage["role"], content: contentText(m.content) }));
}

function usage(messages: ChatMessage[], content: string) {
  // Approximate token counts (words), for clients that display usage.
  const count = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const prompt = messages.reduce((n, m) => n + count(m.content), 0);
  const completion = count(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function openAIRoutes(deps: AppDeps, slots: AnswerSlots = createAnswerSlots()) {
  return new Hono()
    .get("/v1/models", (c) =>
      c.json({ object: "list", data: [{ id: MODEL_ID, object: "model", created: 1700000000, owned_by: "local" }] }),
    )
    .post("/v1/chat/completions", async (c) => {
      const body = await readJson(c, OpenAIChatRequest);
      const messages = toMessages(body);
      if (!messages.some((m) => m.role === "user" && m.content.trim())) {
        throw new AppError(400, "invalid_request", "messages: must include a non-empty user message");
      }
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const model = MODEL_ID;
      if (!body.stream) {
        let result: AnswerResult;
        try {
          result = await answerInSlot(slots, deps.context, messages, { signal: c.req.raw.signal });
        } catch (error) {
          if (error instanceof AnswerInputError) throw new AppError(400, "invalid_request", `messages: ${error.message}`);
          throw error;
        }
        const content = result.answer + referencesBlock(result.citations, result.warnings);
        return c.json({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
          usage: usage(messages, content),
        });
      }
      return streamSSE(c, async (stream) => {
        const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
          stream.writeSSE({
            data: JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] }),
          });
        // The client joins the content chunks: scrub that text, so no secret split across chunks survives.
        const scrubber = createStreamScrubber(secretsOf(deps.context.config));
        try {
          await chunk({ role: "assistant", content: "" });
          const controller = new AbortController();
          stream.onAbort(() => controller.abort());
          const events = untilAborted(streamAnswerInSlot(slots, deps.context, messages, { signal: controller.signal }), deps.shutdown);
          let next = await events.next();
          for (; !next.done; next = await events.next()) {
            const event = next.value;
            // OpenAI streams cannot take text back: a reset (model failed mid-answer) starts a new paragraph.
            if (event.type === "delta") {
              if (event.reset) scrubber.reset();
              const text = event.reset ? "\n\n" : scrubber.push(event.text);
              if (text) await chunk({ content: text });
            }
            if (event.type === "citations") await chunk({ content: scrubber.flush() + referencesBlock(event.citations, event.warnings) });
          }
          if (next.value === "aborted") {
            controller.abort();
            await stream.writeSSE({ data: JSON.stringify({ error: { ...SHUTTING_DOWN, type: SHUTTING_DOWN.code } }) });
            return;
          }
          await chunk({}, "stop");
        } catch {
          await stream.writeSSE({ data: JSON.stringify({ error: { message: "the answer could not be completed", type: "internal_error", code: "internal_error" } }) });
        } finally {
          await stream.writeSSE({ data: "[DONE]" });
          await stream.close();
        }
      });
    });
}
