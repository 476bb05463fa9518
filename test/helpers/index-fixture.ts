/**
 * Real indexes for tests: the shared one, built once per run by the first test that needs it (read-only), or
 * a fresh one in a temp folder for tests that write (ingest, faults).
 */
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { inject } from "vitest";
import { createAnswerContext } from "../../src/answer/context.ts";
import type { AnswerContext } from "../../src/answer/answer.ts";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config.ts";
import { runIngest } from "../../src/ingest/ingest.ts";

export interface IndexFixture {
  dataDir: string;
  config: Config;
  context: AnswerContext;
  cleanup(): Promise<void>;
}

/**
 * The folder of the shared index of corpus/ (global-fixture.ts names it), built here by the first test of the
 * run that asks, in whichever worker that is: the others wait on a lock beside the folder and then find it built.
 */
export async function sharedIndexDir(): Promise<string> {
  const dataDir = inject("sharedDataDir");
  const built = () => existsSync(path.join(dataDir, "index", "CURRENT"));
  if (built()) return dataDir;
  const release = await lockfile.lock(dataDir, {
    lockfilePath: `${dataDir}.building`,
    realpath: false,
    retries: { retries: 1200, factor: 1, minTimeout: 100, maxTimeout: 100 },
  });
  try {
    if (!built()) await runIngest(loadConfig({ DATA_DIR: dataDir }));
  } finally {
    await release();
  }
  return dataDir;
}

/** The shared index of corpus/ (do not write to it). */
export async function openSharedIndex(env: Record<string, string> = {}): Promise<IndexFixture> {
  const dataDir = await sharedIndexDir();
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  return { dataDir, config, context: await createAnswerContext(config), cleanup: async () => undefined };
}

/**
 * A writable copy of corpus/ and of the shared index built from it, for tests that add documents: the
 * build is copied, not made again. `corpus` is the copy's corpus folder.
 */
export async function copySharedIndex(env: Record<string, string> = {}): Promise<IndexFixture & { corpus: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "index-copy-"));
  const corpus = path.join(root, "corpus");
  const dataDir = path.join(root, "data");
  await cp(path.join(PROJECT_ROOT, "corpus"), corpus, { recursive: true });
  await cp(await sharedIndexDir(), dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: corpus, ...env });
  return { dataDir, corpus, config, context: await createAnswerContext(config), cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A fresh index of corpus/ (or of `paths`) in its own temp folder. */
export async function buildIndexFixture(env: Record<string, string> = {}, paths?: string[]): Promise<IndexFixture> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "review-index-"));
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  await runIngest(config, paths ? { paths } : {});
  const context = await createAnswerContext(config);
  return { dataDir, config, context, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

export const CORPUS_FILE = path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt");
export const EXTRA_CORPUS = path.join(PROJECT_ROOT, "eval", "corpus-extra");
