/**
 * The Hono app: routes only, logic lives in src/answer and src/retrieve. `createApp(deps)` receives the
 * answer context (store, embedder, model), so tests build it on a temp index and call `app.request()`.
 *
 * Middleware, in order: request log -> secret redaction -> security headers (CSP with no outside origins) ->
 * Host check -> Origin check (state-changing /api and /v1 requests) -> bearer token (when APP_TOKEN is set)
 * -> per-client rate limit -> body size limit -> routes -> one error handler.
 */
import path from "node:path";
import { Hono, type Context, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { rateLimiter } from "hono-rate-limiter";
import type { AnswerContext } from "../answer/answer.ts";
import { PROJECT_ROOT } from "../config.ts";
import { answerSlotsFor, createAnswerSlots } from "./answer-slots.ts";
import { clientKey, createTokenGuard, isLoopbackHost, type TokenGuard } from "./auth.ts";
import { AppError, errorBody, handleError } from "./errors.ts";
import { redactSecrets } from "./redact.ts";
import { createRequestLog, type RequestLog } from "./request-log.ts";
import { hostGuard, originGuard } from "./request-guards.ts";
import { evalReportHtml } from "./eval-report.ts";
import { allowedMethods } from "./route-methods.ts";
import { chatRoutes } from "./routes/chat.ts";
import { fileRoutes } from "./routes/files.ts";
import { referenceRoutes } from "./routes/references.ts";
import { suggestionRoutes } from "./routes/suggestions.ts";
import { uploadRoutes } from "./routes/upload.ts";
import { healthRoutes } from "./routes/health.ts";
import { openAIRoutes } from "./routes/openai.ts";
import { searchRoutes } from "./routes/search.ts";
import { studiesRoutes } from "./routes/studies.ts";
import { loadStaticFiles } from "./static-files.ts";

export interface AppDeps {
  context: AnswerContext;
  /** Folder of the chat page (default web/). */
  webDir?: string;
  /** The evaluation's HTML report, served at /eval (default eval/report.html). */
  evalReport?: string;
  /** Log one line per request (default true). */
  log?: boolean;
  /** The clock of the failed-token throttle (tests move it on). */
  now?: () => number;
  /** Aborts when the server stops waiting for answers in flight: open streams then end with an `error` event. */
  shutdown?: AbortSignal;
  /** The request log (created here unless given; serve.ts flushes it at shutdown). */
  requestLog?: RequestLog;
}

/** What the routes need to know about access: the token check, and whether the server is bound beyond loopback. */
export interface Access {
  guard: TokenGuard;
  /** A token is configured. */
  required: boolean;
  /** Bound to an address other machines can reach. */
  exposed: boolean;
}

const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
// The evaluation report is one self-contained file: inline styles, no scripts at all.
const REPORT_CSP = { ...PAGE_CSP, defaultSrc: ["'none'"], scriptSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], connectSrc: ["'none'"] };
// A corpus PDF opens in the browser's own viewer (a plugin document: object-src must allow it).
const FILE_CSP = { defaultSrc: ["'none'"], objectSrc: ["'self'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'", "data:"], frameAncestors: ["'self'"], baseUri: ["'none'"] };

export function createApp(deps: AppDeps): Hono {
  const { config } = deps.context;
  const app = new Hono();
  const files = loadStaticFiles(deps.webDir ?? path.join(PROJECT_ROOT, "web"));
  const reportFile = deps.evalReport ?? path.join(PROJECT_ROOT, "eval", "report.html");

  if (deps.log !== false) app.use("*", (deps.requestLog ?? createRequestLog()).middleware);

  // Before everything else, so that error responses are scrubbed too (see redact.ts).
  app.use("*", redactSecrets([config.llm.apiKey, config.server.appToken]));

  const pageHeaders = secureHeaders({ contentSecurityPolicy: PAGE_CSP, crossOriginEmbedderPolicy: false });
  const reportHeaders = secureHeaders({ contentSecurityPolicy: REPORT_CSP });
  const fileHeaders = secureHeaders({ contentSecurityPolicy: FILE_CSP, crossOriginEmbedderPolicy: false });
  app.use("*", (c: Context, next: Next) => (c.req.path === "/eval" ? reportHeaders(c, next) : c.req.path.startsWith("/files/") ? fileHeaders(c, next) : pageHeaders(c, next)));

  // Only this server's names, and for requests that change state or spend the model, only its own pages.
  app.use("*", hostGuard(config.server));
  const protectedPaths = ["/api/*", "/v1/*"];
  for (const p of protectedPaths) app.use(p, originGuard(config.server));
  const access: Access = {
    guard: createTokenGuard(config.server.appToken, deps.now),
    required: Boolean(config.server.appToken),
    exposed: !isLoopbackHost(config.server.host),
  };
  if (access.required) {
    for (const p of protectedPaths) {
      app.use(p, async (c, next) => {
        if (access.guard.check(c) !== "valid") {
          c.header("WWW-Authenticate", 'Bearer realm="review-assistant"');
          throw new AppError(401, "unauthorized", "send the access token as 'Authorization: Bearer <APP_TOKEN>'");
        }
        await next();
      });
    }
  }

  const limiter = rateLimiter({
    windowMs: 60_000,
    limit: config.server.rateLimitPerMinute,
    standardHeaders: "draft-6",
    keyGenerator: clientKey,
    handler: (c) => c.json(errorBody("rate_limited", `too many requests: at most ${config.server.rateLimitPerMinute} a minute; try again shortly`), 429),
  });
  for (const p of protectedPaths) app.use(p, limiter);

  const limit = config.server.bodyLimitBytes;
  const jsonLimit = bodyLimit({
      maxSize: limit,
      // The rest of the body is not read: close the connection, so a client does not send its next request
      // on a socket the server is about to drop.
      onError: (c) => c.json(errorBody("payload_too_large", `the body is larger than ${limit} bytes`), 413, { Connection: "close" }),
  });
  // An upload has its own limit (UPLOAD_MAX_BYTES, routes/upload.ts).
  app.use("*", (c: Context, next: Next) => (c.req.method === "POST" && c.req.path === "/api/documents" ? next() : jsonLimit(c, next)));

  app.route("/", healthRoutes(deps, access));
  // One queue for all answers and searches of this app (see answer-slots.ts).
  const slots = createAnswerSlots(answerSlotsFor(config));
  app.route("/", searchRoutes(deps, slots));
  app.route("/", chatRoutes(deps, slots));
  app.route("/", studiesRoutes(deps));
  app.route("/", openAIRoutes(deps, slots));
  app.route("/", suggestionRoutes(deps, slots));
  app.route("/", referenceRoutes(deps));
  app.route("/", uploadRoutes(deps));
  app.route("/", fileRoutes(deps));

  app.get("/eval", async (c) => {
    // On a public bind the report (model, build, commit) is for token holders only.
    if (access.exposed && access.guard.check(c) !== "valid") {
      c.header("WWW-Authenticate", 'Bearer realm="review-assistant"');
      throw new AppError(401, "unauthorized", "send the access token as 'Authorization: Bearer <APP_TOKEN>'");
    }
    const html = await evalReportHtml(reportFile);
    if (!html) return c.text("No evaluation report yet: run `npm run eval` to write eval/report.html.", 404);
    return c.html(html);
  });

  // Another method on a path that is served: 405 with Allow (GET /api/chat, POST /); anything else: 404
  // (POST /nope), the same JSON error as the API.
  const unmatched = (c: Context): never => {
    const page = files.has(c.req.path === "/" ? "/index.html" : c.req.path) || c.req.path === "/eval";
    const allowed = page ? ["GET", "HEAD"] : allowedMethods(app.routes, c.req.path);
    if (allowed.length === 0 || allowed.includes(c.req.method)) throw new AppError(404, "not_found", `no route ${c.req.method} ${c.req.path}`);
    c.header("Allow", allowed.join(", "));
    throw new AppError(405, "method_not_allowed", `${c.req.path} takes ${allowed.join(", ")}, not ${c.req.method}`);
  };
  app.get("*", (c) => {
    const file = files.get(c.req.path === "/" ? "/index.html" : c.req.path);
    if (!file) return unmatched(c);
    c.header("Cache-Control", "no-cache");
    return c.body(file.body as unknown as ArrayBuffer, 200, { "Content-Type": file.type });
  });
  app.all("*", (c) => unmatched(c));
  app.onError(handleError);
  return app;
}
