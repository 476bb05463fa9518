/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, llama.cpp server)
 * through the `openai` package. Validates only the response fields it reads. The SDK retries what is worth
 * retrying; a failure after that (a timeout, a refusal) becomes an EmbedderError the caller can fall back on.
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
    // The SDK retries what is worth retrying (connection errors, timeouts, 408, 409, 429, 5xx) with
    // exponential backoff, honouring the server's retry-after.
    maxRetries: options.retries,
    // The SDK's own messages go into our one-line log format, never raw to stderr.
    logger: openaiLogger,
    logLevel: "warn",
  });
  let dimension = options.dimension ?? 0;

  async function call(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    let raw: unknown;
    try {
      // encoding_format "float": some compatible servers ignore the SDK's base64 default (corrupt vectors).
      raw = await client.embeddings.create({ model: options.model, input: texts, encoding_format: "float" }, { signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new EmbedderError(`embedding endpoint failed: ${message}`, isRetryable(error), { cause: error });
    }
    const parsed = EmbeddingResponse.safeParse(raw);
    if (!parsed.success || parsed.data.data.length !== texts.length) {
      throw new EmbedderError(`embedding endpoint returned a malformed response for ${texts.length} texts`, false);
    }
    return parsed.data.data.sort((a, b) => a.index - b.index).map((d) => Float32Array.from(d.embedding));
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
