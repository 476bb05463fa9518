/**
 * The LLM path against a local STAND-IN server speaking the OpenAI wire format (the real service cannot
 * run here): streamed answers with checked citations, and every failure falling back to the extractive
 * answer within the timeout, with a notice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, streamAnswer, type AnswerContext } from "../../src/answer/answer.ts";
import { createLlmComposer, markerFilter } from "../../src/answer/llm-composer.ts";
import type { ChatEvent } from "../../src/answer/types.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { refusedBaseURL, startStandIn, type Behaviour, type StandIn } from "../helpers/openai-stand-in.ts";

let fixture: IndexFixture;
let standIn: StandIn;
const FIRST_TOKEN_MS = 600;
/** Cut half-way (the stand-in's "cut"): the first sentence is complete and shown, the second is not. */
const CUT_TEXT = "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. At the start, 72% had experienced CSE {cite:Pada awal 72%}. More text that never arrives, and then some more of it.";
const question = [{ role: "user" as const, content: "What happened to CSE after 12 months in the MLMC program?" }];

function contextWith(baseURL: string): AnswerContext {
  return {
    ...fixture.context,
    llm: createLlmComposer({ baseURL, model: "stand-in-model", firstTokenTimeoutMs: FIRST_TOKEN_MS, totalTimeoutMs: 3000 }),
  };
}

async function collect(context: AnswerContext): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const e of streamAnswer(context, question, { mode: "llm" })) events.push(e);
  return events;
}

beforeAll(async () => {
  fixture = await openSharedIndex();
  standIn = await startStandIn({ kind: "answer", text: "" });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

describe("LLM composer (stand-in OpenAI server)", () => {
  it("streams the model's answer and checks its citations; an invalid marker [9] is removed", async () => {
    standIn.behaviour = {
      kind: "answer",
      text: "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. Youths also had better social support {cite:dukungan sosial yang lebih baik}[9]. This sentence cites nothing.",
    };
    const events = await collect(contextWith(standIn.baseURL));
    expect(events.map((e) => e.type).filter((t, i, all) => all.indexOf(t) === i)).toEqual(["meta", "delta", "citations", "done"]);
    const streamed = events.filter((e): e is Extract<ChatEvent, { type: "delta" }> => e.type === "delta").map((e) => e.text).join("");
    expect(streamed).not.toContain("[9]");
    const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
    expect(done.result.mode).toBe("llm");
    expect(done.result.answer).toBe(streamed);
    expect(done.result.answer).not.toContain("[9]");
    const cited = Number(/14% \[(\d+)\]/.exec(standIn.answers.at(-1)!)![1]);
    expect(done.result.citations.map((c) => c.n)).toEqual([cited]);
    const passage = await fixture.context.store.getPassage(done.result.citations[0].passageId);
    expect(passage!.text.includes(done.result.citations[0].quote)).toBe(true);
    expect(done.result.unsupported).toEqual(["This sentence cites nothing."]);
    // The grounded prompt went out with numbered passages.
    const sent = standIn.requests.at(-1)!.body as { messages: { role: string; content: string }[]; stream: boolean };
    expect(sent.stream).toBe(true);
    expect(sent.messages[0].content).toMatch(/Use ONLY the numbered passages/);
    expect(sent.messages.at(-1)!.content).toMatch(/(^|\n)Passages:\n\n\[1\] /);
  });

  it("reports an abstention when the model says the passages do not cover it", async () => {
    standIn.behaviour = { kind: "answer", text: "The review does not cover this." };
    const result = await answer(contextWith(standIn.baseURL), question, { mode: "llm" });
    expect(result).toMatchObject({ mode: "llm", abstained: true, unsupported: [] });
  });

  it("does not ask the model about a study the review does not have: the records say there is none", async () => {
    standIn.behaviour = { kind: "answer", text: "Study 11 found that CSE fell {cite:pada 12 bulan menjadi 14%}." };
    const before = standIn.requests.length;
    const result = await answer(contextWith(standIn.baseURL), [{ role: "user", content: "What did study 11 find?" }], { mode: "llm" });
    expect(standIn.requests.length).toBe(before);
    expect(result).toMatchObject({ mode: "extractive", abstained: true, citations: [] });
    expect(result.answer).toBe("The review has no study 11: it numbers its 10 included studies 1 to 10.");
  });

  const faults: [string, () => Promise<string>, Behaviour][] = [
    ["refuses connections", refusedBaseURL, { kind: "answer", text: "" }],
    ["hangs", async () => standIn.baseURL, { kind: "hang" }],
    ["answers 500", async () => standIn.baseURL, { kind: "status", status: 500 }],
    ["answers invalid JSON", async () => standIn.baseURL, { kind: "invalid-json" }],
    ["breaks the stream half-way", async () => standIn.baseURL, { kind: "cut", text: CUT_TEXT }],
  ];
  // What ended each one (the reason is in the notice): the first-token timeout for the hanging endpoint, not
  // the 3 s total timeout; for the others the failure itself.
  const reasons: Record<string, RegExp> = {
    "refuses connections": /chat endpoint failed: Connection error/,
    hangs: new RegExp(`no answer from the model within ${FIRST_TOKEN_MS} ms`),
    "answers 500": /chat endpoint failed: 500/,
    "answers invalid JSON": /chat endpoint failed/,
    "breaks the stream half-way": /chat endpoint failed|stream ended before the answer was finished/,
  };

  it.each(faults)("an endpoint that %s falls back to the extractive answer, with a notice naming the failure", async (name, url, behaviour) => {
    standIn.behaviour = behaviour;
    const events = await collect(contextWith(await url()));
    const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
    expect(done.type).toBe("done");
    expect(done.result.mode).toBe("extractive");
    expect(done.result.warnings.join(" ")).toMatch(/language model could not be used/);
    expect(done.result.warnings.join(" ")).toMatch(reasons[name]);
    expect(done.result.citations.length).toBeGreaterThan(0);
    expect(done.result.answer).toMatch(/14%/);
    if (behaviour.kind === "cut") {
      // Text already streamed is withdrawn before the fallback answer.
      expect(events.some((e) => e.type === "delta" && e.reset)).toBe(true);
    }
  });
});

describe("a model that stalls after its first token", () => {
  it("is ended by the inter-token idle timeout (not the 60 s total) and the answer falls back, with a notice", async () => {
    standIn.behaviour = { kind: "stall", text: "After 12 months, " };
    const context: AnswerContext = {
      ...fixture.context,
      llm: createLlmComposer({ baseURL: standIn.baseURL, model: "stand-in-model", firstTokenTimeoutMs: 5000, idleTimeoutMs: 300, totalTimeoutMs: 60_000 }),
    };
    const events = await collect(context);
    const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
    expect(done.result.mode).toBe("extractive");
    expect(done.result.warnings.join(" ")).toMatch(/language model could not be used \(the model stopped sending for 300 ms\)/);
    expect(done.result.answer).toMatch(/14%/);
  });
});

describe("marker filter", () => {
  it("reads citation look-alikes as markers: valid numbers become [n], others are dropped, none stays as text", () => {
    const f = markerFilter(3);
    const parts = ["A [ 1 ] B 【2】 C ［8］ D [^3] E [^9] F 〔１〕 G 【4", "2】 H [ 2 ,3 ] I [^", "1]"];
    const out = parts.map((t) => f.push(t)).join("") + f.flush();
    expect(out).toBe("A [1] B [2] C  D [3] E  F [1] G  H [2, 3] I [1]");
  });

  it("passes valid markers, trims invalid numbers, keeps ordinary brackets", () => {
    const f = markerFilter(3);
    const out = ["Teks [", "1] lagi [2, 9] dan [9] serta [catatan] [", "3]"].map((t) => f.push(t)).join("") + f.flush();
    expect(out).toBe("Teks [1] lagi [2] dan  serta [catatan] [3]");
  });
});
