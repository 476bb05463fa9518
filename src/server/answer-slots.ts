/**
 * Preparing an answer (retrieval, composing) is CPU work on the one event loop. Fifty at once interleave
 * so finely that everything waits behind all of them: under 50 connections /healthz took 113-149 ms and
 * the slowest answers 600-760 ms (docs/RELIABILITY.md). So at most `limit` answers are prepared at a time
 * and the others wait their turn, in arrival order. A slot is held until the answer's first event
 * (`meta`, sent once it is prepared), not while a model streams its text.
 */
import { streamAnswer, type AnswerContext } from "../answer/answer.ts";
import type { AnswerOptions, AnswerResult, ChatEvent } from "../answer/types.ts";
import type { Config } from "../config.ts";
import type { ChatMessage } from "../retrieve/conversation.ts";

/**
 * With the local embedder, preparing is CPU work plus short LanceDB queries: four slots keep the one
 * thread busy (two cost a quarter of the throughput, six let /healthz stall again). A remote embedder
 * makes each answer wait on the network first, so more may overlap.
 */
export function answerSlotsFor(config: Config): number {
  return config.embed.provider === "local" ? 4 : 16;
}

export interface AnswerSlots {
  /** Wait for a slot; call the returned function (once) to give it back. */
  acquire(): Promise<() => void>;
}

export function createAnswerSlots(limit = 4): AnswerSlots {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    async acquire() {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      let released = false;
      return () => {
        if (!released) {
          released = true;
          release();
        }
      };
    },
  };
}

/** streamAnswer, prepared inside a slot: the slot is given back at the first event (or on any failure). */
export async function* streamAnswerInSlot(slots: AnswerSlots, context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): AsyncGenerator<ChatEvent> {
  const release = await slots.acquire();
  try {
    for await (const event of streamAnswer(context, messages, options)) {
      release();
      yield event;
    }
  } finally {
    release();
  }
}

/** answer(), prepared inside a slot. */
export async function answerInSlot(slots: AnswerSlots, context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): Promise<AnswerResult> {
  for await (const event of streamAnswerInSlot(slots, context, messages, options)) {
    if (event.type === "done") return event.result;
  }
  throw new Error("answer stream ended without a result");
}
