/**
 * `npm run bench`: ingest (cold, the review), in-process latency against a MiniSearch baseline, HTTP load
 * with autocannon, and scale (synthetic corpora of 100 and 1,000 documents). Writes bench/results.json
 * and docs/BENCHMARKS.md, with each target marked met or missed.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createAnswerContext } from "../answer/context.ts";
import { loadConfig, PROJECT_ROOT } from "../config.ts";
import { loadQuestions } from "../eval/questions.ts";
import { httpRun, type HttpRun } from "./http-bench.ts";
import { latencyBench, type LatencyResult } from "./latency-bench.ts";
import { renderBenchmarks } from "./report.ts";
import { ingestInChild, serverInChild, type ChildIngestResult } from "./run-child.ts";
import { scaleBench, type ScaleResult } from "./scale-bench.ts";
import { storageBench, type StorageResult } from "./storage-bench.ts";

export interface BenchOptions {
  sizes: number[];
  httpSeconds: number;
  rounds: number;
  log: (line: string) => void;
}

export interface BenchResults {
  generatedAt: string;
  commit: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string };
  command: string;
  ingest: ChildIngestResult & { passagesPerSecond: number };
  /** Ingest of the real PDFs of eval/corpus-extra, end to end with the local embedder. */
  /** The median of the cold runs, with every run's pages/s. */
  pdfIngest: ChildIngestResult & { files: number; pagesPerSecond: number; runs?: number[] };
  latency: LatencyResult;
  http: HttpRun[];
  scale: ScaleResult[];
  /** The index in a local folder vs on an object store (absent in results written before it was measured). */
  storage?: StorageResult[];
  totalSeconds: number;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/** Cold PDF ingests measured; the median run is reported (one cold run on this machine varies by ~15%). */
const PDF_RUNS = 5;

/** Ingest eval/corpus-extra's PDFs in a process of their own (the ingest reports their pages), PDF_RUNS times. */
async function pdfBench(): Promise<BenchResults["pdfIngest"]> {
  const corpus = path.join(PROJECT_ROOT, "eval", "corpus-extra");
  const runs: ChildIngestResult[] = [];
  for (let i = 0; i < PDF_RUNS; i++) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-pdf-"));
    try {
      runs.push(await ingestInChild({ DATA_DIR: dataDir, CORPUS_DIR: corpus }));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const rate = (r: ChildIngestResult) => Math.round((r.pages / (r.wallMs / 1000)) * 10) / 10;
  const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
  return { ...median, files: median.documents, pagesPerSecond: rate(median), runs: runs.map(rate) };
}

export async function runBench(options: BenchOptions, command: string): Promise<BenchResults> {
  const started = performance.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-"));
  try {
    options.log("bench: cold ingest of the review");
    const ingest = await ingestInChild({ DATA_DIR: dataDir });
    options.log("bench: cold ingest of the PDFs in eval/corpus-extra");
    const pdfIngest = await pdfBench();
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
    const context = await createAnswerContext(config);

    options.log("bench: in-process latency");
    const questions = loadQuestions(path.join(PROJECT_ROOT, "eval", "dev.jsonl"));
    const latency = await latencyBench(context, questions, options.rounds);

    options.log("bench: HTTP with autocannon");
    const server = await serverInChild({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "1000000" });
    const http: HttpRun[] = [];
    try {
      for (const route of ["/healthz", "/api/search", "/api/chat"]) {
        for (const connections of [1, 10, 50]) {
          http.push(await httpRun(server.url, route, connections, options.httpSeconds));
          options.log(`bench:   ${route} x${connections}: ${http.at(-1)!.requestsPerSecond} req/s`);
        }
      }
    } finally {
      await server.stop();
    }

    const scale: ScaleResult[] = [];
    for (const documents of options.sizes) {
      scale.push(await scaleBench(documents, { queries: 200, exactQueries: documents >= 1000 ? 40 : 100, log: options.log }));
    }

    options.log("bench: local folder vs object store");
    const storage = await storageBench({ rounds: options.rounds, httpSeconds: options.httpSeconds, log: options.log });

    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      commit: commit(),
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      command,
      ingest: { ...ingest, passagesPerSecond: Math.round(ingest.passages / (ingest.wallMs / 1000)) },
      pdfIngest,
      latency,
      http,
      scale,
      storage,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
    await mkdir(path.join(PROJECT_ROOT, "bench"), { recursive: true });
    await writeFile(path.join(PROJECT_ROOT, "bench", "results.json"), JSON.stringify(results, null, 2));
    await writeFile(path.join(PROJECT_ROOT, "docs", "BENCHMARKS.md"), renderBenchmarks(results));
    return results;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
