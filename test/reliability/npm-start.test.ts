/**
 * `npm start` as a new user runs it: it compiles to dist/ (scripts/build.mjs), finds no index in an empty
 * DATA_DIR, indexes the corpus, and serves cited answers from the built JavaScript, with no keys and no network.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { startScript, type Child } from "./processes.ts";

let dataDir: string;
let child: Child | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "npm-start-"));
});
afterAll(async () => {
  child?.kill();
  await child?.exited;
  await rm(dataDir, { recursive: true, force: true });
});

it("builds, indexes the corpus into an empty DATA_DIR and answers with citations", async () => {
  child = startScript("npm start", { PORT: "0", DATA_DIR: dataDir, CORPUS_DIR: path.join(PROJECT_ROOT, "corpus") });
  const url = (await child.waitFor(/Review assistant ready: (http:\/\/\S+)\//, 120_000))[1];
  expect(child.stdout() + child.stderr()).toMatch(/Building the index/);
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "Apa rekomendasi studi Rafferty?" }] }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { answer: string; citations: { passageId: string }[] };
  expect(body.citations.length).toBeGreaterThan(0);
  expect(body.answer).toMatch(/\[1\]/);
}, 180_000);
