/**
 * One log line per request, except refusals that come in floods: a client's 429s (rate limit, failed-token
 * wait) and 401s are counted over a window and logged once, when the window ends (or the server stops),
 * with the count. A 30 s flood of 429s once wrote 707,344 lines.
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientKey } from "./auth.ts";
import { logEvent } from "./log.ts";
import { logFormat } from "../log.ts";

/** The page's own files: in a terminal, a page load is not worth twenty lines (JSON logs keep them). */
const PAGE_ASSET = /^\/(?:js|css)\/|^\/favicon\.svg$/;

const COUNTED = new Set([401, 429]);

export interface RequestLog {
  middleware: MiddlewareHandler;
  /** Log the counts of windows still open (at shutdown). */
  flush(): void;
}

interface Window {
  client: string;
  status: number;
  count: number;
  timer: NodeJS.Timeout;
}

export function createRequestLog(options: { windowMs?: number } = {}): RequestLog {
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, Window>();
  const close = (key: string) => {
    const w = windows.get(key);
    if (!w) return;
    clearTimeout(w.timer);
    windows.delete(key);
    logEvent({ event: "refused", status: w.status, client: w.client, count: w.count, windowMs });
  };
  const count = (c: Context, status: number) => {
    const client = clientKey(c);
    const key = `${client} ${status}`;
    const open = windows.get(key);
    if (open) open.count++;
    else {
      const timer = setTimeout(() => close(key), windowMs);
      timer.unref();
      windows.set(key, { client, status, count: 1, timer });
    }
  };
  return {
    middleware: async (c, next) => {
      const started = performance.now();
      await next();
      const status = c.res.status;
      if (COUNTED.has(status)) count(c, status);
      else if (status < 400 && c.req.method === "GET" && PAGE_ASSET.test(c.req.path) && logFormat() === "human") return;
      else logEvent({ method: c.req.method, path: c.req.path, status, ms: Math.round((performance.now() - started) * 10) / 10 });
    },
    flush() {
      for (const key of [...windows.keys()]) close(key);
    },
  };
}
