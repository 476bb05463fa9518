/**
 * LLM faults through the HTTP server (real sockets, @hono/node-server on a port the OS picks): an endpoint
 * that refuses connections, hangs, answers 500, answers invalid JSON, or cuts its stream half-way. The
 * model is a local STAND-IN speaking the OpenAI wire format (a real one cannot run here). Every route falls
 * back to the quoted answer with a notice naming what failed, status 200. The hanging endpoint is ended by
 * the first-token timeout (600 ms), not the total timeout (60 s): its notice says so.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerContext } from "../../src/answer/context.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { refusedBaseURL, startStandIn, type Behaviour, type StandIn } from "../helpers/openai-stand-in.ts";
import { sseEvents } from "../helpers/sse.ts";

const FIRST_TOKEN_MS = 600;
/** Cut half-way (the stand-in's "cut"): the first sentence is complete and shown, the second is not. */
const CUT_TEXT = "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. At the start, 72% had experienced CSE {cite:Pada awal 72%}. More text that never arrives, and then some more of it.";
const QUESTION = "What happened to CSE after 12 months in the MLMC program?";
const FALLBACK = /language model could not be used/;

let fixture: IndexFixture;
let standIn: StandIn;

/** The server as `npm run serve` builds it, from a config naming the endpoint (so the model path is the default). */
async function startServer(baseURL: string): Promise<{ base: string; close(): Promise<void> }> {
  const config = loadConfig({
    DATA_DIR: fixture.dataDir,
    OPENAI_BASE_URL: baseURL,
    OPENAI_API_KEY: "sk-stand-in",
    LLM_FIRST_TOKEN_TIMEOUT_MS: String(FIRST_TOKEN_MS),
    LLM_TOTAL_TIMEOUT_MS: "60000",
    RATE_LIMIT_PER_MINUTE: "100000",
  });
  expect(config.answer.mode).toBe("llm");
  const context = await createAnswerContext(config, fixture.context.store);
  const server = serve({ fetch: createApp({ context, log: false }).fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((r) => server.once("listening", () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  fixture = await openSharedIndex();
  standIn = await startStandIn({ kind: "answer", text: "" });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

const faults: [string, () => Promise<string>, Behaviour][] = [
  ["refuses connections", refusedBaseURL, { kind: "answer", text: "" }],
  ["hangs", async () => standIn.baseURL, { kind: "hang" }],
  ["answers 500", async () => standIn.baseURL, { kind: "status", status: 500 }],
  ["answers invalid JSON", async () => standIn.baseURL, { kind: "invalid-json" }],
  ["closes its stream half-way", async () => standIn.baseURL, { kind: "cut", text: CUT_TEXT }],
];

/** The reason each fault gives in the notice ("The language model could not be used (<reason>)"). */
const REASONS: Record<string, RegExp> = {
  "refuses connections": /\(chat endpoint failed: Connection error\.\)/,
  hangs: new RegExp(`\\(no answer from the model within ${FIRST_TOKEN_MS} ms\\)`),
  "answers 500": /\(chat endpoint failed: 500 /,
  "answers invalid JSON": /\(chat endpoint failed: /,
  "closes its stream half-way": /\((chat endpoint failed: |the model's stream ended before the answer was finished)/,
};

describe.each(faults)("an LLM endpoint that %s", (name, url, behaviour) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    standIn.behaviour = behaviour;
    server = await startServer(await url());
  });
  afterAll(() => server.close());

  it("POST /api/chat (JSON): 200, the quoted answer, a notice", async () => {
    const res = await (async () => {
      const r = await post(server.base, "/api/chat", { messages: [{ role: "user", content: QUESTION }] });
      return { status: r.status, body: (await r.json()) as AnswerResult };
    })();
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe("extractive");
    expect(res.body.warnings.join(" ")).toMatch(FALLBACK);
    expect(res.body.warnings.join(" ")).toMatch(REASONS[name]);
    expect(res.body.citations.length).toBeGreaterThan(0);
    expect(res.body.answer).toMatch(/14%/);
  });

  it("POST /api/chat (stream): 200, events end with done carrying the quoted answer and the notice", async () => {
    const value = await (async () => {
      const r = await post(server.base, "/api/chat", { messages: [{ role: "user", content: QUESTION }], stream: true });
      return { status: r.status, type: r.headers.get("content-type") ?? "", events: sseEvents(await r.text()) };
    })();
    expect(value.status).toBe(200);
    expect(value.type).toMatch(/text\/event-stream/);
    const order = value.events.map((e) => e.event);
    expect(order[0]).toBe("meta");
    expect(order).not.toContain("error");
    expect(order.at(-2)).toBe("citations");
    expect(order.at(-1)).toBe("done");
    const result = (value.events.at(-1)!.data as { result: AnswerResult }).result;
    expect(result.mode).toBe("extractive");
    expect(result.warnings.join(" ")).toMatch(FALLBACK);
    expect(result.warnings.join(" ")).toMatch(REASONS[name]);
    expect(result.answer).toMatch(/14%/);
    // What the page shows: the deltas after the last reset add up to the final answer.
    const deltas = value.events.filter((e) => e.event === "delta").map((e) => e.data as { text: string; reset?: boolean });
    const lastReset = deltas.map((d) => Boolean(d.reset)).lastIndexOf(true);
    expect(deltas.slice(lastReset + 1).map((d) => d.text).join("")).toBe(result.answer);
    if (behaviour.kind === "cut") expect(lastReset).toBeGreaterThanOrEqual(0);
  });

  it("POST /v1/chat/completions (JSON): 200, the quoted answer with its references and the notice", async () => {
    const value = await (async () => {
      const r = await post(server.base, "/v1/chat/completions", { model: "x", messages: [{ role: "user", content: QUESTION }] });
      return { status: r.status, body: (await r.json()) as { object: string; choices: { message: { content: string }; finish_reason: string }[] } };
    })();
    expect(value.status).toBe(200);
    expect(value.body.object).toBe("chat.completion");
    const content = value.body.choices[0].message.content;
    expect(value.body.choices[0].finish_reason).toBe("stop");
    expect(content).toMatch(/14%/);
    expect(content).toMatch(/\n\nReferences:\n\[1\] "/);
    expect(content).toMatch(/Note: The language model could not be used/);
    expect(content).toMatch(REASONS[name]);
  });

  it("POST /v1/chat/completions (stream): 200, chunks with the quoted answer and the notice, then [DONE]", async () => {
    const value = await (async () => {
      const r = await post(server.base, "/v1/chat/completions", { model: "x", stream: true, messages: [{ role: "user", content: QUESTION }] });
      return { status: r.status, events: sseEvents(await r.text()) };
    })();
    expect(value.status).toBe(200);
    expect(value.events.at(-1)!.data).toBe("[DONE]");
    const chunks = value.events.slice(0, -1).map((e) => e.data as { error?: unknown; choices: { delta: { content?: string }; finish_reason: string | null }[] });
    expect(chunks.some((c) => c.error)).toBe(false);
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe("stop");
    const text = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
    expect(text).toMatch(/14%/);
    expect(text).toMatch(/References:/);
    expect(text).toMatch(/Note: The language model could not be used/);
    expect(text).toMatch(REASONS[name]);
  });

  it("the server keeps answering: GET /healthz names the model", async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { llm: string | null }).llm).toBe("gpt-4o-mini");
  });
});
