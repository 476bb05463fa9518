/** POST /api/chat: an answer with citations, as JSON or (stream: true) Server-Sent Events. */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { AnswerInputError } from "../../answer/answer.ts";
import type { AnswerOptions } from "../../answer/types.ts";
import type { AppDeps } from "../app.ts";
import { answerInSlot, createAnswerSlots, streamAnswerInSlot, type AnswerSlots } from "../answer-slots.ts";
import { AppError } from "../errors.ts";
import { logEvent } from "../log.ts";
import { createStreamScrubber, secretsOf } from "../redact.ts";
import { SHUTTING_DOWN, untilAborted } from "../shutdown.ts";
import { ChatRequest, type ChatRequestBody } from "../schemas.ts";
import { readJson } from "../validate.ts";

export function optionsOf(body: ChatRequestBody, signal?: AbortSignal): AnswerOptions {
  return { studies: body.studies, sections: body.sections, k: body.k, lang: body.lang, mode: body.mode, maxSentences: body.maxSentences, signal };
}

export function chatRoutes(deps: AppDeps, slots: AnswerSlots = createAnswerSlots()) {
  return new Hono().post("/api/chat", async (c) => {
    const body = await readJson(c, ChatRequest);
    if (deps.context.config.server.logQuestions) {
      logEvent({ event: "question", question: body.messages.filter((m) => m.role === "user").at(-1)?.content });
    }
    if (!body.stream) {
      const controller = new AbortController();
      const stop = () => controller.abort();
      c.req.raw.signal.addEventListener("abort", stop, { once: true });
      try {
        const answered = answerInSlot(slots, deps.context, body.messages, optionsOf(body, controller.signal));
        const stopped = new Promise<"stopped">((resolve) => deps.shutdown?.addEventListener("abort", () => resolve("stopped"), { once: true }));
        const result = await Promise.race([answered, stopped]);
        if (result === "stopped") {
          controller.abort();
          answered.catch(() => undefined);
          return c.json({ error: { ...SHUTTING_DOWN, type: SHUTTING_DOWN.code } }, 503, { Connection: "close" });
        }
        return c.json(result);
      } catch (error) {
        if (error instanceof AnswerInputError) throw new AppError(400, "invalid_request", `messages: ${error.message}`);
        throw error;
      }
    }
    return streamSSE(c, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      // The page joins the deltas into one text: scrub that text, so no secret split across deltas survives.
      const scrubber = createStreamScrubber(secretsOf(deps.context.config));
      try {
        const events = untilAborted(streamAnswerInSlot(slots, deps.context, body.messages, optionsOf(body, controller.signal)), deps.shutdown);
        let next = await events.next();
        for (; !next.done; next = await events.next()) {
          const event = next.value;
          if (controller.signal.aborted) break;
          if (event.type === "delta") {
            if (event.reset) scrubber.reset();
            const text = scrubber.push(event.text);
            if (text || event.reset) await stream.writeSSE({ event: "delta", data: JSON.stringify(event.reset ? { text, reset: true } : { text }) });
            continue;
          }
          const rest = scrubber.flush();
          if (rest) await stream.writeSSE({ event: "delta", data: JSON.stringify({ text: rest }) });
          const { type, ...data } = event;
          await stream.writeSSE({ event: type, data: JSON.stringify(data) });
        }
        if (next.done && next.value === "aborted") {
          controller.abort();
          await stream.writeSSE({ event: "error", data: JSON.stringify(SHUTTING_DOWN) });
        }
      } catch (error) {
        const known = error instanceof AnswerInputError;
        if (!known) logEvent({ event: "error", path: "/api/chat", error: error instanceof Error ? error.message : String(error) });
        await stream.writeSSE({
          event: "error",
          data: JSON.stringify({ code: known ? "invalid_request" : "internal_error", message: known ? (error as Error).message : "the answer could not be completed" }),
        });
      } finally {
        await stream.close();
      }
    });
  });
}
