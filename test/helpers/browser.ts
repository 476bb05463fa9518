/**
 * The real app on a port and a real Chromium (Debian's /usr/bin/chromium through playwright-core), for
 * the browser tests; axe-core run inside the page; screenshots into test-artifacts/ (git-ignored).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { AnswerContext } from "../../src/answer/answer.ts";
import { PROJECT_ROOT } from "../../src/config.ts";
import { createApp } from "../../src/server/app.ts";
import { openSharedIndex } from "./index-fixture.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export async function startApp(context: AnswerContext): Promise<RunningApp> {
  const app = createApp({ context, log: false });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error("Debian chromium is required: apt-get install -y chromium");
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations of serious or critical impact on the page as it is now. */
/**
 * Waits for the page's finite animations to end (the citation panel fades and slides in over 0.18 s): axe-core
 * measures colours as they are painted, and a panel caught mid-fade fails contrast that the settled one meets.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
}

export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  const source = await readFile(path.join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  // The page's CSP allows only its own scripts: evaluate the source instead of adding a script tag.
  await page.evaluate(source);
  const violations = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run().then((r) => r.violations))) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/** Ask a question through the composer and wait for its answer (and its follow-ups, when `suggestions`). */
export async function ask(page: Page, question: string, { suggestions = false } = {}): Promise<void> {
  const before = await page.locator(".msg-assistant").count();
  await page.locator("#question").fill(question);
  await page.locator("#question").press("Enter");
  const answer = page.locator(".msg-assistant").nth(before);
  await answer.and(page.locator('[data-state="done"], [data-state="error"]')).waitFor({ timeout: 30_000 });
  if ((await answer.getAttribute("data-state")) !== "done") throw new Error(`the answer failed: ${await answer.innerText()}`);
  if (suggestions) await answer.locator(".suggestion").first().waitFor({ timeout: 30_000 });
}

export interface PageOptions {
  colorScheme?: "light" | "dark";
  locale?: string;
}

/** A new browser context on the app's page, once the page has loaded the corpus; its errors are kept (errorsOf). */
export async function openPage(browser: Browser, app: RunningApp, viewport = DESKTOP, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, colorScheme: options.colorScheme ?? "light", locale: options.locale ?? "en-US", acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  pageErrors.set(page, errors);
  await page.goto(app.url);
  await page.locator("#brand-sub").filter({ hasText: /\d/ }).waitFor({ state: "attached" });
  return { context, page };
}

const pageErrors = new WeakMap<Page, string[]>();

/** The script errors and console errors of a page opened with openPage. */
export const errorsOf = (page: Page): string[] => pageErrors.get(page) ?? [];

/**
 * axe-core on every view (empty chat, an answer, the citation panel, the reader, the library, the studies),
 * with a screenshot of each named `${name}-${view}`: the serious and critical violations, by view.
 */
export async function accessibilitySweep(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  const check = async (view: string) => {
    for (const v of await seriousViolations(page)) problems.push(`${view}: ${v}`);
    await shot(page, `${name}-${view}`);
  };
  await check("empty");
  await ask(page, "Which studies used interviews?", { suggestions: true });
  await check("answer");
  await page.locator("button.cite-chip").first().click();
  await page.locator("#panel mark").waitFor();
  await check("panel");
  await page.locator("#panel .open-reader").click();
  await page.locator("#reader .reader-passage.is-target").waitFor();
  await check("reader");
  await page.locator("#tab-library").click();
  await page.locator(".doc-card").first().waitFor();
  await check("library");
  await page.locator("#tab-studies").click();
  await page.locator(".study-card").first().waitFor();
  await check("studies");
  return problems;
}

/** The real app on the shared index (rate limit lifted for the many requests of a browser test) and a Chromium. */
export async function startSharedAppAndBrowser(): Promise<{ app: RunningApp; browser: Browser; close(): Promise<void> }> {
  const fixture = await openSharedIndex({ RATE_LIMIT_PER_MINUTE: "100000" });
  const app = await startApp(fixture.context);
  const browser = await launchBrowser().catch(async (error) => {
    await app.close();
    throw error;
  });
  return { app, browser, close: async () => (await browser.close(), await app.close()) };
}
