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
import { fitSentences, requestedLang, usageOf } from "../openai-request.ts";
import { contentText, OpenAIChatRequest } from "../schemas.ts";
import { readJson } from "../validate.ts";

export const MODEL_ID = "trafficking-review-assistant";

/** "References:" block: each citation's quote, where it is, and the APA reference. */
export function referencesBlock(citations: Citation[], warnings: string[] = []): string {
  if (citations.length === 0 && warnings.length === 0) return "";
  const lines = citations.map((c) => {
    const where = [c.document, c.heading && !c.heading.includes(" | ") ? c.heading : c.section, c.page ? `p. ${c.page}` : "", c.studies.length ? `study ${c.studies.join(", ")}` : ""].filter(Boolean).join(", ");
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

/** The system and developer messages: the instructions (a language request is honoured). */
function instructionsOf(body: { messages: { role: string; content: unknown }[] }): string[] {
  return body.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => contentText(m.content));
}

/** The answer as the message content, cut to `maxTokens` at a sentence (with the references of what is kept). */
function contentOf(result: AnswerResult, maxTokens: number | undefined): { content: string; truncated: boolean } {
  const citedBy = (kept: number) => {
    const used = new Set(result.sentences.slice(0, Math.max(1, kept)).flatMap((s) => s.citations));
    return result.citations.filter((c) => used.has(c.n));
  };
  const fitted = fitSentences(result.sentences, maxTokens, (kept) => referencesBlock(citedBy(kept), result.warnings));
  if (!fitted.truncated) return { content: result.answer + referencesBlock(result.citations, result.warnings), truncated: false };
  return { content: fitted.text + (fitted.kept < 0 ? "" : referencesBlock(citedBy(fitted.kept), result.warnings)), truncated: true };
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
      const lang = requestedLang(instructionsOf(body));
      const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
      const prompt = messages.map((m) => m.content);
      // With a token limit the answer must be whole before it can be cut at a sentence: it is sent at once.
      if (!body.stream || maxTokens !== undefined) {
        let result: AnswerResult;
        try {
          result = await answerInSlot(slots, deps.context, messages, { signal: c.req.raw.signal, lang });
        } catch (error) {
          if (error instanceof AnswerInputError) throw new AppError(400, "invalid_request", `messages: ${error.message}`);
          throw error;
        }
        const { content, truncated } = contentOf(result, maxTokens);
        const finish = truncated ? "length" : "stop";
        if (body.stream) {
          return streamSSE(c, async (stream) => {
            const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
              stream.writeSSE({ data: JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] }) });
            await chunk({ role: "assistant", content: "" });
            await chunk({ content });
            await chunk({}, finish);
            await stream.writeSSE({ data: "[DONE]" });
          });
        }
        return c.json({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finish, logprobs: null }],
          usage: usageOf(prompt, content),
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
          let sent = "";
          const controller = new AbortController();
          stream.onAbort(() => controller.abort());
          const events = untilAborted(streamAnswerInSlot(slots, deps.context, messages, { signal: controller.signal, lang }), deps.shutdown);
          let next = await events.next();
          for (; !next.done; next = await events.next()) {
            const event = next.value;
            // OpenAI streams cannot take text back: a reset (model failed mid-answer) starts a new paragraph.
            if (event.type === "delta") {
              if (event.reset) scrubber.reset();
              const text = event.reset ? "\n\n" : scrubber.push(event.text);
              sent += text;
              if (text) await chunk({ content: text });
            }
            if (event.type === "citations") {
              const tail = scrubber.flush() + referencesBlock(event.citations, event.warnings);
              sent += tail;
              await chunk({ content: tail });
            }
          }
          if (next.value === "aborted") {
            controller.abort();
            await stream.writeSSE({ data: JSON.stringify({ error: { ...SHUTTING_DOWN, type: SHUTTING_DOWN.code } }) });
            return;
          }
          await chunk({}, "stop");
          if (body.stream_options?.include_usage) {
            await stream.writeSSE({ data: JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageOf(prompt, sent) }) });
          }
        } catch {
          await stream.writeSSE({ data: JSON.stringify({ error: { message: "the answer could not be completed", type: "internal_error", code: "internal_error" } }) });
        } finally {
          await stream.writeSSE({ data: "[DONE]" });
          await stream.close();
        }
      });
    });
}
