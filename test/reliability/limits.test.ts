/**
 * Limits (issue 14): /v1 content parts count toward the one 8,000-character limit; a request whose headers
 * or body never finish is answered 408 and closed; SIGTERM while answers stream ends each open stream with
 * an `error` event once the grace period is over. The real CLI as a child process where the node server's
 * own settings matter, the model a local STAND-IN speaking the OpenAI wire format.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";
import { sseEvents } from "../helpers/sse.ts";
import { STACK_LINE, startServerProcess } from "./processes.ts";

let fixture: IndexFixture;
let standIn: StandIn;

beforeAll(async () => {
  fixture = await openSharedIndex();
  standIn = await startStandIn({ kind: "answer", text: "" });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

describe("/v1 content parts", () => {
  const post = (content: unknown) =>
    createApp({ context: fixture.context, log: false }).request("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "x", messages: [{ role: "user", content }] }),
    });
  const parts = (...lengths: number[]) => lengths.map((n, i) => ({ type: "text", text: `${i === 0 ? "MLMC " : ""}${"a".repeat(n - (i === 0 ? 5 : 0))}` }));

  it("count toward the same 8,000 characters as a string (8 parts of 7,906 characters: 400 naming the field)", async () => {
    for (const content of [parts(7906, 7906, 7906, 7906, 7906, 7906, 7906, 7906), parts(4000, 4000), parts(8000, 1)]) {
      const res = await post(content);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_request", message: "messages.0.content: its text parts must be at most 8000 characters together" } });
    }
    for (const content of [parts(4000, 3999), parts(8000), "MLMC ".padEnd(8000, "a")]) expect((await post(content)).status).toBe(200);
  });
});

/** A raw connection: write `data`, then wait until the server closes it; resolves with what it sent back. */
function stall(port: number, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(data));
    let reply = "";
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (reply += d));
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

describe("requests that never finish (scripts/serve.ts with HEADERS_TIMEOUT_MS=500, REQUEST_TIMEOUT_MS=1000)", () => {
  it("a body that stops half-way and headers that never end are answered 408 and closed; the server keeps serving", async () => {
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, HEADERS_TIMEOUT_MS: "500", REQUEST_TIMEOUT_MS: "1000" });
    const port = Number(new URL(server.url).port);
    try {
      const body = await stall(port, 'POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"messages":[');
      expect(body).toMatch(/^HTTP\/1\.1 408 /);
      const headers = await stall(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      expect(headers).toMatch(/^HTTP\/1\.1 408 /);
      const ok = await fetch(`${server.url}/healthz`);
      expect(ok.status).toBe(200);
    } finally {
      server.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    }
  });
});

describe("SIGTERM while answers stream (SHUTDOWN_GRACE_MS=500, a model that would take ~15 s)", () => {
  it("each open stream ends with an error event (/api/chat) or error chunk and [DONE] (/v1), then the process exits 0", async () => {
    const sentence = "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. ";
    standIn.behaviour = { kind: "slow", text: sentence.repeat(30), chunkSize: 8, delayMs: 100 };
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL, LLM_FIRST_TOKEN_TIMEOUT_MS: "5000", LLM_TOTAL_TIMEOUT_MS: "60000", SHUTDOWN_GRACE_MS: "500" });
    const open = (path: string) => {
      let received = "";
      let started!: () => void;
      const begun = new Promise<void>((r) => (started = r));
      const ended = new Promise<string>((resolve, reject) => {
        const req = http.request(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, agent: false }, (res) => {
          res.setEncoding("utf8");
          res.on("data", (d: string) => {
            received += d;
            if (/"(text|content)":"After/.test(received)) started();
          });
          res.on("end", () => resolve(received));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(JSON.stringify({ model: "x", messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }], stream: true }));
      });
      return { begun, ended };
    };
    const chat = open("/api/chat");
    const v1 = open("/v1/chat/completions");
    await Promise.all([chat.begun, v1.begun]);
    server.kill("SIGTERM");

    const chatEvents = sseEvents(await chat.ended);
    expect(chatEvents.at(-1)).toEqual({ event: "error", data: { code: "shutting_down", message: "the server is shutting down; ask again in a moment" } });
    expect(chatEvents.map((e) => e.event)).not.toContain("done");
    const v1Events = sseEvents(await v1.ended);
    expect(v1Events.at(-1)!.data).toBe("[DONE]");
    expect(v1Events.at(-2)!.data).toMatchObject({ error: { code: "shutting_down" } });
    expect((await server.exited).code).toBe(0);
    expect(server.stderr()).not.toMatch(STACK_LINE);
  });
});
