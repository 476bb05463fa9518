/**
 * Time the whole ingest of one PDF: loadDocument (layout reading) then buildDocument (passages), median
 * of 5 runs after a warm-up, wall and CPU time. A check that a change to PDF ingest keeps it fast.
 *
 *   npx tsx scripts/time-pdf-ingest.ts [file.pdf]      (default: test/fixtures/pdfs/pasa.pdf)
 */
import os from "node:os";
import path from "node:path";
import { loadDocument } from "../src/ingest/load.ts";
import { buildDocument } from "../src/ingest/passages.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const file = process.argv[2] ?? path.join(ROOT, "test/fixtures/pdfs/pasa.pdf");
const RUNS = 5;

async function once(): Promise<{ wall: number; cpu: number; passages: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const raw = await loadDocument(file);
  const built = buildDocument(raw, { chunkMaxChars: 700 });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, passages: built.passages.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await once();
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
console.log(`${path.basename(file)}: load + buildDocument median of ${RUNS}: ${median(runs.map((r) => r.wall)).toFixed(0)} ms wall, ${median(runs.map((r) => r.cpu)).toFixed(0)} ms CPU (${runs[0].passages} passages)`);
console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
