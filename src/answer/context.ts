/**
 * Everything answering needs, opened once: the index, the embedder that built it, and the chat model when
 * one is configured. Querying an index with a different embedder than the one that built it is refused.
 */
import type { Config } from "../config.ts";
import { ProductError } from "../domain/errors.ts";
import { embedderForIndex } from "../embed/index.ts";
import { locateConfiguredIndex } from "../store/index-location.ts";
import { PassageStore } from "../store/passage-store.ts";
import type { AnswerContext } from "./answer.ts";
import { createLlmComposer } from "./llm-composer.ts";

/** The index was built with an embedder this configuration cannot load: re-ingest or set EMBEDDER. */
export class EmbedderMismatchError extends ProductError {
  constructor(message: string) {
    super("embedder_mismatch", message);
  }
}

export async function createAnswerContext(config: Config, store?: PassageStore): Promise<AnswerContext> {
  const opened = store ?? (await PassageStore.open(locateConfiguredIndex(config)));
  const built = opened.manifest.embedder;
  const { embedder, unreachable } = await embedderForIndex(built.id, config);
  if (!embedder && !unreachable) {
    throw new EmbedderMismatchError(
      `the index was built with the embedder "${built.id}" (${built.dimension} dimensions), not the one configured now; run \`npm run ingest\` to rebuild it`,
    );
  }
  const llm = config.llm.enabled
    ? createLlmComposer({
        baseURL: config.llm.baseURL,
        apiKey: config.llm.apiKey,
        model: config.llm.model,
        firstTokenTimeoutMs: config.llm.firstTokenTimeoutMs,
        idleTimeoutMs: config.llm.idleTimeoutMs,
        totalTimeoutMs: config.llm.totalTimeoutMs,
        maxSentences: config.answer.maxSentences,
      })
    : undefined;
  const warnings = unreachable ? [`${unreachable}; searching by words only`] : [];
  return { store: opened, embedder, config, llm, warnings };
}
