/**
 * The chat page in a real Chromium (Debian's /usr/bin/chromium through playwright-core) against the real
 * app on a real index built in a temp folder: streamed answers with citation chips, the citation panel,
 * the study filter, persistence across reloads, safe rendering of hostile input, phone width and dark mode.
 *
 * Run: npx vitest run test/e2e/chat-page.test.ts
 * Screenshots are kept in test-artifacts/ (git-ignored): chat-citation.png, chat-phone.png, chat-dark.png.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerContext } from "../../src/answer/context.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { createApp } from "../../src/server/app.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");
const ANSWER_TIMEOUT = 30_000;

interface CitationShape {
  n: number;
  passageId: string;
  quote: string;
  studies: number[];
  reference: string;
  references: { number: number; reference: string; note?: string }[];
}
interface DoneResult {
  answer: string;
  citations: CitationShape[];
  abstained: boolean;
}

let dataDir: string;
let server: Server;
let baseUrl: string;
let browser: Browser;
/** The conversation shared by the first tests (ask, open a citation, reload). */
let chat: { context: BrowserContext; page: Page };
const answered: { question: string; result: DoneResult }[] = [];

/** The `done` event's result from a streamed /api/chat response body. */
function resultOf(body: string): DoneResult {
  const block = body.split(/\r?\n\r?\n/).find((b) => /^event: done$/m.test(b));
  if (!block) throw new Error(`no done event in the stream: ${body.slice(0, 300)}`);
  const data = block.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
  return (JSON.parse(data) as { result: DoneResult }).result;
}

function isChat(response: Response): boolean {
  return response.url().endsWith("/api/chat") && response.request().method() === "POST";
}

/** Type a question, send it with Enter, wait for the streamed answer to finish; returns its result. */
async function ask(page: Page, question: string): Promise<{ result: DoneResult; response: Response; states: string[] }> {
  await page.evaluate(() => {
    // Record every state the newest answer passes through, to see it stream.
    const w = window as unknown as { __states: string[] };
    w.__states = [];
    const log = document.getElementById("conversation")!;
    new MutationObserver(() => {
      const last = log.querySelector(".msg-assistant:last-child") as HTMLElement | null;
      const state = last?.dataset.state;
      if (state && w.__states.at(-1) !== state) w.__states.push(state);
    }).observe(log, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  });
  const before = await page.locator(".msg-assistant").count();
  const responded = page.waitForResponse(isChat, { timeout: ANSWER_TIMEOUT });
  await page.locator("#question").fill(question);
  await page.locator("#question").press("Enter");
  const response = await responded;
  const answer = page.locator(".msg-assistant").nth(before);
  await expect.poll(() => answer.getAttribute("data-state"), { timeout: ANSWER_TIMEOUT }).toMatch(/^(done|error)$/);
  expect(await answer.getAttribute("data-state")).toBe("done");
  const result = resultOf(await response.text());
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
  return { result, response, states };
}

describe("chat page (Chromium)", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      const message = "Debian chromium is required: apt-get install -y chromium";
      throw new Error(process.env.CI ? `${message} (CI)` : message);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), "e2e-"));
    const config = loadConfig({ DATA_DIR: dataDir });
    await runIngest(config);
    const context = await createAnswerContext(config);
    const app = createApp({ context, log: false });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    });
    const context1 = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", colorScheme: "light" });
    chat = { context: context1, page: await context1.newPage() };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("streams an answer with citation chips, in Indonesian and in English", async () => {
    const { page } = chat;
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(baseUrl);
    await expect.poll(() => page.locator(".example").count()).toBeGreaterThanOrEqual(4);

    for (const question of ["Apa hasil program MLMC setelah 12 bulan?", "What activities does Rumah Faye offer?"]) {
      const { result, response, states } = await ask(page, question);
      expect(response.headers()["content-type"]).toContain("text/event-stream");
      expect(states[0]).toBe("streaming"); // the answer was shown while the stream was open
      expect(states.at(-1)).toBe("done");
      const answer = page.locator(".msg-assistant").last();
      const text = (await answer.locator(".answer-text").innerText()).trim();
      expect(text.length).toBeGreaterThan(20);
      expect(result.citations.length).toBeGreaterThan(0);
      const chips = answer.locator(".answer-text .cite-chip");
      expect(await chips.count()).toBeGreaterThanOrEqual(1);
      expect(await chips.first().getAttribute("aria-label")).toMatch(/^Citation \d+$/);
      // No raw [n] markers are left in the text: each became a chip.
      expect(text).not.toMatch(/\[\d+\]/);
      expect(await answer.locator(".source").count()).toBe(result.citations.length);
      answered.push({ question, result });
    }
    expect(errors).toEqual([]);
  });

  it("opens a citation: the quote is marked inside its passage, with the study card", async () => {
    const { page } = chat;
    const last = answered.at(-1)!;
    const chip = page.locator(".msg-assistant").last().locator(".answer-text .cite-chip").first();
    const n = Number(await chip.getAttribute("data-n"));
    const citation = last.result.citations.find((c) => c.n === n)!;
    expect(citation).toBeTruthy();

    await chip.click();
    const panel = page.locator("#panel");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getAttribute("role")).toBe("dialog");
    await expect.poll(() => panel.locator("mark").count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator("mark").textContent()).toBe(citation.quote);
    expect(await page.locator("#panel-title").textContent()).toBe(`Citation ${n}`);
    // Focus moved into the panel.
    expect(await page.evaluate(() => document.getElementById("panel")!.contains(document.activeElement))).toBe(true);

    const cards = panel.locator(".study-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(1);
    const reference = (await cards.first().locator(".reference-text").textContent()) ?? "";
    expect(reference.length).toBeGreaterThan(20);
    const expected = citation.references.length > 0 ? citation.references[0].reference : citation.reference;
    expect(reference).toBe(expected);
    expect(await panel.locator(".panel-meta").innerText()).toMatch(/page \d+|page unknown/);

    await page.screenshot({ path: path.join(ARTIFACTS, "chat-citation.png") });

    // Escape closes the panel and gives focus back to the chip.
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("sends the study filter with the question, and every citation is from that study", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "id-ID" });
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      await page.locator("#filter-toggle").click();
      await page.locator('label[for="filter-study-9"]').click();
      expect(await page.locator("#filter-study-9").isChecked()).toBe(true);
      expect(await page.locator("#filter-active").isVisible()).toBe(true);
      expect(await page.locator("#filter-active-text").textContent()).toContain("9");

      const requested = page.waitForRequest((r) => r.url().endsWith("/api/chat") && r.method() === "POST");
      const done = ask(page, "Apa hasil program pendamping penyintas setelah 12 bulan?");
      const request = await requested;
      expect((request.postDataJSON() as { studies?: number[] }).studies).toEqual([9]);
      const { result } = await done;

      expect(result.citations.length).toBeGreaterThan(0);
      for (const c of result.citations) expect(c.studies).toContain(9);
      const sources = page.locator(".msg-assistant").last().locator(".source");
      expect(await sources.count()).toBe(result.citations.length);
      for (const studies of await sources.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.studies ?? ""))) {
        expect(studies.split(",").map(Number)).toContain(9);
      }
      // The question shows it was filtered, and the filter can be cleared.
      expect(await page.locator(".msg-user").last().locator(".msg-filter-tag").textContent()).toContain("9");
      await page.locator("#filter-clear").click();
      expect(await page.locator("#filter-active").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it("keeps the conversation across a reload", async () => {
    const { page } = chat;
    expect(answered.length).toBe(2);
    await page.reload();
    await expect.poll(() => page.locator(".msg-user").count()).toBe(2);
    const questions = await page.locator(".msg-user-text").allTextContents();
    expect(questions).toEqual(answered.map((a) => a.question));
    const answers = page.locator(".msg-assistant");
    expect(await answers.count()).toBe(2);
    expect(await answers.last().getAttribute("data-state")).toBe("done");
    expect(await answers.last().locator(".answer-text .cite-chip").count()).toBeGreaterThan(0);
    expect(await page.locator("#empty").isVisible()).toBe(false);
    // Chips still open the panel after the reload.
    await answers.first().locator(".cite-chip").first().click();
    await expect.poll(() => page.locator("#panel mark").count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press("Escape");
  });

  it("renders a hostile question as text: no HTML, no script", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
      const responded = page.waitForResponse(isChat, { timeout: ANSWER_TIMEOUT });
      await page.locator("#question").fill(payload);
      await page.locator("#question").press("Enter");
      await responded;
      const answer = page.locator(".msg-assistant").last();
      await expect.poll(() => answer.getAttribute("data-state"), { timeout: ANSWER_TIMEOUT }).toMatch(/^(done|error)$/);
      await page.waitForTimeout(300); // give an injected onerror the chance to run
      expect(await page.locator(".msg-user-text").last().textContent()).toBe(payload);
      expect(await page.getByText(payload, { exact: true }).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('#conversation img[src="x"]').count()).toBe(0);
      expect(await page.locator("#conversation script").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("works at phone width and in dark mode", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "id-ID", hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      expect(await page.locator("html").getAttribute("lang")).toBe("id");
      expect(await page.locator("#question").isVisible()).toBe(true);
      expect(await page.locator("#send").isVisible()).toBe(true);
      await ask(page, "Siapa penulis studi nomor 6?");
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const send = await page.locator("#send").boundingBox();
      expect(send && send.x + send.width <= 375 && send.y + send.height <= 740).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, "chat-phone.png") });

      // The citation panel is a full-width drawer.
      await page.locator(".msg-assistant").last().locator(".cite-chip").first().click();
      await expect.poll(() => page.locator("#panel mark").count(), { timeout: 10_000 }).toBe(1);
      const drawer = await page.locator("#panel").boundingBox();
      expect(Math.round(drawer?.width ?? 0)).toBe(375);
      expect(await page.locator("#panel").innerText()).toContain("Kutipan");
      await page.locator("#panel-close").click();

      const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForTimeout(400); // let the colour transitions finish before the screenshot
      const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(darkBackground).not.toBe(lightBackground);
      const [r, g, b] = (darkBackground.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b).toBeLessThan(120); // a dark background, not just a different one
      expect(await page.locator("#question").isVisible()).toBe(true);
      expect(await page.locator("#send").isVisible()).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, "chat-dark.png") });
    } finally {
      await context.close();
    }
  });
});
