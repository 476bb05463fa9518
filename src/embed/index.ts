/**
 * Choosing the embedder from config: local by default; the OpenAI-compatible endpoint when EMBEDDER=openai.
 * When that endpoint cannot be reached, the local embedder is used instead with a warning (never a crash).
 */
import type { Config } from "../config.ts";
import type { Embedder } from "./embedder.ts";
import { createLocalEmbedder } from "./local.ts";
import { createOpenAIEmbedder } from "./openai-compatible.ts";

export type { Embedder, EmbedResult } from "./embedder.ts";
export { EmbedderError } from "./embedder.ts";
export { createLocalEmbedder } from "./local.ts";

export async function createEmbedder(config: Config): Promise<{ embedder: Embedder; warnings: string[] }> {
  const local = createLocalEmbedder(config.embed.localDimension);
  if (config.embed.provider !== "openai") return { embedder: local, warnings: [] };
  try {
    const embedder = await createOpenAIEmbedder({
      baseURL: config.llm.baseURL,
      apiKey: config.llm.apiKey,
      model: config.embed.model,
      dimension: config.embed.dimension,
      batchSize: config.embed.batchSize,
      timeoutMs: config.embed.timeoutMs,
      retries: config.embed.retries,
    });
    return { embedder, warnings: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { embedder: local, warnings: [`embedding endpoint unavailable (${reason}); using the local embedder`] };
  }
}

/**
 * The configured embedder, if it is the one that built the index (by the id recorded in the manifest).
 * `unreachable` is set when the index was built by the configured remote endpoint but it cannot be
 * reached now: search then runs on the full-text index alone, with a warning.
 */
export async function embedderForIndex(id: string, config: Config): Promise<{ embedder?: Embedder; unreachable?: string }> {
  if (config.embed.provider === "local") {
    const local = createLocalEmbedder(config.embed.localDimension);
    return local.id === id ? { embedder: local } : {};
  }
  const { embedder, warnings } = await createEmbedder(config);
  if (embedder.id === id) return { embedder };
  if (warnings.length > 0 && id.startsWith("openai/")) return { unreachable: warnings.join("; ") };
  return {};
}
