/**
 * The index in a local folder vs on an object store (s3rver in this process, src/bench/s3-stand-in.ts),
 * through the real CLIs: cold ingest, a server's cold start (spawn to "ready", warm-up included), search
 * and answer latency over HTTP (one connection, the dev questions), /api/chat throughput at 10
 * connections, and how long a new build takes to
 * reach every one of two servers after its ingest exits (a folder: checked on requests, at most every 2 s;
 * an object store: polled every INDEX_POLL_MS, 2 s by default).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../config.ts";
import { loadQuestions, userTurns } from "../eval/questions.ts";
import { httpRun, type HttpRun } from "./http-bench.ts";
import { ingestInChild, serverInChild, type ChildServer } from "./run-child.ts";
import { startS3StandIn } from "./s3-stand-in.ts";
import { summarizeLatency, type LatencySummary } from "./stats.ts";

export interface StorageResult {
  backend: "local folder" | "object store (s3rver)";
  ingestMs: number;
  coldStartMs: number;
  search: LatencySummary;
  answer: LatencySummary;
  /** /api/chat at 10 connections for `httpSeconds` on one server (autocannon). */
  chat10: HttpRun;
  /** From the second ingest's exit until both servers report its build (ms). */
  newBuildReachesAllMs: number;
  pollMs: number;
}

async function timed(run: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await run();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
}

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

interface MeasureOptions {
  rounds: number;
  httpSeconds: number;
  log: (line: string) => void;
}

async function measure(backend: StorageResult["backend"], env: Record<string, string>, questions: string[], { rounds, httpSeconds, log }: MeasureOptions): Promise<StorageResult> {
  log(`bench: storage: ${backend}: ingest`);
  const ingest = await ingestInChild(env);
  const started = performance.now();
  const servers: ChildServer[] = [await serverInChild(env)];
  const coldStartMs = performance.now() - started;
  try {
    servers.push(await serverInChild(env));
    const [url] = [servers[0].url];
    const search: number[] = [];
    const answer: number[] = [];
    for (const q of questions) await timed(() => post(`${url}/api/chat`, { messages: [{ role: "user", content: q }] })); // warm
    for (let round = 0; round < rounds; round++) {
      for (const q of questions) {
        search.push(await timed(() => post(`${url}/api/search`, { query: q })));
        answer.push(await timed(() => post(`${url}/api/chat`, { messages: [{ role: "user", content: q }] })));
      }
    }
    const chat10 = await httpRun(url, "/api/chat", 10, httpSeconds);
    log(`bench: storage: ${backend}: a new build reaching both servers`);
    const next = await ingestInChild(env);
    const published = performance.now();
    // Ask each server every 50 ms, as traffic would (a folder is re-checked on requests).
    const pending = new Set(servers);
    while (pending.size > 0) {
      for (const server of [...pending]) {
        const health = (await (await fetch(`${server.url}/healthz`)).json()) as { build: string };
        if (health.build === next.buildId) pending.delete(server);
      }
      if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {
      backend,
      ingestMs: ingest.wallMs,
      coldStartMs: Math.round(coldStartMs),
      search: summarizeLatency(search),
      answer: summarizeLatency(answer),
      chat10,
      newBuildReachesAllMs: Math.round(performance.now() - published),
      pollMs: Number(env.INDEX_POLL_MS ?? 2000),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export async function storageBench(options: MeasureOptions): Promise<StorageResult[]> {
  const questions = loadQuestions(path.join(PROJECT_ROOT, "eval", "dev.jsonl"))
    .map((q) => userTurns(q))
    .filter((turns) => turns.length === 1)
    .map((turns) => turns[0])
    .slice(0, 40);
  const common = { RATE_LIMIT_PER_MINUTE: "1000000", LOG_FORMAT: "json" };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-storage-"));
  const s3 = await startS3StandIn("bench");
  try {
    return [
      await measure("local folder", { ...common, DATA_DIR: dataDir }, questions, options),
      await measure("object store (s3rver)", { ...common, DATA_DIR: "s3://bench/review", ...s3.env }, questions, options),
    ];
  } finally {
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
