/**
 * npm run ingest [-- files or folders...]
 *   Without arguments: (re)build the index from the corpus folder (CORPUS_DIR, default corpus/).
 *   With files or folders: copy them into the corpus folder first (the corpus is the source of truth, so
 *   `npm start` keeps them), then rebuild. Prints progress (a bar on a terminal) and a summary; a refused
 *   file, a failure or Ctrl-C exits non-zero with one line, and the previous index keeps serving.
 */
import { loadConfig } from "../src/config.ts";
import { describeFailure } from "../src/domain/errors.ts";
import { addToCorpus } from "../src/ingest/add-to-corpus.ts";
import { runIngest, type IngestEvent } from "../src/ingest/ingest.ts";

const tty = process.stderr.isTTY;

function bar(done: number, total: number, label: string): void {
  if (!tty) return;
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}   `);
  if (done >= total) process.stderr.write("\n");
}

let embedTenth = 0;

function progress(event: IngestEvent): void {
  switch (event.type) {
    case "files":
      console.error(`ingest: ${event.files.length} file(s)`);
      break;
    case "document":
      if (tty) bar(event.done, event.total, "ingest: reading  ");
      else console.error(`ingest: ${event.id}: ${event.passages} passages, ${event.studies} studies, ${event.references} references`);
      break;
    case "embed":
      if (event.total === 0) console.error(`ingest: embeddings reused for all ${event.reused} passages`);
      else if (tty) bar(event.done, event.total, "ingest: embedding");
      else {
        // In a log: a line each time another tenth is done.
        const tenth = Math.floor((event.done * 10) / event.total);
        if (tenth > embedTenth) console.error(`ingest: embedded ${event.done}/${event.total}${event.reused ? ` (${event.reused} reused)` : ""}`);
        embedTenth = tenth;
      }
      break;
    case "write":
      console.error(`ingest: writing ${event.step}`);
      break;
    case "warning":
      console.error(`ingest: warning: ${event.message}`);
  }
}

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\ningest: ${signal} received, stopping (the served index is unchanged)`);
    controller.abort();
  });
}

try {
  const config = loadConfig();
  const paths = process.argv.slice(2);
  if (paths.length > 0) {
    const added = await addToCorpus(config.corpusDir, paths);
    for (const a of added) console.error(`ingest: ${a.replaced ? "replaced" : "added"} ${a.target}`);
  }
  const summary = await runIngest(config, { onEvent: progress, signal: controller.signal });
  const sections = Object.entries(summary.bySection).map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`Indexed ${summary.documents.length} document(s) in ${(summary.ms / 1000).toFixed(1)} s: ${summary.passages} passages, ${summary.studies} studies, ${summary.references} references`);
  for (const d of summary.documents) {
    console.log(`  ${d.id}: ${d.short} — ${d.pages ?? "?"} pages, ${d.counts.passages} passages, ${d.counts.studies} studies, ${d.counts.references} references${d.warnings.length ? ` (${d.warnings.length} warning(s))` : ""}`);
  }
  console.log(`  by section: ${sections}`);
  console.log(`  embedder:   ${summary.manifest.embedder.id} (${summary.reusedVectors} vectors reused)`);
  console.log(`  build:      ${summary.manifest.buildId} in ${config.dataDir}`);
} catch (error) {
  console.error(`ingest failed: ${describeFailure(error)}`);
  process.exitCode = 1;
}
