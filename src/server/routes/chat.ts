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
      try {
        return c.json(await answerInSlot(slots, deps.context, body.messages, optionsOf(body, c.req.raw.signal)));
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
        for await (const event of streamAnswerInSlot(slots, deps.context, body.messages, optionsOf(body, controller.signal))) {
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
