/**
 * `npm run eval`: for each split, make sure an index of its corpus exists (the served index for the
 * review; a temporary data folder for any other corpus), run its questions through the product and the
 * baseline, then write eval/report.json, eval/report.html and docs/eval.md and check the thresholds.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createAnswerContext } from "../answer/context.ts";
import type { AnswerMode } from "../answer/types.ts";
import { configHash, loadConfig, PROJECT_ROOT, type Config } from "../config.ts";
import { runIngest } from "../ingest/ingest.ts";
import { parseObjectUri } from "../store/object-store.ts";
import { listCorpusFiles, loadDocument } from "../ingest/load.ts";
import { indexStatus } from "../ingest/index-status.ts";
import { createBaseline } from "./baseline.ts";
import { productOf } from "./product.ts";
import { loadQuestions } from "./questions.ts";
import { failuresOf, renderMarkdown, renderSummary, type EvalReport, type SplitReport } from "./report.ts";
import { renderHtml } from "./report-html.ts";
import { runJudge } from "./judge.ts";
import { runSplit } from "./runner.ts";
import { checkThresholds, loadThresholds } from "./thresholds.ts";

export interface SplitSpec {
  name: string;
  description: string;
  questionsFile: string;
  /** Files or folders to ingest; absent: the configured corpus (and its served index). */
  corpus?: string[];
}

const evalFile = (name: string) => path.join(PROJECT_ROOT, "eval", name);

/** The splits `npm run eval` runs by default. */
export const DEFAULT_SPLITS: SplitSpec[] = [
  { name: "dev", description: "the questions the product was tuned on", questionsFile: evalFile("dev.jsonl") },
  {
    name: "dev-extra",
    description: "questions the product may be tuned on, over the second corpus's PDFs (other facts than extra's)",
    questionsFile: evalFile("dev-extra.jsonl"),
    corpus: [evalFile("corpus-extra")],
  },
  { name: "test", description: "held out: written before tuning, never tuned on", questionsFile: evalFile("test.jsonl") },
  { name: "extra", description: "held out: PDFs nobody here curated, questions never tuned on (dev-extra is tuned on)", questionsFile: evalFile("extra.jsonl"), corpus: [evalFile("corpus-extra")] },
  {
    name: "test-mixed",
    description: "the test split with the second corpus's PDFs in the same index",
    questionsFile: evalFile("test.jsonl"),
    corpus: [path.join(PROJECT_ROOT, "corpus"), evalFile("corpus-extra")],
  },
];

export interface EvalOptions {
  mode: AnswerMode;
  splits: SplitSpec[];
  thresholdsFile: string;
  /** Where report.json and report.html go (default eval/). */
  outDir: string;
  /** Where the Markdown tables go (default docs/eval.md; "" to skip). */
  markdownFile: string;
  command: string;
  /** Also have the configured chat model grade every answer (faithfulness, relevance): see judge.ts. */
  judge?: boolean;
  log?: (line: string) => void;
}

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

/** The raw extracted text of each corpus document, for the baseline. */
async function rawDocuments(files: string[], root: string): Promise<{ docId: string; text: string }[]> {
  const out: { docId: string; text: string }[] = [];
  for (const file of files) {
    const doc = await loadDocument(file, root);
    out.push({ docId: doc.id, text: doc.pages.map((p) => p.text).join("\n") });
  }
  return out;
}

/** The indexes of the splits' own corpora, built once per run and shared by the splits on the same corpus. */
type SplitIndexes = Map<string, Promise<{ config: Config; tmp?: string }>>;

async function indexFor(base: Config, spec: SplitSpec, indexes: SplitIndexes, log: (line: string) => void): Promise<Config> {
  if (!spec.corpus) {
    const status = await indexStatus(base);
    if (status.state !== "current") {
      log(`eval ${spec.name}: building the index (${status.reason})`);
      await runIngest(base);
    }
    return base;
  }
  const key = spec.corpus.join("\n");
  if (!indexes.has(key)) {
    indexes.set(
      key,
      (async () => {
        // A split with its own corpus gets its own index: a temp folder, or beside the configured index on an
        // object store (so that the second corpus is evaluated there too).
        const tmp = parseObjectUri(base.dataDir) ? undefined : await mkdtemp(path.join(os.tmpdir(), `eval-${spec.name}-`));
        const config = loadConfig({ ...process.env, DATA_DIR: tmp ?? `${base.dataDir}/eval-${spec.name}`, CORPUS_DIR: spec.corpus![0] });
        log(`eval ${spec.name}: indexing ${spec.corpus!.map((c) => path.relative(PROJECT_ROOT, c) || c).join(", ")}`);
        await runIngest(config, { paths: spec.corpus });
        return { config, tmp };
      })(),
    );
  }
  return (await indexes.get(key)!).config;
}

async function runOneSplit(
  base: Config,
  spec: SplitSpec,
  mode: AnswerMode,
  judge: boolean,
  indexes: SplitIndexes,
  log: (line: string) => void,
): Promise<{ report: SplitReport; settings: Record<string, unknown> }> {
  const questions = loadQuestions(spec.questionsFile);
  const config = await indexFor(base, spec, indexes, log);
  const context = await createAnswerContext(config);
  if (mode === "llm" && !context.llm) throw new Error("--mode llm needs a chat model: set OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint needs one)");
  if (judge && !config.llm.baseURL) throw new Error("--judge needs a chat model: set OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint needs one)");
  const files = spec.corpus ? await listCorpusFiles(config.corpusDir, spec.corpus) : await listCorpusFiles(config.corpusDir);
  const baseline = createBaseline(await rawDocuments(files, config.corpusDir), await context.store.listPassages(undefined, 1_000_000));
  const run = await runSplit(productOf(context, mode), baseline, questions, (done, total) => {
    if (done % 25 === 0 || done === total) log(`eval ${spec.name}: ${done}/${total} questions`);
  });
  const judged = judge ? await runJudge(config, context, questions, mode, log) : undefined;
  const { records: productRecords, ...product } = run.product;
  const { records: baselineRecords, ...baselineSummary } = run.baseline;
  return {
    report: {
      name: spec.name,
      description: spec.description,
      questionsFile: path.relative(PROJECT_ROOT, spec.questionsFile),
      corpus: (spec.corpus ?? [config.corpusDir]).map((c) => path.relative(PROJECT_ROOT, c) || "."),
      questions: questions.length,
      product,
      baseline: baselineSummary,
      failures: failuresOf(productRecords),
      ...(judged ? { judge: judged } : {}),
      records: { product: productRecords, baseline: baselineRecords },
    },
    settings: {
      mode,
      embedder: context.embedder?.id ?? context.store.manifest.embedder.id,
      llm: context.llm?.model ?? null,
      topK: config.retrieve.topK,
      maxSentences: config.answer.maxSentences,
      chunkMaxChars: config.ingest.chunkMaxChars,
      configHash: configHash(base),
    },
  };
}

export async function runEval(config: Config, options: EvalOptions): Promise<EvalReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const thresholds = loadThresholds(options.thresholdsFile);
  const splits: SplitReport[] = [];
  let settings: Record<string, unknown> = { mode: options.mode };
  const indexes: SplitIndexes = new Map();
  try {
    for (const spec of options.splits) {
      const result = await runOneSplit(config, spec, options.mode, options.judge ?? false, indexes, log);
      splits.push(result.report);
      settings = { ...result.settings, ...settings };
    }
  } finally {
    for (const index of indexes.values()) {
      const { tmp } = await index.catch(() => ({ tmp: undefined }));
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }
  }
  const checks = splits.flatMap((s) => checkThresholds(s.name, s.product.overall, thresholds));
  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    command: options.command,
    settings,
    splits,
    thresholds: checks,
    passed: checks.every((c) => c.ok),
  };
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
