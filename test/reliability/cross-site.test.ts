/**
 * Requests from other sites and under other names (issue 14): the JSON media type must parse exactly, a
 * state-changing or model-spending request from a browser page must come from this server's origin (or
 * ALLOWED_ORIGINS), and the Host must be a name of this server (or ALLOWED_HOSTS). The real app served by
 * @hono/node-server on a port the OS picks; the model is the OpenAI STAND-IN, so a request that got through
 * to the model is seen there. (A real browser on another origin: cross-site-browser.test.ts.)
 */
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmComposer } from "../../src/answer/llm-composer.ts";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { isJsonMediaType } from "../../src/server/request-guards.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

let fixture: IndexFixture;
let standIn: StandIn;

const QUESTION = JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }] });

function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

async function startApp(env: Record<string, string> = {}, hostname = "127.0.0.1"): Promise<{ port: number; close(): Promise<void> }> {
  const config = loadConfig({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "100000", ANSWER_MODE: "llm", ...env });
  const llm = createLlmComposer({ baseURL: standIn.baseURL, model: "stand-in-model", firstTokenTimeoutMs: 3000, totalTimeoutMs: 10_000 });
  const server = serve({ fetch: createApp({ context: { ...fixture.context, config, llm }, log: false }).fetch, port: 0, hostname }) as Server;
  await new Promise<void>((r) => server.once("listening", () => r()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const modelCalls = () => standIn.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

beforeAll(async () => {
  fixture = await openSharedIndex();
  standIn = await startStandIn({ kind: "answer", text: "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}." });
});
afterAll(async () => {
  await standIn.close();
  await fixture.cleanup();
});

describe("the JSON media type", () => {
  it("parses exactly as application/json, with at most a UTF-8 charset", () => {
    for (const ok of ["application/json", "Application/JSON", "application/json; charset=utf-8", 'application/json;charset="UTF-8"']) expect(isJsonMediaType(ok), ok).toBe(true);
    for (const bad of ["text/plain;application/json", "text/plain; application/json", "application/jsonx", "application/json-patch+json", "application/json; charset=latin1", "application/json; boundary=x", "application/json; charset=utf-8; charset=utf-8", "multipart/form-data; application/json", ""]) {
      expect(isJsonMediaType(bad), bad).toBe(false);
    }
  });

  it("a body sent as text/plain;application/json (what a no-cors request can send) is refused with 415 and never reaches the model", async () => {
    const app = await startApp();
    try {
      const before = modelCalls();
      for (const type of ["text/plain;application/json", "text/plain; charset=utf-8; application/json", "application/x-www-form-urlencoded;application/json", "multipart/form-data; boundary=x; application/json"]) {
        for (const route of ["/api/chat", "/v1/chat/completions", "/api/search"]) {
          const body = route === "/api/search" ? JSON.stringify({ query: "MLMC" }) : QUESTION;
          const res = await raw(app.port, route, { method: "POST", headers: { "content-type": type }, body });
          expect(res.status, `${route} as ${type}`).toBe(415);
          expect(JSON.parse(res.body)).toMatchObject({ error: { code: "unsupported_media_type" } });
        }
      }
      expect(modelCalls()).toBe(before);
      // The same request as JSON does reach the model (so the count above would have seen it).
      expect((await raw(app.port, "/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: QUESTION })).status).toBe(200);
      expect(modelCalls()).toBe(before + 1);
    } finally {
      await app.close();
    }
  });
});

describe("Origin on state-changing and model-spending routes", () => {
  it("a request from a page of another origin is refused with 403 before the model is called; the own origin, ALLOWED_ORIGINS and non-browser clients pass", async () => {
    const app = await startApp({ ALLOWED_ORIGINS: "https://review.example.org" });
    const own = `http://127.0.0.1:${app.port}`;
    try {
      const before = modelCalls();
      const json = { "content-type": "application/json" };
      for (const origin of ["http://evil.example", `http://127.0.0.1:${app.port + 1}`, `http://localhost:${app.port}`, "null", "https://review.example.org.evil.example", "not a url"]) {
        for (const route of ["/api/chat", "/v1/chat/completions"]) {
          const res = await raw(app.port, route, { method: "POST", headers: { ...json, origin }, body: QUESTION });
          expect(res.status, `${route} from ${origin}`).toBe(403);
          expect(JSON.parse(res.body)).toMatchObject({ error: { code: "origin_not_allowed" } });
        }
      }
      // A browser that sends no Origin but says the request is from another site.
      expect((await raw(app.port, "/api/chat", { method: "POST", headers: { ...json, "sec-fetch-site": "cross-site" }, body: QUESTION })).status).toBe(403);
      expect(modelCalls()).toBe(before);

      for (const headers of [{ origin: own }, { origin: "https://review.example.org" }, { origin: "https://review.example.org/" }, {}, { "sec-fetch-site": "same-origin", origin: own }] as Record<string, string>[]) {
        const res = await raw(app.port, "/api/chat", { method: "POST", headers: { ...json, ...headers }, body: QUESTION });
        expect(res.status, JSON.stringify(headers)).toBe(200);
      }
      expect(modelCalls()).toBe(before + 5);
      // Reading is not state-changing: GET from another origin is answered (the browser's CORS keeps the page from reading it).
      expect((await raw(app.port, "/api/studies", { headers: { origin: "http://evil.example" } })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("Host", () => {
  it("accepts the bound address, localhost and ALLOWED_HOSTS; refuses any other name, on every route (DNS rebinding)", async () => {
    const app = await startApp({ ALLOWED_HOSTS: "review.internal" });
    try {
      const before = modelCalls();
      for (const host of [`127.0.0.1:${app.port}`, `localhost:${app.port}`, "localhost", `review.internal:${app.port}`, "REVIEW.internal.", `[::1]:${app.port}`]) {
        expect((await raw(app.port, "/healthz", { headers: { host } })).status, host).toBe(200);
      }
      for (const host of [`attacker.example:${app.port}`, "attacker.example", `localhost.attacker.example:${app.port}`, `127.0.0.1.nip.io:${app.port}`, `review.internal.attacker.example`]) {
        for (const [method, route, body] of [["GET", "/", undefined], ["GET", "/healthz", undefined], ["GET", "/api/studies", undefined], ["POST", "/api/chat", QUESTION]] as const) {
          const res = await raw(app.port, route, { method, headers: { host, "content-type": "application/json" }, body });
          expect(res.status, `${method} ${route} with Host ${host}`).toBe(403);
          expect(JSON.parse(res.body)).toMatchObject({ error: { code: "host_not_allowed" } });
        }
        // The rebinding attack proper: the page and the request share the attacker's origin.
        const same = await raw(app.port, "/api/chat", { method: "POST", headers: { host, origin: `http://${host}`, "content-type": "application/json" }, body: QUESTION });
        expect(same.status).toBe(403);
      }
      expect(modelCalls()).toBe(before);
    } finally {
      await app.close();
    }
  });

  it("bound to every address (HOST=0.0.0.0), each address of the machine is a name of the server", async () => {
    const app = await startApp({ HOST: "0.0.0.0", APP_TOKEN: "d4c1e0f3a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0" }, "0.0.0.0");
    try {
      const { networkInterfaces } = await import("node:os");
      const addresses = Object.values(networkInterfaces()).flat().filter((i) => i && i.family === "IPv4").map((i) => i!.address);
      for (const address of addresses) expect((await raw(app.port, "/healthz", { headers: { host: `${address}:${app.port}` } })).status, address).toBe(200);
      expect((await raw(app.port, "/healthz", { headers: { host: `attacker.example:${app.port}` } })).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});
