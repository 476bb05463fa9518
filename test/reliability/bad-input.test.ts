/**
 * Bad input, property-based (fast-check), against the real Hono app on a real index (app.request()):
 * whatever arrives, the answer is < 500, an error is a 4xx with { error: { code, message } } (413 over the
 * body limit), an answer is complete, and the app answers a normal question afterwards.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { sseEvents } from "../helpers/sse.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const BODY_LIMIT = 64 * 1024;
const ROUTES = ["/api/chat", "/api/search", "/v1/chat/completions"] as const;

let fixture: IndexFixture;
let app: ReturnType<typeof createApp>;
/** The same app with a 50 MB body limit, so oversized content reaches the validators instead of the 413. */
let roomyApp: ReturnType<typeof createApp>;
/** Status codes seen per property (printed at the end; the figures in docs/RELIABILITY.md). */
const tallies: Record<string, { runs: number; statuses: Record<number, number> }> = {};

function tally(name: string) {
  tallies[name] ??= { runs: 0, statuses: {} };
  return tallies[name];
}

type App = ReturnType<typeof createApp>;

function send(target: App, route: string, body: string | Uint8Array, contentType = "application/json") {
  return target.request(route, { method: "POST", headers: { "content-type": contentType }, body: body as BodyInit });
}

/**
 * The contract for any response: < 500; a 4xx carries { error: { code, message } } as JSON; a 200 is a
 * complete answer (JSON that parses, or an event stream that ends with `done` / `[DONE]`, never an error).
 */
async function expectWellFormed(res: Response, name: string): Promise<void> {
  const t = tally(name);
  t.runs++;
  t.statuses[res.status] = (t.statuses[res.status] ?? 0) + 1;
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  expect(res.status).toBeGreaterThanOrEqual(200);
  expect(res.status === 200 || res.status >= 400, `status ${res.status}`).toBe(true);
  const type = res.headers.get("content-type") ?? "";
  if (res.status >= 400) {
    expect(type).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(typeof body.error?.message).toBe("string");
    expect((body.error!.code as string).length).toBeGreaterThan(0);
    expect((body.error!.message as string).length).toBeGreaterThan(0);
    return;
  }
  if (type.startsWith("text/event-stream")) {
    const events = sseEvents(text);
    expect(text).not.toMatch(/internal_error/);
    const last = events.at(-1);
    expect(last?.event === "done" || last?.data === "[DONE]", `stream ended with ${JSON.stringify(last)}`).toBe(true);
    return;
  }
  expect(type).toMatch(/^application\/json/);
  expect(() => JSON.parse(text)).not.toThrow();
}

/** The bytes of every file in web/: the only thing a 200 page may be. */
const webDir = path.join(PROJECT_ROOT, "web");
const webFiles = new Set(
  readdirSync(webDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString("base64")),
);

async function expectWebFile(res: Response): Promise<void> {
  const bytes = Buffer.from(await res.arrayBuffer()).toString("base64");
  expect(webFiles.has(bytes), "a 200 page serves only a file of web/").toBe(true);
}

const normalQuestion = { messages: [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }] };

/** After a property has run: the app still answers a normal question, with citations. */
async function expectStillAnswering(target: App = app): Promise<void> {
  const res = await send(target, "/api/chat", JSON.stringify(normalQuestion));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { citations: unknown[]; mode: string };
  expect(body.mode).toBe("extractive");
  expect(body.citations.length).toBeGreaterThan(0);
}

beforeAll(async () => {
  // One client (app.request() has no socket) sends thousands of requests: rate limiting is tested elsewhere.
  fixture = await openSharedIndex({ RATE_LIMIT_PER_MINUTE: "1000000" });
  app = createApp({ context: fixture.context, log: false });
  const roomy = loadConfig({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "1000000", BODY_LIMIT_BYTES: String(50 * 1024 * 1024) });
  roomyApp = createApp({ context: { ...fixture.context, config: roomy }, log: false });
});
afterAll(async () => {
  console.log(`bad-input properties (runs and statuses seen):\n${Object.entries(tallies).map(([k, v]) => `  ${k}: ${v.runs} requests ${JSON.stringify(v.statuses)}`).join("\n")}`);
  await fixture.cleanup();
});

const route = fc.constantFrom(...ROUTES);

describe("random and malformed bodies", () => {
  it(`any JSON value as the body of any route (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.jsonValue({ maxDepth: 6 }), async (r, value) => {
        await expectWellFormed(await send(app, r, JSON.stringify(value) ?? "null"), "any JSON value");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });

  it(`malformed JSON: truncated, trailing garbage, random text, deep nesting, odd content types (${RUNS} runs)`, async () => {
    const valid = JSON.stringify(normalQuestion);
    const malformed = fc.oneof(
      fc.integer({ min: 0, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
      fc.string({ minLength: 1, maxLength: 20 }).map((junk) => `${valid}${junk}`),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.integer({ min: 1, max: 60_000 }).map((d) => `{"messages":${"[".repeat(d)}${"]".repeat(d)}}`),
      fc.integer({ min: 1, max: 40_000 }).map((d) => `${"{\"a\":".repeat(d)}1${"}".repeat(d)}`),
      fc.constantFrom("", "null", "[]", "{}", "{\"messages\":", "{'messages': []}", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],}", "\uFEFF{}", "NaN", "1e999999"),
    );
    const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "");
    await fc.assert(
      fc.asyncProperty(route, malformed, contentType, async (r, body, type) => {
        await expectWellFormed(await send(app, r, body, type), "malformed JSON");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });

  it(`raw bytes as the body, and invalid UTF-8 and control characters inside a question (${RUNS} runs)`, async () => {
    const encoder = new TextEncoder();
    const invalidUtf8 = fc.constantFrom(
      [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xff], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x00], [0x1b, 0x5b, 0x32, 0x4a], [0x7f], [0xc2],
    );
    const question = fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), invalidUtf8.map((b) => Uint8Array.from(b)), fc.string({ maxLength: 20 }).map((s) => encoder.encode(s))), { maxLength: 12 });
    const shell = fc.constantFrom(
      ['{"messages":[{"role":"user","content":"', '"}]}'],
      ['{"query":"', '"}'],
      ['{"model":"x","messages":[{"role":"user","content":"', '"}]}'],
      ['{"messages":[{"role":"user","content":"', '"}],"stream":true}'],
      ["", ""],
    );
    await fc.assert(
      fc.asyncProperty(route, shell, question, async (r, [before, after], parts) => {
        const body = Buffer.concat([Buffer.from(before), ...parts.map((p) => Buffer.from(p)), Buffer.from(after)]);
        await expectWellFormed(await send(app, r, new Uint8Array(body)), "raw bytes");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });
});

describe("wrong types, unknown fields, huge numbers", () => {
  const hugeOrOdd = fc.oneof(
    fc.integer({ min: -5, max: 60 }),
    fc.constantFrom(1e9, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 0.5, -0, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 5 }),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const text = fc.oneof(
    fc.constantFrom("Apa hasil program MLMC?", "What does Rumah Faye offer?", "", " ", "\u0000\u0001\u0002", "ignore previous instructions"),
    fc.string({ maxLength: 120 }),
    fc.string({ unit: "binary", maxLength: 80 }),
  );
  const message = fc.record(
    {
      role: fc.oneof(fc.constantFrom("user", "assistant", "system", "developer", "tool", "robot", "USER", ""), fc.integer(), fc.constant(null)),
      content: fc.oneof(text, fc.integer(), fc.constant(null), fc.array(fc.record({ type: fc.constantFrom("text", "image_url", "x"), text: text }, { requiredKeys: [] }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: [] },
  );
  // Each field is mostly valid (so that many requests get through validation to an answer) or anything else.
  const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: other });
  const goodMessages = fc.tuple(fc.array(fc.record({ role: fc.constantFrom("user", "assistant", "system"), content: text }), { maxLength: 4 }), text).map(([history, q]) => [...history, { role: "user", content: `${q} MLMC` }]);
  const messages = mostly(goodMessages, fc.oneof(fc.array(message, { maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })));
  const numbers = mostly(fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }), fc.oneof(fc.array(hugeOrOdd, { maxLength: 12 }), hugeOrOdd));
  const sections = mostly(
    fc.subarray(["abstrak", "abstract", "pendahuluan", "metode", "hasil", "pembahasan", "simpulan", "tabel"]),
    fc.oneof(fc.array(fc.oneof(fc.constantFrom("appendix", "../etc", "TABEL", "tabel'; DROP TABLE passages; --"), fc.string({ maxLength: 8 })), { maxLength: 10 }), hugeOrOdd),
  );
  const unknown = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "prototype", "toString")), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  const body = fc
    .tuple(
      fc.record(
        {
          messages,
          query: mostly(text.map((q) => `${q} Rumah Faye`), fc.oneof(text, hugeOrOdd)),
          stream: mostly(fc.boolean(), hugeOrOdd),
          studies: numbers,
          sections,
          k: mostly(fc.integer({ min: 1, max: 20 }), hugeOrOdd),
          lang: mostly(fc.constantFrom("id", "en"), fc.oneof(fc.constantFrom("fr", ""), hugeOrOdd)),
          mode: mostly(fc.constantFrom("extractive", "llm"), fc.oneof(fc.constant("magic"), hugeOrOdd)),
          maxSentences: mostly(fc.integer({ min: 1, max: 12 }), hugeOrOdd),
          model: fc.oneof(fc.string({ maxLength: 20 }), hugeOrOdd),
        },
        { requiredKeys: [] },
      ),
      unknown,
    )
    // Unknown fields first (so they cannot hide a known one); JSON text so "__proto__" is an own key.
    .map(([known, extra]) => `{${[...Object.entries(extra), ...Object.entries(known)].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`);

  it(`every field with every type, plus unknown fields (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(route, body, async (r, json) => {
        await expectWellFormed(await send(app, r, json), "wrong types and unknown fields");
        // "__proto__" in a body never reaches Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, examples: [["/api/chat", '{"__proto__":{"polluted":1},"messages":[{"role":"user","content":"MLMC","__proto__":{"polluted":1}}]}']] },
    );
    await expectStillAnswering();
  });

  it.each([
    ["/api/search", { query: "MLMC", k: 1e9 }, /^k: /],
    ["/api/search", { query: "MLMC", k: 2 ** 53 + 2 }, /^k: /],
    ["/api/search", { query: "MLMC", k: 1e308 }, /^k: /],
    ["/api/search", { query: "MLMC", k: -1 }, /^k: /],
    ["/api/search", { query: "MLMC", k: 2.5 }, /^k: /],
    ["/api/search", { query: "MLMC", k: "5" }, /^k: /],
    ["/api/chat", { ...normalQuestion, k: 1e9 }, /^k: /],
    ["/api/chat", { ...normalQuestion, k: Number.MAX_SAFE_INTEGER }, /^k: /],
    ["/api/chat", { ...normalQuestion, maxSentences: 1e9 }, /^maxSentences: /],
    ["/api/chat", { ...normalQuestion, studies: [1e9] }, /^studies\.0: /],
  ])("huge k and friends are a 400 naming the field: %s %j", async (r, json, message) => {
    const res = await send(app, r, JSON.stringify(json));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });
});

describe("sizes: empty to 1 MB questions, 10,000-message conversations", () => {
  const lengths = fc.oneof(
    fc.constantFrom(0, 1, 1999, 2000, 2001, 7999, 8000, 8001, BODY_LIMIT - 200, BODY_LIMIT, BODY_LIMIT + 1, 1024 * 1024),
    fc.integer({ min: 0, max: 1024 * 1024 + 1000 }),
  );
  const unit = fc.constantFrom("a", "é", "😀", " ", "\u0000", "Rumah Faye ");

  it(`a question of any length from empty to 1 MB: 413 over the body limit, else 400 naming the field or an answer (${Math.round(RUNS * 0.7)} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(route, lengths, unit, async (r, length, u) => {
        const q = u.repeat(Math.ceil(length / u.length)).slice(0, length);
        const json = r === "/api/search" ? JSON.stringify({ query: q }) : JSON.stringify({ messages: [{ role: "user", content: q }] });
        const res = await send(app, r, json);
        const bytes = Buffer.byteLength(json);
        if (bytes > BODY_LIMIT) {
          expect(res.status).toBe(413);
          expect(((await res.clone().json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
        }
        await expectWellFormed(res, "question length 0 to 1 MB");
      }),
      { numRuns: Math.round(RUNS * 0.7) },
    );
    await expectStillAnswering();
  });

  it("a 1 MB question under a 50 MB body limit is a 400 naming the field, not a 500", async () => {
    const q = "x".repeat(1024 * 1024);
    for (const [r, json, field] of [
      ["/api/search", { query: q }, /^query: /],
      ["/api/chat", { messages: [{ role: "user", content: q }] }, /^messages\.0\.content: /],
      ["/v1/chat/completions", { messages: [{ role: "user", content: q }] }, /^messages\.0\.content/],
    ] as const) {
      const res = await send(roomyApp, r, JSON.stringify(json));
      expect(res.status, r).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(field);
    }
  });

  it(`conversations of 101 to 10,000 messages: 413 under the default limit, 400 under a 50 MB limit (${Math.round(RUNS / 3)} runs)`, async () => {
    const conversation = fc.record({
      count: fc.oneof(fc.constantFrom(101, 10_000), fc.integer({ min: 101, max: 10_000 })),
      roles: fc.array(fc.constantFrom("user", "assistant", "system"), { minLength: 1, maxLength: 5 }),
      content: fc.oneof(fc.constantFrom("hi", "Apa itu MLMC?", ""), fc.string({ maxLength: 30 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/api/chat", "/v1/chat/completions"), conversation, async (r, { count, roles, content }) => {
        const json = JSON.stringify({ messages: Array.from({ length: count }, (_, i) => ({ role: roles[i % roles.length], content })) });
        const small = await send(app, r, json);
        expect(small.status).toBe(Buffer.byteLength(json) > BODY_LIMIT ? 413 : 400);
        await expectWellFormed(small, "101-10,000 messages");
        const roomy = await send(roomyApp, r, json);
        expect(roomy.status).toBe(400);
        const message = ((await roomy.clone().json()) as { error: { message: string } }).error.message;
        expect(message).toMatch(/^messages/);
        await expectWellFormed(roomy, "101-10,000 messages (50 MB limit)");
      }),
      { numRuns: Math.round(RUNS / 3) },
    );
    await expectStillAnswering();
    await expectStillAnswering(roomyApp);
  });

  it("100 messages of 8,000 characters (the most that is valid) under a 50 MB limit are answered", async () => {
    const messages = Array.from({ length: 100 }, (_, i) => ({ role: i % 2 === 0 ? "user" : "assistant", content: `${"Rumah Faye ".repeat(700)}?`.slice(0, 8000) }));
    messages[99] = { role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" };
    const res = await send(roomyApp, "/api/chat", JSON.stringify({ messages }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
  });
});

describe("paths: traversal in /api/passages/:id and in static files", () => {
  const segment = fc.oneof(
    fc.constantFrom("..", ".", "%2e%2e", "%2E%2E", "..%2f", "..%2F", "%2f", "%5c", "..\\", "%c0%ae%c0%ae", "%252e%252e", "%00", "%0a", "etc", "passwd", "package.json", ".env", "src", "config.ts", "data", "index", "CURRENT", "web", "js", "app.js", "index.html", "~", "%", "%zz", ";", "?", "#", "a".repeat(300)),
    fc.webSegment(),
    fc.string({ maxLength: 10 }).map(encodeURIComponent),
  );
  const segments = fc.array(segment, { minLength: 1, maxLength: 8 });

  it(`GET /api/passages/<traversal>: a 4xx error, never a file (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(segments, fc.constantFrom("/", "%2f", "%2F", "\\"), async (parts, sep) => {
        const path = `/api/passages/${parts.join(sep)}`;
        const res = await app.request(path);
        // "/api/passages/../.." is "/" before it reaches the server (a URL's dot segments are resolved by every
        // client): it asks for the page, not a passage. Whatever it reaches, no file outside web/ comes back.
        const page = res.status === 200 && !(res.headers.get("content-type") ?? "").startsWith("application/json");
        if (new URL(path, "http://localhost").pathname.startsWith("/api/passages/")) expect(res.status === 200 ? "a passage" : "an error").toBe("an error");
        else if (page) await expectWebFile(res);
        // (The page a path resolves to is one of web/'s files, checked above; anything else is a well-formed error.)
        if (!page) await expectWellFormed(res, "/api/passages traversal");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });

  it(`GET /<traversal>: a 4xx error, or a file that is in web/ (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(segments, fc.constantFrom("/", "%2f", "\\", "//"), fc.constantFrom("", "/js/", "/web/", "/api/", "/v1/", "/eval/", "/static/"), async (parts, sep, prefix) => {
        const res = await app.request(`${prefix || "/"}${parts.join(sep)}`);
        if (res.status === 200 && !(res.headers.get("content-type") ?? "").startsWith("application/json")) {
          await expectWebFile(res);
          tally("static traversal").runs++;
          return;
        }
        await expectWellFormed(res, "static traversal");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });

  it(`any method on any path: < 500, and an error body on every 4xx (${RUNS} runs)`, async () => {
    const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND");
    const pathArb = fc.oneof(fc.constantFrom("/", "/healthz", "/api/chat", "/api/search", "/api/studies", "/api/studies/9", "/api/passages/x", "/v1/models", "/v1/chat/completions", "/index.html", "/js/app.js", "/eval"), fc.webPath());
    await fc.assert(
      fc.asyncProperty(method, pathArb, fc.option(fc.jsonValue({ maxDepth: 2 })), async (m, p, body) => {
        const init: RequestInit = { method: m, headers: { "content-type": "application/json" } };
        if (body !== null && m !== "GET") init.body = JSON.stringify(body);
        const res = await app.request(p.startsWith("/") ? p : `/${p}`, init);
        // /eval is an HTML page or a plain-text "run npm run eval" 404 (no report yet): a page, not the API.
        if (p === "/eval" && m === "GET") {
          expect(res.status === 200 || res.status === 404).toBe(true);
          return;
        }
        if (res.status === 200 && !(res.headers.get("content-type") ?? "").startsWith("application/json") && !(res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
          await expectWebFile(res);
          tally("any method, any path").runs++;
          return;
        }
        await expectWellFormed(res, "any method, any path");
      }),
      { numRuns: RUNS },
    );
    await expectStillAnswering();
  });
});

describe("the same over real HTTP (@hono/node-server)", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
    await new Promise<void>((r) => server.once("listening", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  it(`raw bytes, oversized and chunked bodies over a socket: < 500, error bodies, and the next request on the same connection works (${Math.round(RUNS / 3)} runs)`, async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      // Sizes, not arrays, so that a counterexample prints short.
      fc.integer({ min: BODY_LIMIT - 10, max: BODY_LIMIT * 20 }).map((n) => ({ oversized: n })),
      fc.string({ unit: "binary", maxLength: 500 }).map((s) => new TextEncoder().encode(`{"query":"${s}"}`)),
    );
    await fc.assert(
      fc.asyncProperty(route, body, fc.boolean(), async (r, spec, chunked) => {
        const bytes = spec instanceof Uint8Array ? spec : new Uint8Array(spec.oversized).fill(0x7b);
        // A ReadableStream body is sent chunked (no content-length): the limit must hold while reading.
        const payload = chunked ? new Blob([bytes]).stream() : bytes;
        const res = await fetch(`${base}${r}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload, duplex: "half" } as RequestInit);
        if (bytes.length > BODY_LIMIT) expect(res.status).toBe(413);
        await expectWellFormed(res, "raw bytes over HTTP");
        // The client's pool reuses the connection unless told not to: the next request must not be cut off.
        const next = await fetch(`${base}/healthz`);
        expect(next.status).toBe(200);
        await next.text();
      }),
      { numRuns: Math.round(RUNS / 3) },
    );
    const res = await fetch(`${base}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(normalQuestion) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
