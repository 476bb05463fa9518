/**
 * Choosing the embedder from config: local by default; the OpenAI-compatible endpoint when EMBEDDER=openai.
 * When that endpoint cannot be reached, the local embedder is used instead with a warning (never a crash).
 */
import type { Config } from "../config.ts";
import type { Embedder } from "./embedder.ts";
import { createLocalEmbedder } from "./local.ts";
import { createOpenAIEmbedder } from "./openai-compatible.ts";

export type { Embedder, EmbedResult } from "./embedder.ts";
export { embedMany, EmbedderError } from "./embedder.ts";
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

/** The embedder that built an index, by the id recorded in its manifest, or undefined if not available. */
export async function embedderForIndex(id: string, config: Config): Promise<Embedder | undefined> {
  const local = createLocalEmbedder(config.embed.localDimension);
  if (id === local.id) return local;
  const m = /^local-hash-v1\/(\d+)$/.exec(id);
  if (m) return createLocalEmbedder(Number(m[1]));
  if (id.startsWith("openai/") && config.embed.provider === "openai") {
    const { embedder } = await createEmbedder(config);
    return embedder.id === id ? embedder : undefined;
  }
  return undefined;
}
