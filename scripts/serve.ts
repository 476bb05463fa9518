/**
 * npm run serve: serve the chat page and API on the existing index (refuses, with the fix, when there is
 * none). npm start runs this with --ensure-index: build the index first when it is missing or stale.
 */
import { loadConfig } from "../src/config.ts";
import { describeFailure, ProductError } from "../src/domain/errors.ts";
import { startServer } from "../src/server/serve.ts";
import { logEvent } from "../src/server/log.ts";

const ensureIndex = process.argv.includes("--ensure-index");

try {
  const config = loadConfig();
  const server = await startServer(config, { ensureIndex });
  for (const line of server.summary) console.log(line);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, async () => {
      // Stop accepting first (close() does at once), then say so: the log line means no new connection.
      const closing = server.close();
      logEvent({ event: "shutdown", signal });
      await closing;
      process.exit(0);
    });
  }
} catch (error) {
  const code = error instanceof ProductError ? error.code : "";
  const hint = code === "index_missing" ? " — run `npm run ingest` to build it" : code === "index_corrupt" ? " — run `npm run ingest` to rebuild it" : "";
  console.error(`Cannot start: ${describeFailure(error)}${hint}`);
  process.exit(1);
}
