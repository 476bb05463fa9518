/**
 * The access token (issue 14): a weak APP_TOKEN is refused at start with the way to make a strong one;
 * wrong tokens are throttled per client with a growing wait; on a public bind /healthz says only { ok } and
 * /eval needs the token. The real CLI as a child process, and the real app on real sockets from different
 * loopback addresses (one per client); the throttle's clock is injected so that no test waits on time.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { FREE_FAILURES, tokenWeakness } from "../../src/server/auth.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { runScript, STACK_LINE } from "./processes.ts";

let fixture: IndexFixture;
const TOKEN = randomBytes(32).toString("hex");

beforeAll(async () => {
  fixture = await openSharedIndex();
});
afterAll(() => fixture.cleanup());

function request(url: string, options: { headers?: Record<string, string>; localAddress?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a weak APP_TOKEN", () => {
  it("is recognised: short, few different characters, runs and repeats; random tokens of 32+ characters pass", () => {
    for (const weak of ["qz", randomBytes(15).toString("hex") + "a", "a".repeat(64), "ab".repeat(20), "aaabbaabbbaabaaabbbbabaabaababbbaabbaab", "9x9x9y9x9yy99x9yxx9y99xyx9y99xx9yx9x9", "0123456789abcdef".repeat(2), "abcdefghijklmnopqrstuvwxyz0123456789", "passwordpasswordpasswordpassword", "correct-horse-correct-horse-correct-horse"]) {
      expect(tokenWeakness(weak), weak).toBeDefined();
    }
    // No false refusals. This one, from `openssl rand -hex 16`'s alphabet, was refused by the old entropy
    // estimate (a CI run drew it), and 500 tokens as `-hex 16` and `-hex 32` make them, and base64url ones.
    expect(tokenWeakness("00962c0e4e90bee442eb2040b0829998")).toBeUndefined();
    for (let i = 0; i < 500; i++) {
      for (const strong of [randomBytes(16).toString("hex"), randomBytes(32).toString("hex"), randomBytes(24).toString("base64url")]) expect(tokenWeakness(strong), strong).toBeUndefined();
    }
  });

  it.each([["0.0.0.0", "qz"], ["127.0.0.1", "qz"], ["0.0.0.0", "a".repeat(40)], ["0.0.0.0", "tok-123456789012345678901234567"]])(
    "HOST=%s APP_TOKEN=%s: exits 1 with one line that says how to make one (openssl rand -hex 32)",
    async (host, token) => {
      const { code, stdout, stderr } = await runScript("serve", { DATA_DIR: fixture.dataDir, HOST: host, PORT: "0", APP_TOKEN: token });
      expect(code).toBe(1);
      expect(stdout).toBe("");
      const lines = stderr.trim().split("\n");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cannot start: APP_TOKEN is (shorter than 32 characters|too predictable .*); generate a strong one with `openssl rand -hex 32`$/);
      expect(stderr).not.toMatch(STACK_LINE);
      expect(stderr).not.toContain(token.length > 8 ? token : "APP_TOKEN=");
    },
  );
});

describe("wrong tokens, per client (real server, clients on different loopback addresses)", () => {
  let server: Server;
  let base: string;
  let clock = 1_000_000;
  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: fixture.dataDir, APP_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: "100000" });
    server = serve({ fetch: createApp({ context: { ...fixture.context, config }, log: false, now: () => clock }).fetch, port: 0, hostname: "0.0.0.0" }) as Server;
    await new Promise<void>((r) => server.once("listening", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("443 wrong tokens in a row: 401 for the first few, then 429 with Retry-After, the right token included; another client is not affected", async () => {
    const a = "127.0.0.4";
    const statuses: number[] = [];
    for (let i = 0; i < 443; i++) statuses.push((await request(`${base}/api/studies`, { localAddress: a, headers: { authorization: `Bearer wrong-${i}` } })).status);
    expect(statuses.slice(0, FREE_FAILURES + 1)).toEqual(Array(FREE_FAILURES + 1).fill(401));
    expect(statuses.slice(FREE_FAILURES + 1).every((s) => s === 429)).toBe(true);
    const waiting = await request(`${base}/api/studies`, { localAddress: a, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(waiting.body)).toMatchObject({ error: { code: "too_many_failed_tokens" } });
    // Another client still gets in with the token, and a client with no token is asked for one, not throttled.
    expect((await request(`${base}/api/studies`, { localAddress: "127.0.0.5", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await request(`${base}/api/studies`, { localAddress: "127.0.0.6" })).status).toBe(401);
  });

  it("the wait doubles with each failure after it (1 s, 2 s, 4 s ...), and the right token afterwards clears it", async () => {
    const b = "127.0.0.7";
    const wrong = () => request(`${base}/api/studies`, { localAddress: b, headers: { authorization: "Bearer nope" } });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await wrong()).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect((await wrong()).status).toBe(401); // a failure, and the start of a wait
      const blocked = await wrong();
      expect(blocked.status).toBe(429);
      const seconds = Number(blocked.headers["retry-after"]);
      waits.push(seconds);
      clock += seconds * 1000; // the wait passes
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect((await request(`${base}/api/studies`, { localAddress: b, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await wrong()).status).toBe(401); // forgiven: free failures again
  });
});

describe("a public bind", () => {
  let report: string;
  beforeAll(async () => {
    report = path.join(await mkdtemp(path.join(os.tmpdir(), "report-")), "report.html");
    await writeFile(report, "<!doctype html><title>Evaluation</title><p>model gpt-x, build 123</p>");
  });
  afterAll(() => rm(path.dirname(report), { recursive: true, force: true }));

  const appFor = (env: Record<string, string>) => createApp({ context: { ...fixture.context, config: loadConfig({ DATA_DIR: fixture.dataDir, ...env }) }, evalReport: report, log: false });

  it("/healthz shows only { ok } without the token, everything with it; /eval needs the token", async () => {
    const app = appFor({ HOST: "0.0.0.0", APP_TOKEN: TOKEN });
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: `Basic ${TOKEN}` }] as Record<string, string>[]) {
      const res = await app.request("/healthz", { headers });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      const evalRes = await app.request("/eval", { headers });
      expect(evalRes.status).toBe(401);
      expect(await evalRes.text()).not.toMatch(/gpt-x|build 123/);
    }
    const full = (await (await app.request("/healthz", { headers: auth })).json()) as Record<string, unknown>;
    expect(Object.keys(full).sort()).toEqual(["build", "chunks", "embedder", "llm", "ok", "uploads"]);
    const evalRes = await app.request("/eval", { headers: auth });
    expect(evalRes.status).toBe(200);
    expect(await evalRes.text()).toMatch(/build 123/);
  });

  it("on loopback both stay open, as before", async () => {
    const app = appFor({});
    expect(Object.keys((await (await app.request("/healthz")).json()) as object)).toContain("build");
    expect((await app.request("/eval")).status).toBe(200);
  });
});
