/**
 * A secret split across the chunks of a stream (issue 14: a model streaming "Key: ", key[0:12], key[12:]
 * delivered the whole key to /api/chat and /v1 streams). Tested at every split point of the key: the
 * scrubber alone, the response middleware on raw event-stream bytes, and the real app with the OpenAI
 * STAND-IN streaming the key in pieces through /api/chat and /v1/chat/completions.
 */
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmComposer } from "../../src/answer/llm-composer.ts";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { createStreamScrubber, redactSecrets } from "../../src/server/redact.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

const KEY = `sk-test-SECRET-${randomBytes(16).toString("hex")}`;
const TOKEN = `tok-"quoted"\\-${randomBytes(16).toString("hex")}`; // has characters JSON escapes

describe("createStreamScrubber", () => {
  const run = (chunks: string[], secrets = [KEY, TOKEN]) => {
    const s = createStreamScrubber(secrets);
    return chunks.map((c) => s.push(c)).join("") + s.flush();
  };

  it("scrubs a secret split at every point, in two and in three chunks", () => {
    for (const secret of [KEY, TOKEN, JSON.stringify(TOKEN).slice(1, -1)]) {
      for (let i = 1; i < secret.length; i++) {
        expect(run([`Key: ${secret.slice(0, i)}`, `${secret.slice(i)} end`]), `split at ${i}`).toBe("Key: [redacted] end");
        expect(run(["Key: ", secret.slice(0, i), secret.slice(i)]), `3 chunks, split at ${i}`).toBe("Key: [redacted]");
        for (let j = i + 1; j < secret.length; j += 7) expect(run([secret.slice(0, i), secret.slice(i, j), secret.slice(j), "."])).toBe("[redacted].");
      }
    }
  });

  it("holds back only what could begin a secret, and lets it go when it does not", () => {
    const s = createStreamScrubber([KEY]);
    expect(s.push("The answer is short. ")).toBe("The answer is short. ");
    expect(s.push("sk-te")).toBe("");
    expect(s.push("a is served")).toBe("sk-tea is served");
    expect(s.flush()).toBe("");
    // A stream that ends in the first part of a secret does not deliver that part either.
    expect(run(["Key: ", KEY.slice(0, 20)])).toBe("Key: [redacted]");
    expect(run(["Ends in sk-"])).toBe("Ends in sk-");
  });
});

describe("the response middleware on event-stream bytes split at every point of the key", () => {
  it("no split of the raw bytes lets the key through", async () => {
    for (let i = 1; i < KEY.length; i++) {
      const app = new Hono();
      app.use("*", redactSecrets([KEY]));
      app.get("/s", (c) =>
        streamSSE(c, async (stream) => {
          await stream.write(`event: delta\ndata: {"text":"Key: ${KEY.slice(0, i)}`);
          await stream.write(`${KEY.slice(i)}"}\n\n`);
          await stream.writeSSE({ event: "done", data: "{}" });
        }),
      );
      const body = await (await app.request("/s")).text();
      expect(body, `split at ${i}`).toBe('event: delta\ndata: {"text":"Key: [redacted]"}\n\nevent: done\ndata: {}\n\n');
    }
  });
});

describe("the app, with a model that streams the key in pieces (stand-in)", () => {
  let fixture: IndexFixture;
  let standIn: StandIn;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    fixture = await openSharedIndex();
    standIn = await startStandIn({ kind: "answer", text: "" });
    const config = loadConfig({ DATA_DIR: fixture.dataDir, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: standIn.baseURL, RATE_LIMIT_PER_MINUTE: "100000" });
    const llm = createLlmComposer({ baseURL: standIn.baseURL, apiKey: KEY, model: "stand-in-model", firstTokenTimeoutMs: 3000, totalTimeoutMs: 10_000 });
    app = createApp({ context: { ...fixture.context, config, llm }, log: false });
  });
  afterAll(async () => {
    await standIn.close();
    await fixture.cleanup();
  });

  it("at every split point of the key, neither /api/chat nor /v1 streams deliver it (nor its first or last 16 characters)", async () => {
    const question = { messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }], stream: true };
    for (let i = 1; i < KEY.length; i++) {
      // Also inside a sentence that cites a passage, and across two chunks of one delta.
      for (const chunks of [["Key: ", KEY.slice(0, i), KEY.slice(i)], [`After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. The key is ${KEY.slice(0, i)}`, `${KEY.slice(i)} {cite:pada 12 bulan menjadi 14%}.`]]) {
        standIn.behaviour = { kind: "chunks", chunks };
        for (const route of ["/api/chat", "/v1/chat/completions"]) {
          const res = await app.request(route, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(question) });
          const body = await res.text();
          expect(res.status).toBe(200);
          // What a client shows: the text of the deltas (or content chunks) joined, as well as the raw body.
          const shown = body
            .split("\n")
            .filter((l) => l.startsWith("data: {"))
            .map((l) => {
              const d = JSON.parse(l.slice(6)) as { text?: string; choices?: { delta?: { content?: string } }[] };
              return d.text ?? d.choices?.[0]?.delta?.content ?? "";
            })
            .join("");
          for (const part of [KEY, KEY.slice(0, 16), KEY.slice(-16)]) {
            expect(body.includes(part), `${route} body, split at ${i}: ${part}`).toBe(false);
            expect(shown.includes(part), `${route} joined text, split at ${i}: ${part}`).toBe(false);
          }
        }
      }
    }
    // The key did reach the model endpoint, so the checks above are about passing it on.
    expect(standIn.requests.length).toBeGreaterThan(0);
  });
});
