/**
 * The embedding contract, shaped like the AI SDK's embedding model: an id that names the model and its
 * version, a dimension, a batch limit, and one method. Results carry warnings, so a fallback or a
 * truncation is visible, never silent.
 */
import { ProductError } from "../domain/errors.ts";
export interface EmbedResult {
  vectors: Float32Array[];
  warnings: string[];
}

export interface EmbedOptions {
  signal?: AbortSignal;
}

export interface Embedder {
  /** Names the model and everything that changes its vectors, e.g. "local-hash-v1/512". */
  readonly id: string;
  readonly dimension: number;
  /** Most texts one call accepts. */
  readonly maxBatch: number;
  embed(texts: string[], options?: EmbedOptions): Promise<EmbedResult>;
}

/** An embedding call failed. `retryable` says whether trying again may help (timeouts, 429, 5xx). */
export class EmbedderError extends ProductError {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super("embedder", message, options);
  }
}
