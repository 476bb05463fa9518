/**
 * A real index of the repository's corpus in a temp folder (real LanceDB), built once per test file.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createAnswerContext } from "../../src/answer/context.ts";
import type { AnswerContext } from "../../src/answer/answer.ts";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config.ts";
import { loadQuestions as loadFixedQuestions, type FixedQuestion } from "../../src/eval/questions.ts";
import { runIngest } from "../../src/ingest/ingest.ts";

export interface IndexFixture {
  dataDir: string;
  config: Config;
  context: AnswerContext;
  cleanup(): Promise<void>;
}

export async function buildIndexFixture(env: Record<string, string> = {}): Promise<IndexFixture> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "review-index-"));
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  await runIngest(config);
  const context = await createAnswerContext(config);
  return { dataDir, config, context, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The fixed questions of eval/questions.jsonl, validated by the evaluation's own loader. */
export function loadQuestions(): FixedQuestion[] {
  return loadFixedQuestions(path.join(PROJECT_ROOT, "eval", "questions.jsonl"));
}

export const CORPUS_FILE = path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt");
