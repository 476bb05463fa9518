/** The real Hono app over a real index: every route through app.request(), and the OpenAI endpoint through the real openai client over HTTP. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { buildIndexFixture, type IndexFixture } from "../helpers/index-fixture.ts";
import { sseEvents } from "../helpers/sse.ts";

let fixture: IndexFixture;
let app: ReturnType<typeof createApp>;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

beforeAll(async () => {
  fixture = await buildIndexFixture();
  app = createApp({ context: fixture.context, log: false });
});
afterAll(() => fixture.cleanup());

describe("GET /healthz", () => {
  it("reports the index, embedder and model", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, chunks: fixture.context.store.passageCount, embedder: "local-hash-v2/512", llm: null });
  });
});

describe("POST /api/search", () => {
  it("returns scored passages with section, page and studies, filters applied", async () => {
    const res = await post("/api/search", { query: "mentor 12 bulan CSE", k: 3, studies: [9], sections: ["tabel", "hasil"] });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { id: string; text: string; score: number; section: string; page: number | null; studies: number[] }[] };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    for (const r of results) {
      expect(r.studies).toContain(9);
      expect(["tabel", "hasil"]).toContain(r.section);
      expect(typeof r.score).toBe("number");
    }
  });

  it.each([
    [{}, /query: /],
    [{ query: "" }, /query: must not be empty/],
    [{ query: "x", k: 0 }, /k: /],
    [{ query: "x", k: 1000 }, /k: /],
    [{ query: "x", studies: [11] }, /studies\.0: /],
    [{ query: "x", sections: ["appendix"] }, /sections\.0: /],
    [{ query: 42 }, /query: /],
  ])("400 naming the field for %j", async (body, message) => {
    const res = await post("/api/search", body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("invalid_request");
    expect(json.error.message).toMatch(message);
  });

  it("400 for a body that is not JSON, 415 for another content type", async () => {
    expect((await post("/api/search", "{not json")).status).toBe(400);
    const res = await app.request("/api/search", { method: "POST", headers: { "content-type": "text/plain" }, body: "query" });
    expect(res.status).toBe(415);
  });
});

describe("POST /api/chat", () => {
  it("answers with citations as JSON", async () => {
    const res = await post("/api/chat", { messages: [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string; citations: { n: number; passageId: string; quote: string; reference: string; studies: number[] }[]; abstained: boolean; mode: string };
    expect(body.mode).toBe("extractive");
    expect(body.abstained).toBe(false);
    expect(body.answer).toMatch(/\[1\]/);
    expect(body.citations[0]).toMatchObject({ n: 1 });
    expect(body.citations[0].reference).toMatch(/Rothman/);
  });

  it("streams Server-Sent Events in the order meta, delta..., citations, done", async () => {
    const res = await post("/api/chat", { messages: [{ role: "user", content: "What activities does Rumah Faye offer?" }], stream: true });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = sseEvents(await res.text());
    const order = events.map((e) => e.event);
    expect(order[0]).toBe("meta");
    expect(order.at(-1)).toBe("done");
    expect(order.at(-2)).toBe("citations");
    expect(order.slice(1, -2).every((e) => e === "delta")).toBe(true);
    const text = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
    expect((events.at(-1)!.data as { result: { answer: string } }).result.answer).toBe(text);
  });

  it("restricts citations to the requested studies", async () => {
    const res = await post("/api/chat", { messages: [{ role: "user", content: "What were the results?" }], studies: [4] });
    const body = (await res.json()) as { citations: { studies: number[] }[] };
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) expect(c.studies).toContain(4);
  });

  it.each([
    [{ messages: [] }, /messages: must hold at least one message/],
    [{ messages: [{ role: "assistant", content: "hi" }] }, /messages: must include a non-empty user message/],
    [{ messages: [{ role: "user", content: "x".repeat(9000) }] }, /messages\.0\.content: must be at most 8000/],
    [{ messages: [{ role: "robot", content: "hi" }] }, /messages\.0\.role: /],
    [{ messages: Array.from({ length: 101 }, () => ({ role: "user", content: "hi" })) }, /messages: must hold at most 100/],
    [{ messages: [{ role: "user", content: "hi" }], mode: "magic" }, /mode: /],
  ])("400 naming the field for %#", async (body, message) => {
    const res = await post("/api/chat", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it("413 for a body over the limit", async () => {
    const res = await post("/api/chat", { messages: [{ role: "user", content: "x".repeat(200_000) }] });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });
});

describe("studies and passages", () => {
  it("GET /api/studies lists the 10 studies with metadata, references and notes", async () => {
    const body = (await (await app.request("/api/studies")).json()) as { studies: { number: number; reference: string; note: string | null; passages: number }[]; review: { reference: string } };
    expect(body.studies.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.studies[5].note).toMatch(/Wallace et al\., 2016/);
    expect(body.studies[0].note).toBeNull();
    expect(body.review.reference).toMatch(/Buletin Kesehatan/);
    for (const s of body.studies) expect(s.passages).toBeGreaterThan(0);
  });

  it("GET /api/studies/:number gives the study's passages; an unknown one is 404", async () => {
    const body = (await (await app.request("/api/studies/9")).json()) as { passages: { studies: number[] }[] };
    expect(body.passages.every((p) => p.studies.includes(9))).toBe(true);
    expect((await app.request("/api/studies/11")).status).toBe(404);
    expect((await app.request("/api/studies/abc")).status).toBe(404);
  });

  it("GET /api/passages/:id gives the passage and its studies; bad ids are refused", async () => {
    const search = (await (await post("/api/search", { query: "Rumah Faye", k: 1 })).json()) as { results: { id: string }[] };
    const res = await app.request(`/api/passages/${search.results[0].id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { passage: { id: string } }).passage.id).toBe(search.results[0].id);
    expect((await app.request("/api/passages/unknown-id")).status).toBe(404);
    expect((await app.request("/api/passages/..%2F..%2Fetc%2Fpasswd")).status).toBe(400);
    expect((await app.request("/api/passages/%3Cscript%3E")).status).toBe(400);
  });
});

describe("security headers and static files", () => {
  it("sends a Content-Security-Policy with no outside origins", async () => {
    const res = await app.request("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves no file outside web/", async () => {
    for (const p of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/src/config.ts", "/.env"]) {
      expect((await app.request(p)).status, p).toBe(404);
    }
  });

  it("requires the bearer token when APP_TOKEN is set", async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, APP_TOKEN: "s3cret-token" });
    const guarded = createApp({ context: { ...fixture.context, config }, log: false });
    const body = JSON.stringify({ query: "MLMC" });
    const headers = { "content-type": "application/json" };
    expect((await guarded.request("/api/search", { method: "POST", headers, body })).status).toBe(401);
    expect((await guarded.request("/api/search", { method: "POST", headers: { ...headers, authorization: "Bearer wrong" }, body })).status).toBe(401);
    expect((await guarded.request("/api/search", { method: "POST", headers: { ...headers, authorization: "Bearer s3cret-token" }, body })).status).toBe(200);
    expect((await guarded.request("/healthz")).status).toBe(200);
  });

  it("rate-limits a client with 429 and Retry-After", async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "3" });
    const limited = createApp({ context: { ...fixture.context, config }, log: false });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await limited.request("/api/studies");
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});

describe("POST /v1/chat/completions with the real openai client", () => {
  let server: ReturnType<typeof serve>;
  let client: OpenAI;
  beforeAll(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    client = new OpenAI({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, apiKey: "unused", maxRetries: 0 });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("non-stream: an assistant message with the references appended", async () => {
    const completion = await client.chat.completions.create({ model: "any", messages: [{ role: "user", content: "Siapa penulis studi nomor 9?" }] });
    const content = completion.choices[0].message.content ?? "";
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0].finish_reason).toBe("stop");
    expect(content).toMatch(/Rothman/);
    expect(content).toMatch(/\n\nReferences:\n\[1\] /);
  });

  it("stream: chunks that add up to the answer and its references", async () => {
    const stream = await client.chat.completions.create({ model: "any", stream: true, messages: [{ role: "user", content: "What stages does Rumah Faye have?" }] });
    let text = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(finish).toBe("stop");
    expect(text).toMatch(/\[1\]/);
    expect(text).toMatch(/References:/);
  });

  it("lists the model", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["trafficking-review-assistant"]);
  });
});
