/**
 * Logs: one line per event on stderr. Never questions (unless LOG_QUESTIONS=1), never secrets.
 *
 * Two formats, chosen by LOG_FORMAT: `human` (the default in a terminal) writes
 * `14:53:25 GET /api/chat 200 150 ms` and `14:53:25 listening url=http://…`; `json` (the default when stderr
 * is not a terminal: a file, a pipe, a log collector) writes one JSON object per line, `t` first.
 *
 * `openaiLogger` takes the openai package's own log calls into this format (the SDK would otherwise print
 * raw endpoint output, over several lines, with console.error): only its message, one line, shortened; the
 * values it attaches (raw stream chunks, which may echo a question or a key) are counted, not written.
 *
 * @example
 *   setLogFormat("human");
 *   logEvent({ method: "GET", path: "/healthz", status: 200, ms: 1.2 }); // 14:53:25 GET /healthz 200 1.2 ms
 */
export type LogFormat = "human" | "json";

let chosen: LogFormat | undefined;

/** The format in force: the one set, else LOG_FORMAT, else human in a terminal and JSON elsewhere. */
export function logFormat(): LogFormat {
  if (chosen) return chosen;
  const env = process.env.LOG_FORMAT?.toLowerCase();
  if (env === "json" || env === "human") return env;
  return process.stderr.isTTY ? "human" : "json";
}

/** Choose the format (from the config at start-up; tests). `undefined` goes back to the default. */
export function setLogFormat(format: LogFormat | undefined): void {
  chosen = format;
}

const clock = (d: Date) => d.toTimeString().slice(0, 8);

const show = (value: unknown): string => {
  if (typeof value === "string") return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
};

/** One event as a line a person reads: a request as `METHOD path status ms`, anything else as `event key=value`. */
export function humanLine(fields: Record<string, unknown>, at = new Date()): string {
  const { method, path, status, ms, event, ...rest } = fields;
  const parts = [clock(at)];
  if (typeof method === "string" && typeof path === "string") {
    parts.push(method, path, String(status ?? ""), ms === undefined ? "" : `${String(ms)} ms`);
  } else {
    if (event !== undefined) parts.push(String(event));
    if (method !== undefined) rest.method = method;
    if (path !== undefined) rest.path = path;
    if (status !== undefined) rest.status = status;
    if (ms !== undefined) rest.ms = ms;
  }
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) parts.push(`${key}=${show(value)}`);
  return parts.filter(Boolean).join(" ");
}

export function logEvent(fields: Record<string, unknown>): void {
  const at = new Date();
  const line = logFormat() === "json" ? JSON.stringify({ t: at.toISOString(), ...fields }) : humanLine(fields, at);
  process.stderr.write(`${line}\n`);
}

type OpenAILogFn = (message: string, ...rest: unknown[]) => void;

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 200);

function openaiLogFn(level: string): OpenAILogFn {
  return (message, ...rest) =>
    logEvent({ event: "openai", level, message: oneLine(String(message)), ...(rest.length > 0 ? { detailsOmitted: rest.length } : {}) });
}

/** For `new OpenAI({ logger: openaiLogger, logLevel: "warn" })`. */
export const openaiLogger = {
  error: openaiLogFn("error"),
  warn: openaiLogFn("warn"),
  info: openaiLogFn("info"),
  debug: openaiLogFn("debug"),
};
