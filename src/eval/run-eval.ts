/**
 * `npm run eval`: make sure the index is current, run the fixed questions through the product and the
 * baseline, write eval/report.json, docs/eval.md and eval/report.html, and check the thresholds.
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createAnswerContext } from "../answer/context.ts";
import type { AnswerMode } from "../answer/types.ts";
import { configHash, PROJECT_ROOT, type Config } from "../config.ts";
import { runIngest } from "../ingest/ingest.ts";
import { listCorpusFiles } from "../ingest/load.ts";
import { indexStatus } from "../server/index-status.ts";
import { BASELINE_CHUNK_CHARS } from "./baseline.ts";
import { runJudge } from "./judge.ts";
import { loadQuestions } from "./questions.ts";
import { buildReport, renderMarkdown, renderSummary, type EvalReport } from "./report.ts";
import { renderHtml } from "./report-html.ts";
import { runEvaluation } from "./runner.ts";
import { checkThresholds, loadThresholds } from "./thresholds.ts";

export interface EvalOptions {
  mode: AnswerMode;
  judge: boolean;
  questionsFile: string;
  thresholdsFile: string;
  /** Where report.json and report.html go (default eval/). */
  outDir: string;
  /** Where the Markdown tables go (default docs/eval.md; "" to skip). */
  markdownFile: string;
  command: string;
  log?: (line: string) => void;
}

export const DEFAULT_EVAL_OPTIONS: Omit<EvalOptions, "mode" | "judge" | "command"> = {
  questionsFile: path.join(PROJECT_ROOT, "eval", "questions.jsonl"),
  thresholdsFile: path.join(PROJECT_ROOT, "eval", "thresholds.json"),
  outDir: path.join(PROJECT_ROOT, "eval"),
  markdownFile: path.join(PROJECT_ROOT, "docs", "eval.md"),
};

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

export async function runEval(config: Config, options: EvalOptions): Promise<EvalReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const thresholds = loadThresholds(options.thresholdsFile);
  const questions = loadQuestions(options.questionsFile);
  const status = await indexStatus(config);
  if (status.state !== "current") {
    log(`eval: building the index (${status.reason})`);
    await runIngest(config);
  }
  const context = await createAnswerContext(config);
  if (options.mode === "llm" && !context.llm) throw new Error("--mode llm needs a chat model: set OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint needs one)");
  const rawFiles = (await listCorpusFiles(config.corpusDir)).filter((f) => /\.(txt|md)$/i.test(f));
  const run = await runEvaluation(context, questions, {
    mode: options.mode,
    rawFiles,
    onProgress: (done, total) => {
      if (done % 20 === 0 || done === total) log(`eval: ${done}/${total} questions`);
    },
  });
  const checks = checkThresholds(run.product.overall, thresholds);
  const report = buildReport(run, {
    commit: gitCommit(),
    command: options.command,
    checks,
    settings: {
      mode: options.mode,
      embedder: context.embedder?.id ?? context.store.manifest.embedder.id,
      llm: context.llm?.model ?? null,
      topK: config.retrieve.topK,
      maxSentences: config.answer.maxSentences,
      chunkMaxChars: config.ingest.chunkMaxChars,
      configHash: configHash(config),
      index: context.store.buildId,
      baselineChunk: BASELINE_CHUNK_CHARS,
      questionsFile: path.relative(PROJECT_ROOT, options.questionsFile),
    },
  });
  if (options.judge) {
    if (!context.llm) throw new Error("--judge needs a chat model: set OPENAI_BASE_URL (and OPENAI_API_KEY if needed)");
    report.judge = await runJudge(config, context, questions, options.mode, log);
  }
  await mkdir(options.outDir, { recursive: true });
  await writeFile(path.join(options.outDir, "report.json"), JSON.stringify(report, null, 2));
  await writeFile(path.join(options.outDir, "report.html"), renderHtml(report));
  if (options.markdownFile) {
    await mkdir(path.dirname(options.markdownFile), { recursive: true });
    await writeFile(options.markdownFile, renderMarkdown(report));
  }
  console.log(renderSummary(report));
  return report;
}
