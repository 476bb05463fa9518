/**
 * What the terminal says once the server listens: where it is, what it serves, how answers are written,
 * and how to have a model write them. One short block, so a first-time user knows what they are running.
 *
 * @example
 *   for (const line of startupSummary({ url, config, documents: 1, passages: 86, studies: 10, llm: undefined })) console.log(line);
 */
import type { Config } from "../config.ts";

export interface SummaryFacts {
  url: string;
  config: Config;
  documents: number;
  passages: number;
  studies: number;
  /** The chat model in use, when one is configured. */
  llm: { model: string; baseURL: string | undefined } | undefined;
}

export function startupSummary(facts: SummaryFacts): string[] {
  const { config } = facts;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const answers = facts.llm
    ? `written by the model ${facts.llm.model} at ${facts.llm.baseURL ?? "api.openai.com"}, every citation checked (composed from the documents when it fails)`
    : "composed from the documents' own sentences and records, quoted and cited (no model)";
  const lines = [
    `Review assistant ready: ${facts.url}`,
    `  documents: ${plural(facts.documents, "document")}, ${plural(facts.passages, "passage")}, ${plural(facts.studies, "study record")}`,
    `  answers:   ${answers}`,
  ];
  if (!facts.llm) lines.push("             to have a model write them, set OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) and CHAT_MODEL, or OPENAI_API_KEY, then restart");
  const mb = (config.server.uploadMaxBytes / 1024 / 1024).toFixed(0);
  lines.push(config.server.allowUploads ? `  uploads:   on (PDF, .txt, .md up to ${mb} MB from the page's library)` : "  uploads:   off (set ALLOW_UPLOADS=1 to add documents from the page)");
  lines.push(`  access:    ${config.server.appToken ? "every /api and /v1 request needs the APP_TOKEN" : "no token (loopback only)"}`);
  lines.push(`  logs:      one line per request on stderr${config.server.logFormat === "json" ? ", as JSON" : "; LOG_FORMAT=json for JSON"} · stop with Ctrl+C`);
  return lines;
}
