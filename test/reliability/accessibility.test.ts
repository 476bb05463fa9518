/**
 * The accessibility sweep of test/e2e/page.test.ts (axe-core on every view, a screenshot of each) in the
 * other three looks: desktop dark, phone light, phone dark. It is a quarter of the browser tests' time, so
 * it runs in the reliability tier (.ci/run runs both tiers); `npm test` sweeps desktop light.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilitySweep, startSharedAppAndBrowser, DESKTOP, errorsOf, openPage, PHONE, type RunningApp } from "../helpers/browser.ts";

let app: RunningApp;
let browser: Browser;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ app, browser, close } = await startSharedAppAndBrowser()), 120_000);
afterAll(() => close?.());

describe("accessibility and screenshots of every view, dark and on a phone", { timeout: 240_000 }, () => {
  const looks = [
    { device: "desktop", viewport: DESKTOP, scheme: "dark" },
    { device: "phone", viewport: PHONE, scheme: "light" },
    { device: "phone", viewport: PHONE, scheme: "dark" },
  ] as const;
  it.each(looks)("$device $scheme: no serious or critical axe-core violations in chat, answer, panel, library, reader, studies", async ({ device, viewport, scheme }) => {
    const { context, page } = await openPage(browser, app, viewport, { colorScheme: scheme });
    expect(await accessibilitySweep(page, `${device}-${scheme}`)).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });
});
