/**
 * One typed config, read once from the environment. Every knob has a default, so the product runs with
 * nothing configured (local embedder, extractive answers, index under ./data).
 *
 * @example
 *   const config = loadConfig();            // process.env
 *   const test = loadConfig({ DATA_DIR: tmp }); // tests pass their own env
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ProductError } from "./domain/errors.ts";

/** The repository root: the nearest folder above this module with a package.json (src/ from source, dist/src/ when built). */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

const bool = z
  .string()
  .optional()
  .transform((v) => v === "1" || v?.toLowerCase() === "true");

const int = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const EnvSchema = z.object({
  // where things live
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, "data")),
  CORPUS_DIR: z.string().default(path.join(PROJECT_ROOT, "corpus")),
  // the index on an object store (DATA_DIR=s3://bucket/prefix): credentials and endpoint from the AWS_* variables
  AWS_ENDPOINT_URL: z.string().url().optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
  /** How often a server checks for a newly published build on an object store (a folder is checked on requests, every 2 s). */
  INDEX_POLL_MS: int(2000, 100, 600000),
  /** Object store: builds newer than this are never pruned (readers have moved long before). */
  INDEX_KEEP_BUILDS_MINUTES: z.coerce.number().min(0).max(100000).default(10),
  /** Object store: the ingest lease lasts this long without renewal (a killed ingest's lease expires after it). */
  INGEST_LEASE_MS: int(60000, 1000, 3_600_000),
  // embeddings
  EMBEDDER: z.enum(["local", "openai"]).optional(),
  EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  EMBEDDING_DIMENSION: z.coerce.number().int().positive().optional(),
  LOCAL_EMBEDDING_DIMENSION: int(512, 64, 4096),
  EMBED_BATCH: int(64, 1, 2048),
  EMBED_TIMEOUT_MS: int(15000, 100, 600000),
  EMBED_RETRIES: int(2, 0, 10),
  // LLM (OpenAI-compatible: OpenAI, Ollama, vLLM, LM Studio, llama.cpp server)
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  CHAT_MODEL: z.string().default("gpt-4o-mini"),
  LLM_FIRST_TOKEN_TIMEOUT_MS: int(4000, 50, 120000),
  LLM_TOTAL_TIMEOUT_MS: int(30000, 100, 600000),
  /** Longest silence between two chunks of a model's stream once it has begun. */
  LLM_IDLE_TIMEOUT_MS: int(5000, 50, 600000),
  ANSWER_MODE: z.enum(["extractive", "llm"]).optional(),
  // retrieval and answers
  TOP_K: int(6, 1, 50),
  MAX_SENTENCES: int(5, 1, 20),
  // abstention (calibrated on eval/questions.jsonl: docs/answers.md)
  ABSTAIN_MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.3),
  ABSTAIN_UNKNOWN_SHARE: z.coerce.number().min(0).max(1).default(0.35),
  CHUNK_MAX_CHARS: int(700, 200, 4000),
  VECTOR_INDEX_MIN_ROWS: int(20000, 256, 10_000_000),
  VECTOR_WEIGHT: z.coerce.number().min(0).max(10).optional(),
  // server
  HOST: z.string().default("127.0.0.1"),
  PORT: int(8787, 0, 65535),
  APP_TOKEN: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: int(120, 1, 1_000_000),
  BODY_LIMIT_BYTES: int(64 * 1024, 1024, 50 * 1024 * 1024),
  LOG_QUESTIONS: bool,
  /** Other names this server is reached by (comma-separated host names), besides its bound address and localhost. */
  ALLOWED_HOSTS: z.string().optional(),
  /** Other origins whose pages may call the API (comma-separated, e.g. https://review.example.org). */
  ALLOWED_ORIGINS: z.string().optional(),
  /** A client must finish sending its request headers within this, and its whole request (body included) within REQUEST_TIMEOUT_MS. */
  HEADERS_TIMEOUT_MS: int(10000, 100, 600000),
  REQUEST_TIMEOUT_MS: int(30000, 100, 3_600_000),
  /** On SIGTERM, how long answers in flight may take to finish before they get an `error` event and are closed. */
  SHUTDOWN_GRACE_MS: int(10000, 0, 600000),
  /** Adding documents from the page (POST /api/documents): on by default on a loopback bind, off on a public one unless set to 1. */
  ALLOW_UPLOADS: z.enum(["0", "1", "true", "false"]).optional(),
  /** The largest file the page may upload (bytes; default 25 MB). */
  UPLOAD_MAX_BYTES: int(25 * 1024 * 1024, 1024, 500 * 1024 * 1024),
  /** `human` (one readable line per event; the default in a terminal) or `json` (the default otherwise). */
  LOG_FORMAT: z.enum(["human", "json"]).optional(),
});

/** Bound to loopback only (the same rule as src/server/auth.ts isLoopbackHost). */
const isLoopback = (host: string) => ["127.0.0.1", "::1", "localhost"].includes(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

const list = (value: string | undefined) => (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  /** A folder, or an object-store URI (`s3://bucket/prefix`). */
  dataDir: string;
  corpusDir: string;
  /** Where the index lives when `dataDir` is a URI, and how often servers look for a new build. */
  storage: {
    endpoint: string | undefined;
    region: string;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
    sessionToken: string | undefined;
    pollMs: number;
    keepBuildsMs: number;
    leaseMs: number;
  };
  embed: {
    provider: "local" | "openai";
    model: string;
    dimension: number | undefined;
    localDimension: number;
    batchSize: number;
    timeoutMs: number;
    retries: number;
  };
  llm: {
    enabled: boolean;
    apiKey: string | undefined;
    baseURL: string | undefined;
    model: string;
    firstTokenTimeoutMs: number;
    idleTimeoutMs: number;
    totalTimeoutMs: number;
  };
  retrieve: { topK: number; vectorIndexMinRows: number; vectorWeight: number | undefined };
  answer: { mode: "extractive" | "llm"; maxSentences: number; abstainMinCoverage: number; abstainUnknownShare: number };
  ingest: { chunkMaxChars: number };
  server: {
    host: string;
    port: number;
    appToken: string | undefined;
    rateLimitPerMinute: number;
    bodyLimitBytes: number;
    logQuestions: boolean;
    allowedHosts: string[];
    allowedOrigins: string[];
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    shutdownGraceMs: number;
    /** POST /api/documents is served (ALLOW_UPLOADS; default: on for a loopback bind only). */
    allowUploads: boolean;
    uploadMaxBytes: number;
    /** Undefined: human in a terminal, JSON otherwise (src/log.ts). */
    logFormat: "human" | "json" | undefined;
  };
}

/** Thrown when the environment holds a value the product cannot use. */
export class ConfigError extends ProductError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("config", message, options);
  }
}

/** Parse the environment into a Config. Throws ConfigError naming the variable on bad input. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const remote = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const objectUri = /^(s3|gs|az):\/\//.test(e.DATA_DIR);
  return {
    // An object-store URI is kept as given; a folder is made absolute.
    dataDir: objectUri ? e.DATA_DIR.replace(/\/+$/, "") : path.resolve(e.DATA_DIR),
    corpusDir: path.resolve(e.CORPUS_DIR),
    storage: {
      endpoint: e.AWS_ENDPOINT_URL?.replace(/\/+$/, ""),
      region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? "us-east-1",
      accessKeyId: e.AWS_ACCESS_KEY_ID,
      secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
      sessionToken: e.AWS_SESSION_TOKEN,
      pollMs: e.INDEX_POLL_MS,
      keepBuildsMs: Math.round(e.INDEX_KEEP_BUILDS_MINUTES * 60_000),
      leaseMs: e.INGEST_LEASE_MS,
    },
    embed: {
      // A remote endpoint is used for embeddings only when asked for: chat-only servers are common.
      provider: e.EMBEDDER ?? "local",
      model: e.EMBEDDING_MODEL,
      dimension: e.EMBEDDING_DIMENSION,
      localDimension: e.LOCAL_EMBEDDING_DIMENSION,
      batchSize: e.EMBED_BATCH,
      timeoutMs: e.EMBED_TIMEOUT_MS,
      retries: e.EMBED_RETRIES,
    },
    llm: {
      enabled: remote,
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      model: e.CHAT_MODEL,
      firstTokenTimeoutMs: e.LLM_FIRST_TOKEN_TIMEOUT_MS,
      idleTimeoutMs: e.LLM_IDLE_TIMEOUT_MS,
      totalTimeoutMs: e.LLM_TOTAL_TIMEOUT_MS,
    },
    retrieve: { topK: e.TOP_K, vectorIndexMinRows: e.VECTOR_INDEX_MIN_ROWS, vectorWeight: e.VECTOR_WEIGHT },
    answer: {
      mode: e.ANSWER_MODE ?? (remote ? "llm" : "extractive"),
      maxSentences: e.MAX_SENTENCES,
      abstainMinCoverage: e.ABSTAIN_MIN_COVERAGE,
      abstainUnknownShare: e.ABSTAIN_UNKNOWN_SHARE,
    },
    ingest: { chunkMaxChars: e.CHUNK_MAX_CHARS },
    server: {
      host: e.HOST,
      port: e.PORT,
      appToken: e.APP_TOKEN,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      logQuestions: e.LOG_QUESTIONS,
      allowedHosts: list(e.ALLOWED_HOSTS).map((h) => h.toLowerCase()),
      allowedOrigins: list(e.ALLOWED_ORIGINS).map((o) => o.replace(/\/+$/, "").toLowerCase()),
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      // Off by default with the index on an object store too: an upload lands in this machine's corpus
      // folder, which the other servers and the next ingest elsewhere do not see.
      allowUploads: e.ALLOW_UPLOADS === undefined ? isLoopback(e.HOST) && !objectUri : e.ALLOW_UPLOADS === "1" || e.ALLOW_UPLOADS === "true",
      uploadMaxBytes: e.UPLOAD_MAX_BYTES,
      logFormat: e.LOG_FORMAT,
    },
  };
}

/** A short hash of the settings that change results (not secrets), for reports and the index manifest. */
export function configHash(config: Config): string {
  const { llm, server: _server, storage: _storage, ...rest } = config;
  const relevant = { ...rest, llm: { enabled: llm.enabled, model: llm.model, baseURL: llm.baseURL } };
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex").slice(0, 12);
}
