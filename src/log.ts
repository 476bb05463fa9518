/**
 * Logs: one JSON line per event on stderr. Never questions (unless LOG_QUESTIONS=1), never secrets.
 *
 * `openaiLogger` takes the openai package's own log calls into this format (the SDK would otherwise print
 * raw endpoint output, over several lines, with console.error): only its message, one line, shortened; the
 * values it attaches (raw stream chunks, which may echo a question or a key) are counted, not written.
 */
export function logEvent(fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), ...fields })}\n`);
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
