/**
 * Logs (issue 14): one JSON line per event on stderr. A flood of refusals is counted, not written line by
 * line; the openai client's own messages come in that format (not raw endpoint output); and no question is
 * ever written unless LOG_QUESTIONS=1. `scripts/serve.ts` as a child process, the model a local STAND-IN
 * speaking the OpenAI wire format.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";
import { startServerProcess } from "./processes.ts";

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

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** stderr as parsed lines; every line must be one JSON object. */
function jsonLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      expect(() => JSON.parse(l), `a log line that is not JSON: ${l.slice(0, 200)}`).not.toThrow();
      return JSON.parse(l) as Record<string, unknown>;
    });
}

describe("a flood of refusals", () => {
  it("300 requests without the token on a public bind: 300 refusals (401) logged as one line with the count", async () => {
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "3", HOST: "0.0.0.0", APP_TOKEN: randomBytes(32).toString("hex") });
    const port = new URL(server.url).port;
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await request(`http://127.0.0.1:${port}/api/studies`, { localAddress: "127.0.0.8" })).status);
    server.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const lines = jsonLines(server.stderr());
    const refused = lines.filter((l) => l.event === "refused");
    expect(refused).toEqual([{ t: expect.any(String), event: "refused", status: 401, client: "127.0.0.8", count: 300, windowMs: 60_000 }]);
    expect(lines.filter((l) => l.status === 401 && l.event !== "refused")).toEqual([]);
    expect(lines.length).toBeLessThan(10);
  });

  it("the same for 429s of the rate limit", async () => {
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await request(`${server.url}/api/studies`)).status);
    server.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(297);
    const lines = jsonLines(server.stderr());
    expect(lines.filter((l) => l.event === "refused")).toEqual([{ t: expect.any(String), event: "refused", status: 429, client: "127.0.0.1", count: 297, windowMs: 60_000 }]);
    expect(lines.filter((l) => l.path === "/api/studies")).toHaveLength(3);
  });
});

describe("the openai client's own logging, and questions", () => {
  const MARKER = `zebra-${randomBytes(6).toString("hex")}`;
  const question = `What happened to CSE after 12 months in the MLMC program? ${MARKER}`;

  async function exercise(env: Record<string, string>): Promise<string> {
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL, LLM_FIRST_TOKEN_TIMEOUT_MS: "3000", RATE_LIMIT_PER_MINUTE: "100000", ...env });
    const json = { "content-type": "application/json" };
    const chat = JSON.stringify({ messages: [{ role: "user", content: question }] });
    try {
      for (const behaviour of [{ kind: "invalid-json-echo" }, { kind: "status", status: 500 }, { kind: "answer", text: `After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. ${MARKER} {cite:pada 12 bulan menjadi 14%}.` }] as const) {
        standIn.behaviour = behaviour;
        for (const stream of [false, true]) {
          const body = JSON.stringify({ ...JSON.parse(chat), stream });
          expect((await request(`${server.url}/api/chat`, { method: "POST", headers: json, body })).status).toBe(200);
          expect((await request(`${server.url}/v1/chat/completions`, { method: "POST", headers: json, body })).status).toBe(200);
        }
      }
      // Refused requests that carry the question.
      await request(`${server.url}/api/search`, { method: "POST", headers: json, body: JSON.stringify({ query: question }) });
      await request(`${server.url}/api/chat`, { method: "POST", headers: json, body: `{"messages":[{"role":"user","content":"${MARKER}"` });
      await request(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "text/plain" }, body: chat });
      await request(`${server.url}/api/chat`, { method: "POST", headers: json, body: JSON.stringify({ messages: [{ role: "user", content: `${MARKER} ${"x".repeat(70_000)}` }] }) });
      await request(`${server.url}/api/search?q=${MARKER}`);
    } finally {
      server.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    }
    return server.stderr();
  }

  it("the SDK's messages are one JSON line each, without the endpoint's raw output; no question is written", async () => {
    const stderr = await exercise({});
    const lines = jsonLines(stderr);
    const sdk = lines.filter((l) => l.event === "openai");
    expect(sdk.length).toBeGreaterThan(0);
    expect(sdk[0]).toMatchObject({ level: "error", message: "Could not parse message into JSON:" });
    expect(stderr).not.toMatch(/you asked/);
    expect(stderr).not.toContain(MARKER);
  });

  it("with LOG_QUESTIONS=1 the question is written (so the test above could have seen it)", async () => {
    const stderr = await exercise({ LOG_QUESTIONS: "1" });
    expect(jsonLines(stderr).filter((l) => l.event === "question" && String(l.question).includes(MARKER)).length).toBeGreaterThan(0);
  });
});
