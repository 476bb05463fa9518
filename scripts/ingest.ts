/**
 * npm run ingest [-- paths...]: build the search index from corpus/ (or the given files and folders).
 * Prints progress to stderr and a summary to stdout; a refused file or a failure exits non-zero with a
 * one-line message, and the previous index keeps serving.
 */
import { loadConfig } from "../src/config.ts";
import { runIngest, type IngestEvent } from "../src/ingest/ingest.ts";
import { describeFailure } from "../src/errors.ts";

function progress(event: IngestEvent): void {
  switch (event.type) {
    case "files":
      console.error(`ingest: ${event.files.length} file(s)`);
      break;
    case "document":
      console.error(`ingest: ${event.id}: ${event.passages} passages`);
      break;
    case "embed":
      if (event.total === 0) console.error(`ingest: embeddings reused for all ${event.reused} passages`);
      else console.error(`ingest: embedded ${event.done}/${event.total}${event.reused ? ` (${event.reused} reused)` : ""}`);
      break;
    case "write":
      console.error(`ingest: writing ${event.step}`);
      break;
    case "warning":
      console.error(`ingest: warning: ${event.message}`);
  }
}

try {
  const config = loadConfig();
  const summary = await runIngest(config, { paths: process.argv.slice(2), onEvent: progress });
  const sections = Object.entries(summary.bySection).map(([k, v]) => `${k} ${v}`).join(", ");
  const studies = Object.entries(summary.byStudy).map(([k, v]) => `${k}:${v}`).join(" ");
  console.log(`Indexed ${summary.passages} passages from ${summary.documents} document(s) in ${(summary.ms / 1000).toFixed(1)} s`);
  console.log(`  by section: ${sections}`);
  console.log(`  by study:   ${studies}`);
  console.log(`  embedder:   ${summary.manifest.embedder.id} (${summary.reusedVectors} vectors reused)`);
  console.log(`  build:      ${summary.manifest.buildId} in ${config.dataDir}`);
} catch (error) {
  console.error(`ingest failed: ${describeFailure(error)}`);
  process.exitCode = 1;
}
