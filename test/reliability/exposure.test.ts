/**
 * Exposure: the loopback default, the token an exposed host requires, per-client rate limits, secrets
 * never logged or sent to a client, a Content-Security-Policy with no outside origins, and a graceful
 * shutdown on SIGTERM. The server runs as `node --import tsx scripts/serve.ts` (a child process) unless a
 * test needs it in-process; the model is a local STAND-IN speaking the OpenAI wire format.
 */
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";
import { runScript, STACK_LINE, startServerProcess, type Child } from "./processes.ts";
import { sseEvents } from "../helpers/sse.ts";

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

/** The first IPv4 address of this machine that is not loopback (undefined on a machine without one). */
function externalIPv4(): string | undefined {
  return Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal)?.address;
}

/** One HTTP request on a new connection, optionally from a given local address (the client's IP). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

async function stop(child: Child): Promise<{ code: number | null }> {
  child.kill("SIGTERM");
  return child.exited;
}

describe("binding", () => {
  it("binds 127.0.0.1 by default", async () => {
    expect(loadConfig({}).server.host).toBe("127.0.0.1");
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const port = new URL(server.url).port;
      expect((await request(`${server.url}/healthz`)).status).toBe(200);
      const external = externalIPv4();
      // Not reachable from another interface of this machine (when it has one).
      if (external) await expect(request(`http://${external}:${port}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      expect((await stop(server)).code).toBe(0);
    }
  });

  it.each(["0.0.0.0", "::", "192.0.2.10"])("HOST=%s without APP_TOKEN: exits 1 with one clear line, no stack trace", async (host) => {
    const { code, stdout, stderr } = await runScript("serve", { DATA_DIR: fixture.dataDir, HOST: host, PORT: "0" });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Cannot start: HOST=${host.replace(/\./g, "\\.")} makes the assistant reachable from other machines; set APP_TOKEN`));
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it("HOST=0.0.0.0 with APP_TOKEN: every /api and /v1 request needs the bearer token; /healthz and the page stay open", async () => {
    const token = `tok-${randomBytes(16).toString("hex")}`;
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, HOST: "0.0.0.0", APP_TOKEN: token });
    try {
      const port = new URL(server.url).port;
      const bases = [`http://127.0.0.1:${port}`, ...(externalIPv4() ? [`http://${externalIPv4()}:${port}`] : [])];
      const json = { "content-type": "application/json" };
      const passageId = (await fixture.context.store.listPassages(undefined, 1))[0].id;
      const routes: [string, string, string | undefined][] = [
        ["GET", "/api/studies", undefined],
        ["GET", "/api/studies/9", undefined],
        ["GET", `/api/passages/${passageId}`, undefined],
        ["POST", "/api/search", JSON.stringify({ query: "MLMC" })],
        ["POST", "/api/chat", JSON.stringify({ messages: [{ role: "user", content: "Apa hasil program MLMC?" }] })],
        ["POST", "/api/chat", JSON.stringify({ messages: [{ role: "user", content: "Apa hasil program MLMC?" }], stream: true })],
        ["GET", "/v1/models", undefined],
        ["POST", "/v1/chat/completions", JSON.stringify({ model: "x", messages: [{ role: "user", content: "Apa hasil program MLMC?" }] })],
        ["GET", "/api/no-such-route", undefined],
        ["GET", "/%61pi/studies", undefined],
        ["GET", "/api/../api/studies", undefined],
        ["GET", "/v%31/models", undefined],
      ];
      for (const base of bases) {
        for (const [method, route, body] of routes) {
          for (const authorization of [undefined, "Bearer wrong-token", `Basic ${token}`, `Bearer ${token}x`, "Bearer "]) {
            const res = await request(`${base}${route}`, { method, body, headers: { ...json, ...(authorization ? { authorization } : {}) } });
            expect(res.status, `${method} ${route} with ${authorization ?? "no authorization"}`).toBe(401);
            expect(JSON.parse(res.body)).toMatchObject({ error: { code: "unauthorized" } });
            expect(res.headers["www-authenticate"]).toMatch(/^Bearer /);
          }
          const ok = await request(`${base}${route}`, { method, body, headers: { ...json, authorization: `Bearer ${token}` } });
          expect(ok.status, `${method} ${route} with the token`).toBe(route.includes("no-such-route") ? 404 : 200);
        }
        expect((await request(`${base}/healthz`)).status).toBe(200);
        expect((await request(`${base}/`)).status).toBe(200);
      }
    } finally {
      expect((await stop(server)).code).toBe(0);
    }
  });
});

describe("rate limiting per client (real server over HTTP, clients on different loopback addresses)", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "3" });
    server = serve({ fetch: createApp({ context: { ...fixture.context, config }, log: false }).fetch, port: 0, hostname: "0.0.0.0" }) as Server;
    await new Promise<void>((r) => server.once("listening", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("each client has its own budget: one is limited with 429 and Retry-After, another is not; headers cannot fake a client", async () => {
    const a = "127.0.0.2";
    const b = "127.0.0.3";
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof request>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await request(`${base}/api/studies`, { localAddress: a });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(last!.body)).toMatchObject({ error: { code: "rate_limited" } });
    // Forwarding headers are not trusted: client A stays limited whatever it claims to be.
    for (const headers of [{ "x-forwarded-for": "10.1.2.3" }, { "x-real-ip": "10.1.2.4" }, { forwarded: "for=10.1.2.5" }] as Record<string, string>[]) {
      expect((await request(`${base}/api/studies`, { localAddress: a, headers })).status).toBe(429);
    }
    // Client B is untouched by A's requests.
    const bStatuses: number[] = [];
    for (let i = 0; i < 3; i++) bStatuses.push((await request(`${base}/api/studies`, { localAddress: b })).status);
    expect(bStatuses).toEqual([200, 200, 200]);
    expect((await request(`${base}/api/studies`, { localAddress: b })).status).toBe(429);
    // /healthz is not rate-limited (monitoring keeps working for a limited client).
    expect((await request(`${base}/healthz`, { localAddress: a })).status).toBe(200);
  });
});

describe("secrets and the Content-Security-Policy", () => {
  it("the API key and token appear in no output, no response body and no header; every response carries a CSP with no outside origins", async () => {
    const apiKey = `sk-test-SECRET-${randomBytes(16).toString("hex")}`;
    const token = `tok-SECRET-${randomBytes(16).toString("hex")}`;
    standIn.behaviour = { kind: "answer", text: "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. At the start, 72% had experienced CSE {cite:Pada awal 72%}." };
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: standIn.baseURL, APP_TOKEN: token, LLM_FIRST_TOKEN_TIMEOUT_MS: "3000" });
    const seen: { what: string; status: number; headers: http.IncomingHttpHeaders; body: string }[] = [];
    const call = async (what: string, route: string, options: Parameters<typeof request>[1] = {}) => {
      const res = await request(`${server.url}${route}`, options);
      seen.push({ what, ...res });
      return res;
    };
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const question = JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }] });
    const streamed = JSON.stringify({ ...JSON.parse(question), stream: true });
    try {
      await call("page", "/");
      for (const file of readdirSync(path.join(PROJECT_ROOT, "web"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
        const route = `/${path.relative(path.join(PROJECT_ROOT, "web"), path.join(file.parentPath, file.name)).split(path.sep).join("/")}`;
        expect((await call(`page file ${route}`, route)).status, route).toBe(200);
      }
      expect((await call("healthz", "/healthz")).status).toBe(200);
      expect((await call("studies", "/api/studies", { headers: auth })).status).toBe(200);
      expect((await call("studies without token", "/api/studies")).status).toBe(401);
      expect((await call("studies with a wrong token", "/api/studies", { headers: { authorization: "Bearer tok-SECRET-wrong" } })).status).toBe(401);
      expect((await call("models", "/v1/models", { headers: auth })).status).toBe(200);
      expect((await call("bad JSON", "/api/chat", { method: "POST", headers: auth, body: "{nope" })).status).toBe(400);
      expect((await call("unknown route", "/api/nothing", { headers: auth })).status).toBe(404);

      const answered = await call("chat (model)", "/api/chat", { method: "POST", headers: auth, body: question });
      expect(JSON.parse(answered.body)).toMatchObject({ mode: "llm" });
      const stream = await call("chat stream (model)", "/api/chat", { method: "POST", headers: auth, body: streamed });
      expect(sseEvents(stream.body).at(-1)!.event).toBe("done");

      // Failing requests: the endpoint rejects the key and quotes it back in its error message.
      standIn.behaviour = { kind: "reject-key" };
      const failed = await call("chat (endpoint rejects the key)", "/api/chat", { method: "POST", headers: auth, body: question });
      const failedBody = JSON.parse(failed.body) as { mode: string; warnings: string[] };
      expect(failedBody.mode).toBe("extractive");
      expect(failedBody.warnings.join(" ")).toMatch(/401 Incorrect API key provided: \[redacted\]/);
      const failedStream = await call("chat stream (endpoint rejects the key)", "/api/chat", { method: "POST", headers: auth, body: streamed });
      expect(failedStream.body).toMatch(/\[redacted\]/);
      expect(sseEvents(failedStream.body).at(-1)!.event).toBe("done");
      const v1 = await call("v1 (endpoint rejects the key)", "/v1/chat/completions", { method: "POST", headers: auth, body: question });
      expect(v1.status).toBe(200);
      expect(v1.body).toMatch(/\[redacted\]/);
      const v1Stream = await call("v1 stream (endpoint rejects the key)", "/v1/chat/completions", { method: "POST", headers: auth, body: streamed });
      expect(v1Stream.body).toMatch(/data: \[DONE\]/);
      // The key did reach the endpoint (so the checks above are about passing it on, not about not having it).
      expect(standIn.requests.some((r) => r.path.endsWith("/chat/completions"))).toBe(true);
    } finally {
      expect((await stop(server)).code).toBe(0);
    }

    const output = `${server.stdout()}\n${server.stderr()}`;
    expect(output).toMatch(/Review assistant ready/);
    for (const secret of [apiKey, token, apiKey.slice(-16), token.slice(-16)]) {
      expect(output.includes(secret), "stdout/stderr").toBe(false);
      for (const r of seen) {
        expect(r.body.includes(secret), `body of ${r.what}`).toBe(false);
        expect(JSON.stringify(r.headers).includes(secret), `headers of ${r.what}`).toBe(false);
      }
    }
    expect(seen.length).toBeGreaterThan(20);

    for (const r of seen) {
      const csp = String(r.headers["content-security-policy"] ?? "");
      expect(csp, `CSP of ${r.what}`).toMatch(/default-src '(self|none)'/);
      expect(csp).toMatch(/script-src '(self|none)'/);
      expect(csp).toMatch(/connect-src '(self|none)'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      // No outside origin: no scheme, host or wildcard source anywhere in the policy.
      for (const directive of csp.split(";")) {
        for (const source of directive.trim().split(/\s+/).slice(1)) expect(["'self'", "'none'", "data:", "'unsafe-inline'"], `${source} in ${directive} (${r.what})`).toContain(source);
      }
      expect(csp).not.toMatch(/'unsafe-inline'/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});

describe("graceful shutdown on SIGTERM", () => {
  it("an in-flight streamed answer completes, new connections are refused, and the process exits 0", async () => {
    const text = "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}. At the start, 72% had experienced CSE {cite:Pada awal 72%}. After 6 months it was 24% {cite:jadi 24%}.";
    standIn.behaviour = { kind: "slow", text, chunkSize: 8, delayMs: 120 };
    // A grace period far longer than the answer: the process can only exit this test in time by finishing it.
    const server = await startServerProcess({ DATA_DIR: fixture.dataDir, OPENAI_BASE_URL: standIn.baseURL, LLM_FIRST_TOKEN_TIMEOUT_MS: "3000", LLM_TOTAL_TIMEOUT_MS: "30000", SHUTDOWN_GRACE_MS: "600000" });
    const port = new URL(server.url).port;

    let received = "";
    let firstDelta!: () => void;
    const deltaSeen = new Promise<void>((r) => (firstDelta = r));
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, agent: false }, (res) => {
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          received += d;
          if (/event: delta\ndata: \{"text":"[^"]/.test(received)) firstDelta();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: received }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }], stream: true }));
    });

    await deltaSeen; // the model has started answering: the request is in flight
    server.kill("SIGTERM");
    await server.waitFor(/"event":"shutdown"/);
    const deltasBefore = (received.match(/event: delta/g) ?? []).length;
    // Shutdown has begun: the listening socket is closed, a new connection is refused.
    await expect(request(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    expect(received).not.toMatch(/event: done/);

    const done = await inFlight;
    expect(done.status).toBe(200);
    const events = sseEvents(done.body);
    expect(events.map((e) => e.event)).not.toContain("error");
    expect(events.at(-1)!.event).toBe("done");
    const result = (events.at(-1)!.data as { result: { mode: string; answer: string; warnings: string[] } }).result;
    expect(result.mode).toBe("llm");
    expect(result.answer).toBe(standIn.answers.at(-1));
    expect(result.warnings).toEqual([]);
    // The answer went on streaming after the signal (it was not cut short).
    expect(events.filter((e) => e.event === "delta").length).toBeGreaterThan(deltasBefore);

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.stderr()).not.toMatch(STACK_LINE);
  });
});
