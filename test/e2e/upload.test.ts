/**
 * Adding a document from the page, in a real Chromium, on an index and corpus of its own (the upload
 * writes both): a bad file gets the server's reason in the page; a good one shows ingest progress, then
 * is in the library, readable, and answerable; a PDF gets links to its pages.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, DESKTOP, launchBrowser, PHONE, seriousViolations, shot, startApp, type RunningApp } from "../helpers/browser.ts";
import { copySharedIndex, type IndexFixture } from "../helpers/index-fixture.ts";
import { paperPdf } from "../helpers/paper-pdf.ts";

let fixture: IndexFixture;
let files: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  files = await mkdtemp(path.join(os.tmpdir(), "e2e-files-"));
  fixture = await copySharedIndex({ RATE_LIMIT_PER_MINUTE: "100000" });
  app = await startApp(fixture.context);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await fixture?.cleanup();
  if (files) await rm(files, { recursive: true, force: true });
});

describe("upload from the Library", { timeout: 180_000 }, () => {
  it("refuses a bad file with a clear message, then adds a PDF with progress; it is searchable, readable and linked to its pages", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator("#tab-library").click();
    await page.locator("#upload-form").waitFor();
    const fake = path.join(files, "report.pdf");
    await writeFile(fake, "this is not a PDF");
    await page.locator("#upload-file").setInputFiles(fake);
    await page.locator(".upload-submit").click();
    await page.locator("#upload-error .callout-error").waitFor();
    expect(await page.locator("#upload-error").innerText()).toMatch(/is named \.pdf but is not a PDF/);
    await shot(page, "desktop-light-upload-error");

    const pdf = path.join(files, "shelters.pdf");
    await writeFile(pdf, await paperPdf());
    await page.locator("#upload-file").setInputFiles(pdf);
    const progress: string[] = [];
    const watch = setInterval(() => void page.locator("#upload-status").innerText().then((t) => t && progress.at(-1) !== t && progress.push(t), () => undefined), 50);
    await page.locator(".upload-submit").click();
    await page.locator("#upload-status").filter({ hasText: /Added/ }).waitFor({ timeout: 120_000 });
    clearInterval(watch);
    expect(progress.some((p) => /Uploading|Cutting|Indexing|Writing|Reading/.test(p))).toBe(true);
    expect(await page.locator("#upload-error").innerText()).toBe("");
    await page.locator(".doc-card", { hasText: "Shelter Programs" }).waitFor();
    expect(await page.locator(".doc-card").count()).toBe(2);
    // The institution its first page names under the authors.
    expect(await page.locator(".doc-card", { hasText: "Shelter Programs" }).locator(".doc-affiliations").innerText()).toBe("Universitas Diponegoro, Semarang");
    await shot(page, "desktop-light-upload-done");
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(".doc-card", { hasText: "Shelter Programs" }).locator(".read-doc").click();
    await page.locator("#reader .reader-part").first().waitFor();
    expect(await page.locator("#reader a.open-pdf").getAttribute("href")).toBe("/files/shelters.pdf");
    expect(await page.locator("#reader a.reader-page").first().getAttribute("href")).toMatch(/^\/files\/shelters\.pdf#page=\d+$/);
    const served = await page.request.get(new URL("/files/shelters.pdf", app.url).toString());
    expect(served.headers()["content-type"]).toBe("application/pdf");
    await shot(page, "desktop-light-reader-pdf");

    await page.locator("#tab-chat").click();
    await ask(page, "What did the social workers say about family tracing in the shelters?");
    const sources = await page.locator(".msg-assistant").last().locator(".source-where").allInnerTexts();
    expect(sources.some((s) => /Lestari|Shelter/.test(s))).toBe(true);
    await page.locator(".msg-assistant").last().locator(".source-open").first().click();
    await page.locator("#panel mark").waitFor();
    expect(await page.locator("#panel a.open-pdf").getAttribute("href")).toMatch(/^\/files\/shelters\.pdf/);
    await context.close();
  });

  it("on a phone the upload form fits the screen", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator("#tab-library").click();
    await page.locator("#upload-form").waitFor();
    const box = await page.locator("#upload-form").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator("#upload-form").scrollIntoViewIfNeeded();
    await shot(page, "phone-light-upload");
    await context.close();
  });
});
