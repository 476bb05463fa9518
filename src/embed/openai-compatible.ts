/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, llama.cpp server)
 * through the `openai` package. Validates only the response fields it reads. Retries retryable failures
 * with backoff; a timeout or refusal becomes an EmbedderError the caller can fall back on.
 */
import OpenAI from "openai";
import { z } from "zod";
import { openaiLogger } from "../log.ts";
import { EmbedderError, type Embedder, type EmbedOptions, type EmbedResult } from "./embedder.ts";

// Deliberately minimal: the fields we read.
const EmbeddingResponse = z.object({
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })).min(1),
});

export interface OpenAIEmbedderOptions {
  baseURL?: string;
  apiKey?: string;
  model: string;
  /** Known dimension; otherwise learned from the first response. */
  dimension?: number;
  batchSize: number;
  timeoutMs: number;
  retries: number;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIConnectionError) return true;
  if (error instanceof OpenAI.APIError) return error.status === 429 || (error.status ?? 0) >= 500;
  return false;
}

export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const client = new OpenAI({
    baseURL: options.baseURL,
    // Local servers need no key, but the SDK refuses to start without one.
    apiKey: options.apiKey ?? "not-needed",
    timeout: options.timeoutMs,
    maxRetries: 0,
    // The SDK's own messages go into our one-line log format, never raw to stderr.
    logger: openaiLogger,
    logLevel: "warn",
  });
  let dimension = options.dimension ?? 0;

  async function call(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      try {
        // encoding_format "float": some compatible servers ignore the SDK's base64 default (corrupt vectors).
        const raw = await client.embeddings.create(
          { model: options.model, input: texts, encoding_format: "float" },
          { signal },
        );
        const parsed = EmbeddingResponse.safeParse(raw);
        if (!parsed.success || parsed.data.data.length !== texts.length) {
          throw new EmbedderError(`embedding endpoint returned a malformed response for ${texts.length} texts`, false);
        }
        return parsed.data.data.sort((a, b) => a.index - b.index).map((d) => Float32Array.from(d.embedding));
      } catch (error) {
        lastError = error;
        if (error instanceof EmbedderError || !isRetryable(error) || attempt === options.retries) break;
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
    if (lastError instanceof EmbedderError) throw lastError;
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    throw new EmbedderError(`embedding endpoint failed: ${message}`, isRetryable(lastError), { cause: lastError });
  }

  if (dimension === 0) dimension = (await call(["dimension probe"]))[0].length;

  return {
    id: `openai/${options.model}/${dimension}`,
    get dimension() {
      return dimension;
    },
    maxBatch: options.batchSize,
    async embed(texts: string[], embedOptions?: EmbedOptions): Promise<EmbedResult> {
      const vectors = await call(texts, embedOptions?.signal);
      const wrong = vectors.find((v) => v.length !== dimension);
      if (wrong) throw new EmbedderError(`embedding endpoint returned ${wrong.length} dimensions, expected ${dimension}`, false);
      return { vectors, warnings: [] };
    },
  };
}
