/**
 * Embeddings through an OpenAI-compatible endpoint — a local STAND-IN server speaking the OpenAI wire
 * format (the real service cannot run here): the index records the embedder, another embedder is refused,
 * and an unreachable endpoint never crashes (local fallback at ingest, words-only search at query time).
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/answer/answer.ts";
import { createAnswerContext, EmbedderMismatchError } from "../../src/answer/context.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { EmbedderError } from "../../src/embed/embedder.ts";
import { createOpenAIEmbedder } from "../../src/embed/openai-compatible.ts";
import { runIngest } from "../../src/ingest/ingest.ts";
import { PassageStore } from "../../src/store/passage-store.ts";
import { refusedBaseURL, startStandIn, type StandIn } from "../helpers/openai-stand-in.ts";

let root: string;
let standIn: StandIn;
let corpus: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "embed-"));
  corpus = path.join(root, "corpus");
  await mkdir(corpus);
  for (const f of ["review-child-trafficking-programs.txt"]) {
    await copyFile(path.join(PROJECT_ROOT, "corpus", f), path.join(corpus, f));
  }
  standIn = await startStandIn({ kind: "answer", text: "unused" });
});
afterAll(async () => {
  await standIn.close();
  await rm(root, { recursive: true, force: true });
});

describe("OpenAI-compatible embedder (stand-in)", () => {
  it("builds the index through the endpoint in batches and records the embedder and dimension", async () => {
    const dataDir = path.join(root, "remote");
    const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpus, EMBEDDER: "openai", OPENAI_BASE_URL: standIn.baseURL, EMBEDDING_MODEL: "stand-in-embed", EMBED_BATCH: "16", ANSWER_MODE: "extractive" });
    const events: string[] = [];
    const summary = await runIngest(config, { onEvent: (e) => e.type === "embed" && events.push(`${e.done}/${e.total}`) });
    expect(summary.manifest.embedder).toEqual({ id: "openai/stand-in-embed/4", dimension: 4 });
    const calls = standIn.requests.filter((r) => r.path.endsWith("/embeddings"));
    // One probe for the dimension, then batches of at most 16, asked for as floats.
    expect(calls.slice(1).every((c) => (c.body.input as string[]).length <= 16)).toBe(true);
    expect(calls.every((c) => c.body.encoding_format === "float")).toBe(true);
    expect(events.at(-1)).toBe(`${summary.passages}/${summary.passages}`);

    const context = await createAnswerContext(config);
    const result = await answer(context, [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }]);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.warnings).toEqual([]);

    // The local embedder cannot search vectors made by another model: refused with the fix.
    const local = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpus });
    await expect(createAnswerContext(local)).rejects.toBeInstanceOf(EmbedderMismatchError);
    await expect(createAnswerContext(local)).rejects.toThrow(/npm run ingest/);
  });

  it("searches by words only, with a notice, when the index's endpoint is down at query time", async () => {
    const dataDir = path.join(root, "remote");
    const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpus, EMBEDDER: "openai", OPENAI_BASE_URL: await refusedBaseURL(), EMBEDDING_MODEL: "stand-in-embed", EMBED_RETRIES: "0", EMBED_TIMEOUT_MS: "500", ANSWER_MODE: "extractive" });
    const context = await createAnswerContext(config);
    expect(context.embedder).toBeUndefined();
    const result = await answer(context, [{ role: "user", content: "Apa hasil program MLMC setelah 12 bulan?" }]);
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/14%/);
    expect(result.warnings.join(" ")).toMatch(/searching by words only/);
  });

  it("retries an overloaded endpoint as often as EMBED_RETRIES allows, then gives up with a retryable error", async () => {
    const embedder = await createOpenAIEmbedder({ baseURL: standIn.baseURL, model: "stand-in-embed", dimension: 4, batchSize: 16, timeoutMs: 2_000, retries: 2 });
    const before = standIn.requests.length;
    standIn.failEmbeddings = 2;
    expect((await embedder.embed(["anak", "mentor"])).vectors).toHaveLength(2);
    expect(standIn.requests.length - before).toBe(3);
    standIn.failEmbeddings = 3;
    const failed = await embedder.embed(["anak"]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(EmbedderError);
    expect((failed as EmbedderError).message).toMatch(/embedding endpoint failed: 503/);
    expect((failed as EmbedderError).retryable).toBe(true);
    expect(standIn.failEmbeddings).toBe(0);
  });

  it("falls back to the local embedder at ingest when the endpoint cannot be reached", async () => {
    const dataDir = path.join(root, "fallback");
    const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpus, EMBEDDER: "openai", OPENAI_BASE_URL: await refusedBaseURL(), EMBED_RETRIES: "0", EMBED_TIMEOUT_MS: "500" });
    const warnings: string[] = [];
    const summary = await runIngest(config, { onEvent: (e) => e.type === "warning" && warnings.push(e.message) });
    expect(summary.manifest.embedder.id).toBe("local-hash-v2/512");
    expect(warnings.join(" ")).toMatch(/embedding endpoint unavailable/);
    expect((await PassageStore.open(dataDir)).passageCount).toBe(summary.passages);
  });
});
