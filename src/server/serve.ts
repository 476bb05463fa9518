/**
 * Running the server: refuse an exposed host without a token, open the index (building it first when
 * `ensureIndex` and it is missing or stale), warm up, listen, and shut down gracefully on SIGTERM/SIGINT
 * (stop accepting, let requests in flight finish, exit 0).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { answer } from "../answer/answer.ts";
import { createAnswerContext } from "../answer/context.ts";
import type { Config } from "../config.ts";
import { runIngest } from "../ingest/ingest.ts";
import { createApp } from "./app.ts";
import { isLoopbackHost, tokenWeakness } from "./auth.ts";
import { indexStatus } from "./index-status.ts";
import { logEvent } from "./log.ts";

export class StartupError extends Error {
  override name = "StartupError";
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { ensureIndex: boolean; say?: (line: string) => void }): Promise<RunningServer> {
  const say = options.say ?? ((line: string) => console.error(line));
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
  const context = await createAnswerContext(config);
  // Warm up so the first user does not pay for loading the stemmer, lexicon and tables.
  await answer(context, [{ role: "user", content: "Apa saja program perlindungan anak korban trafficking?" }], { mode: "extractive" });
  const app = createApp({ context });
  const server = serve({ fetch: app.fetch, port, hostname: host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new StartupError(error.code === "EADDRINUSE" ? `port ${port} is in use; set PORT to another port` : error.message)),
    );
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}/`;
  logEvent({ event: "listening", url, chunks: context.store.passageCount, embedder: context.embedder?.id ?? null, llm: context.llm?.model ?? null });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    }));
  return { url, close };
}
