/**
 * Running the server: refuse an exposed host without a token or with a weak one, open the index (building it
 * first when `ensureIndex` and it is missing or stale), warm up, listen with deadlines for slow requests, and
 * shut down gracefully on SIGTERM/SIGINT (stop accepting, let requests in flight finish within
 * SHUTDOWN_GRACE_MS, then end open streams with an `error` event, exit 0).
 */
import type { Server, ServerOptions } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { answer } from "../answer/answer.ts";
import { createAnswerContext } from "../answer/context.ts";
import type { Config } from "../config.ts";
import { runIngest } from "../ingest/ingest.ts";
import { servableBuild } from "../store/checksums.ts";
import { locateConfiguredIndex } from "../store/index-location.ts";
import { IndexCorruptError, PassageStore, tidyLanceMessage } from "../store/passage-store.ts";
import { createApp } from "./app.ts";
import { ProductError } from "../domain/errors.ts";
import { isLoopbackHost, tokenWeakness } from "./auth.ts";
import { indexStatus } from "../ingest/index-status.ts";
import { logEvent } from "./log.ts";
import { logFormat, setLogFormat } from "../log.ts";
import { startupSummary } from "./startup-summary.ts";
import { createRequestLog } from "./request-log.ts";

/** The server cannot start as configured (exposed without a token, port taken): the message says what to change. */
export class StartupError extends ProductError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("startup", message, options);
  }
}

export interface RunningServer {
  url: string;
  /** What the terminal says at start-up (startup-summary.ts); its first line is "Review assistant ready: <url>". */
  summary: string[];
  close(): Promise<void>;
}

/**
 * Deadlines for receiving a request: its headers within HEADERS_TIMEOUT_MS, all of it (body included) within
 * REQUEST_TIMEOUT_MS; a client that sends too slowly gets 408 and the connection is closed. Node checks the
 * deadlines every `connectionsCheckingInterval` (30 s by default, which let a stalled body stay open ~55 s).
 */
export function requestDeadlines(config: Config): ServerOptions {
  const { headersTimeoutMs, requestTimeoutMs } = config.server;
  return {
    headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(Math.min(headersTimeoutMs, requestTimeoutMs) / 4))),
  };
}

export async function startServer(config: Config, options: { ensureIndex: boolean; say?: (line: string) => void }): Promise<RunningServer> {
  const say = options.say ?? ((line: string) => console.error(line));
  setLogFormat(config.server.logFormat);
  const { host, port, appToken } = config.server;
  if (!isLoopbackHost(host) && !appToken) {
    throw new StartupError(`HOST=${host} makes the assistant reachable from other machines; set APP_TOKEN to a secret token first, e.g. \`export APP_TOKEN=$(openssl rand -hex 32)\` (every /api and /v1 request must then send "Authorization: Bearer <APP_TOKEN>")`);
  }
  const weakness = appToken === undefined ? undefined : tokenWeakness(appToken);
  if (weakness) {
    throw new StartupError(`APP_TOKEN is ${weakness}; generate a strong one with \`openssl rand -hex 32\``);
  }
  if (options.ensureIndex) {
    const status = await indexStatus(config);
    if (status.state !== "current") {
      say(`Building the index (${status.reason}) ...`);
      const summary = await runIngest(config, {
        onEvent: (e) => {
          if (e.type === "document") say(`  ${e.id}: ${e.passages} passages`);
          if (e.type === "warning") say(`  warning: ${e.message}`);
        },
      });
      say(`  ${summary.passages} passages indexed in ${(summary.ms / 1000).toFixed(1)} s`);
    }
  }
  // The build's files must match the checksums recorded when it was written; if not, an earlier build that
  // does is served, with one line saying so and how to fix it.
  const location = locateConfiguredIndex(config);
  const servable = await servableBuild(location);
  if (servable?.refused) {
    say(`Index build ${servable.refused.buildId} failed its checksum check (${servable.refused.problem}); serving the previous build ${servable.buildId} instead. Run \`npm run ingest\` to rebuild the index.`);
  }
  let context;
  try {
    const store = await PassageStore.open(location, { buildId: servable?.buildId, accept: async (id) => (await location.verify(id)).ok });
    // On an object store there is no request-time check: each server polls the pointer object instead.
    if (location.remote) store.watch(config.storage.pollMs);
    context = await createAnswerContext(config, store);
    // Warm up so the first user does not pay for loading the stemmer, lexicon and tables.
    await answer(context, [{ role: "user", content: "Apa saja program perlindungan anak korban trafficking?" }], { mode: "extractive" });
  } catch (error) {
    // Whatever went wrong while opening and first reading the index, the fix is to rebuild it.
    if (error instanceof ProductError) throw error;
    throw new IndexCorruptError(`the index could not be used: ${tidyLanceMessage(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`, { cause: error });
  }
  const shutdown = new AbortController();
  const requestLog = createRequestLog();
  const app = createApp({ context, shutdown: shutdown.signal, requestLog });
  const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions: requestDeadlines(config) }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new StartupError(error.code === "EADDRINUSE" ? `port ${port} is in use; set PORT to another port` : error.message)),
    );
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/`;
  // In a terminal the summary says it; a log collector gets the same facts as one event.
  if (logFormat() === "json") logEvent({ event: "listening", url, chunks: context.store.passageCount, embedder: context.embedder?.id ?? null, llm: context.llm?.model ?? null });
  const summary = startupSummary({
    url,
    config,
    documents: context.store.documents.length,
    passages: context.store.passageCount,
    studies: context.store.studies.filter((s) => s.kind === "study").length,
    llm: context.llm ? { model: context.llm.model, baseURL: config.llm.baseURL } : undefined,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // Answers in flight get the grace period; then open streams end with an `error` event, and whatever is
      // still open a second later is cut.
      let force: NodeJS.Timeout | undefined;
      const grace = setTimeout(() => {
        shutdown.abort();
        force = setTimeout(() => {
          server.closeAllConnections();
          requestLog.flush();
          resolve();
        }, 1000);
        force.unref();
      }, config.server.shutdownGraceMs);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        clearTimeout(force);
        requestLog.flush();
        resolve();
      });
      server.closeIdleConnections();
    }));
  return { url, summary, close };
}
