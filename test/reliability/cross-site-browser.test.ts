/**
 * A page on another origin cannot make the assistant answer (issue 14), in a real Chromium (Debian's
 * /usr/bin/chromium through playwright-core). The assistant runs with a model (the OpenAI STAND-IN, a local
 * server speaking the wire format), so any request that got through would be seen spending it. It runs in the
 * reliability tier with the other attacks (cross-site.test.ts sends the same requests without a browser).
 *
 * Chromium resolves attacker.test and rebind.test to 127.0.0.1 (--host-resolver-rules):
 *  - a page at http://attacker.test:<port> (another site) fires no-cors POSTs as text/plain;application/json,
 *    a form POST, and a CORS POST as JSON;
 *  - a page at http://rebind.test:<assistant's port> (DNS rebinding: the attacker's name now points at the
 *    assistant, so the page and the API share an origin) posts JSON to its "own" /api/chat.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmComposer } from "../../src/answer/llm-composer.ts";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

const CHROMIUM = "/usr/bin/chromium";

let fixture: IndexFixture;
let standIn: StandIn;
let assistant: Server;
let attacker: Server;
let assistantPort: number;
let attackerPort: number;
let browser: Browser;
/** Every request that reached the assistant, with what it answered. */
const hits: { method: string; path: string; host: string; origin: string; status: number }[] = [];

/** The attacker's page: every way a page may send a POST to the assistant; it records what it could observe. */
function attackPage(target: string): string {
  const question = JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }] });
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" action="${target}/api/chat" enctype="text/plain" target="sink"><input name='${question.slice(0, -1)}' value='}'></form>
<script>
window.results = [];
const body = ${JSON.stringify(question)};
async function attack() {
  const tries = [];
  for (let i = 0; i < 5; i++) {
    tries.push(fetch("${target}/api/chat", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain;application/json" }, body })
      .then((r) => "no-cors: opaque " + r.type, (e) => "no-cors: " + e.name));
  }
  tries.push(fetch("${target}/v1/chat/completions", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain;application/json" }, body })
    .then((r) => "v1 no-cors: " + r.type, (e) => "v1 no-cors: " + e.name));
  tries.push(fetch("${target}/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body })
    .then((r) => "cors: " + r.status, (e) => "cors: " + e.name));
  document.getElementById("f").submit();
  window.results = await Promise.all(tries);
  await new Promise((r) => setTimeout(r, 500)); // let the form's POST land
  window.done = true;
}
attack();
</script></body></html>`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error("Debian chromium is required: apt-get install -y chromium");
  fixture = await openSharedIndex({ RATE_LIMIT_PER_MINUTE: "100000", ANSWER_MODE: "llm" });
  standIn = await startStandIn({ kind: "answer", text: "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}." });
  const llm = createLlmComposer({ baseURL: standIn.baseURL, model: "stand-in-model", firstTokenTimeoutMs: 3000, totalTimeoutMs: 10_000 });
  const app = createApp({ context: { ...fixture.context, llm }, log: false });
  const recorded = async (request: Request, env: unknown) => {
    const response = await app.fetch(request, env);
    const url = new URL(request.url);
    hits.push({ method: request.method, path: url.pathname, host: url.host, origin: request.headers.get("origin") ?? "", status: response.status });
    return response;
  };
  assistant = serve({ fetch: recorded, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((r) => (assistant.listening ? r() : assistant.once("listening", () => r())));
  assistantPort = (assistant.address() as AddressInfo).port;
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(attackPage(`http://127.0.0.1:${assistantPort}`));
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", () => r()));
  attackerPort = (attacker.address() as AddressInfo).port;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP rebind.test 127.0.0.1"],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  assistant?.closeAllConnections();
  await new Promise<void>((r) => (assistant ? assistant.close(() => r()) : r()));
  await new Promise<void>((r) => (attacker ? attacker.close(() => r()) : r()));
  await standIn?.close();
  await fixture?.cleanup();
});

const modelCalls = () => standIn.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

describe("a page on another origin (Chromium)", { timeout: 60_000 }, () => {
  it("cannot make the assistant answer: no-cors POSTs, a form POST and a CORS POST all stop before the model", async () => {
    const before = modelCalls();
    const from = hits.length;
    const page = await browser.newPage();
    await page.goto(`http://attacker.test:${attackerPort}/`);
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, { timeout: 20_000 });
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    await page.close();
    // What the page could see: nothing (opaque or failed); the browser itself blocked the CORS POST's preflight.
    expect(results).toContain("cors: TypeError");
    // What reached the assistant: the five no-cors POSTs to /api/chat, the one to /v1 and the form, all from the
    // attacker's origin, all refused; and the model was never called.
    const attempts = hits.slice(from).filter((h) => h.method === "POST");
    expect(attempts.filter((h) => h.path === "/api/chat").length).toBeGreaterThanOrEqual(6);
    expect(attempts.filter((h) => h.path === "/v1/chat/completions")).toHaveLength(1);
    for (const h of attempts) {
      expect(h.origin).toBe(`http://attacker.test:${attackerPort}`);
      expect([403, 415], `${h.path} answered ${h.status}`).toContain(h.status);
    }
    expect(modelCalls()).toBe(before);
    // The same question from the assistant's own page is answered by the model (the count above would have moved).
    const own = await browser.newPage();
    await own.goto(`http://127.0.0.1:${assistantPort}/`);
    const status = await own.evaluate(async () => {
      const r = await fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }] }) });
      return r.status;
    });
    await own.close();
    expect(status).toBe(200);
    expect(modelCalls()).toBe(before + 1);
  });

  it("cannot make it answer through DNS rebinding either: the attacker's name is refused as Host", async () => {
    const before = modelCalls();
    const page = await browser.newPage();
    // The attacker's name now resolves to the assistant (host rules): even its page is refused...
    const loaded = await page.goto(`http://rebind.test:${assistantPort}/`);
    expect(loaded!.status()).toBe(403);
    // ...and a script on that origin (same origin as the requests it sends) gets nothing answered.
    const outcome = await page.evaluate(async () => {
      const r = await fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "What happened to CSE after 12 months in the MLMC program?" }] }) });
      return { status: r.status, body: await r.text() };
    });
    await page.close();
    expect(outcome.status).toBe(403);
    expect(JSON.parse(outcome.body)).toMatchObject({ error: { code: "host_not_allowed" } });
    expect(modelCalls()).toBe(before);
  });
});
