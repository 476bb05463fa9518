/**
 * Run one ingest in a process of its own and print its figures as JSON (the benchmark reads them), so
 * that peak RSS and wall time are the ingest's alone. Configured by the environment like any ingest.
 */
import { loadConfig } from "../config.ts";
import { runIngest } from "../ingest/ingest.ts";

const started = performance.now();
const summary = await runIngest(loadConfig());
const wallMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    wallMs: Math.round(wallMs),
    passages: summary.passages,
    documents: summary.documents.length,
    pages: summary.documents.reduce((n, d) => n + (d.pages ?? 0), 0),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    timings: summary.manifest.timings,
    vectorIndex: summary.manifest.vectorIndex,
    buildId: summary.manifest.buildId,
  })}\n`,
);
