/**
 * The page and issue 14, in a real Chromium (Debian's /usr/bin/chromium through playwright-core), against
 * the real app on a real index, with the OpenAI STAND-IN (a local server speaking the wire format) as the
 * model:
 *  - "checked against the review" is shown only when no sentence of the model's answer was removed;
 *  - a long conversation is trimmed, oldest turns first, to fit the body limit, and the page says so
 *    (before, after six long questions every request, "Try again" included, failed with 413).
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmComposer } from "../../src/answer/llm-composer.ts";
import { loadConfig } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { buildIndexFixture, type IndexFixture } from "../helpers/index-fixture.ts";
import { startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

const CHROMIUM = "/usr/bin/chromium";
const QUESTION = "What happened to CSE after 12 months in the MLMC program?";
const HONEST = "After 12 months, CSE fell to 14% {cite:pada 12 bulan menjadi 14%}.";
const INVENTED = "The MLMC program cured every victim within one week {cite:pada 12 bulan menjadi 14%}.";

let fixture: IndexFixture;
let standIn: StandIn;
let browser: Browser;
const servers: Server[] = [];

async function startApp(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ DATA_DIR: fixture.dataDir, RATE_LIMIT_PER_MINUTE: "100000", ANSWER_MODE: "llm", ...env });
  const llm = createLlmComposer({ baseURL: standIn.baseURL, model: "stand-in-model", firstTokenTimeoutMs: 3000, totalTimeoutMs: 10_000 });
  const server = serve({ fetch: createApp({ context: { ...fixture.context, config, llm }, log: false }).fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((r) => (server.listening ? r() : server.once("listening", () => r())));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator(".msg-assistant").count();
  await page.locator("#question").fill(question);
  await page.locator("#question").press("Enter");
  const answer = page.locator(".msg-assistant").nth(before);
  await expect.poll(() => answer.getAttribute("data-state"), { timeout: 30_000 }).toMatch(/^(done|error)$/);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error("Debian chromium is required: apt-get install -y chromium");
  fixture = await buildIndexFixture();
  standIn = await startStandIn({ kind: "answer", text: HONEST });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  await standIn?.close();
  await fixture?.cleanup();
});

describe("the model's answer on the page (Chromium)", { timeout: 90_000 }, () => {
  it("says 'checked against the review' only when every sentence passed; a removed sentence is not shown and the label says so", async () => {
    const base = await startApp({});
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    try {
      await page.goto(base);
      standIn.behaviour = { kind: "answer", text: HONEST };
      await ask(page, QUESTION);
      const first = page.locator(".msg-assistant").last();
      expect(await first.locator(".mode-tag").textContent()).toBe("Written by a language model, checked against the review");
      expect(await first.locator(".answer-text").innerText()).toMatch(/CSE fell to 14%/);

      standIn.behaviour = { kind: "answer", text: `${HONEST} ${INVENTED}` };
      await ask(page, QUESTION);
      const second = page.locator(".msg-assistant").last();
      expect(await second.locator(".mode-tag").textContent()).toBe("Written by a language model; 1 sentence was removed as not supported by the review");
      const text = await second.innerText();
      expect(text).toMatch(/CSE fell to 14%/);
      expect(text).not.toMatch(/cured every victim/);
      expect(text).toMatch(/Some sentences of the model's answer were removed: the passages they cite do not support them\./);
      // After a reload, from what the page kept.
      await page.reload();
      expect(await page.locator(".msg-assistant").last().locator(".mode-tag").textContent()).toMatch(/1 sentence was removed/);
    } finally {
      await context.close();
    }
  });
});

describe("a long conversation (Chromium)", { timeout: 90_000 }, () => {
  /** Six earlier turns of ~7,900-character questions: about 58 KB of history. */
  const longHistory = Array.from({ length: 6 }, (_, i) => [
    { id: `u${i}`, role: "user", content: `Question ${i + 1}: ${"apa hasil program MLMC ".repeat(340)}`, studies: [] },
    { id: `a${i}`, role: "assistant", status: "done", text: `Answer ${i + 1}: ${"CSE turun menjadi 14% ".repeat(150)}`, citations: [], warnings: [], abstained: false, mode: "llm", lang: "id" },
  ]).flat();

  async function withLongHistory(base: string): Promise<{ page: Page; requests: Request[]; close(): Promise<void> }> {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(base);
    await page.evaluate((messages) => localStorage.setItem("ra.conversation.v1", JSON.stringify({ version: 1, messages })), longHistory);
    await page.reload();
    await expect.poll(() => page.locator(".msg-user").count()).toBe(6);
    const requests: Request[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/chat")) requests.push(r);
    });
    return { page, requests, close: () => context.close() };
  }

  it("leaves out the oldest turns to fit the 64 KB body limit, says so, and gets its answer", async () => {
    const base = await startApp({});
    standIn.behaviour = { kind: "answer", text: HONEST };
    const { page, requests, close } = await withLongHistory(base);
    try {
      await ask(page, `${QUESTION} ${"Please be precise. ".repeat(180)}`);
      const answer = page.locator(".msg-assistant").last();
      expect(await answer.getAttribute("data-state")).toBe("done");
      expect(requests).toHaveLength(1);
      const body = requests[0].postData()!;
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(64 * 1024);
      const sent = JSON.parse(body) as { messages: { content: string }[] };
      // The newest turns are kept, the oldest left out.
      expect(sent.messages.at(-1)!.content).toMatch(/^What happened to CSE/);
      expect(sent.messages[0].content).not.toMatch(/^Question 1:/);
      expect(await answer.innerText()).toMatch(/The \d oldest turns? (was|were) left out of this question, to keep the request within the size limit\./);
    } finally {
      await close();
    }
  });

  it("under a lower limit (BODY_LIMIT_BYTES=20000) it lowers its budget after the 413 and still gets its answer", async () => {
    const base = await startApp({ BODY_LIMIT_BYTES: "20000" });
    standIn.behaviour = { kind: "answer", text: HONEST };
    const { page, requests, close } = await withLongHistory(base);
    try {
      await ask(page, QUESTION);
      const answer = page.locator(".msg-assistant").last();
      expect(await answer.getAttribute("data-state")).toBe("done");
      const sizes = requests.map((r) => Buffer.byteLength(r.postData()!));
      expect(sizes.at(-1)!).toBeLessThanOrEqual(20000);
      expect(sizes.length).toBeGreaterThan(1);
      expect(await answer.innerText()).toMatch(/oldest turns? (was|were) left out/);
    } finally {
      await close();
    }
  });
});
