/** The contract of a model composer (implemented over the openai package in llm-composer.ts). */
import type { Lang } from "../ingest/types.ts";
import type { ChatMessage } from "../retrieve/conversation.ts";
import type { ScoredPassage } from "../retrieve/search.ts";
import type { ReferenceBook } from "./citations.ts";
import type { Composition } from "./extractive.ts";

export interface LlmComposeInput {
  question: string;
  messages: ChatMessage[];
  hits: ScoredPassage[];
  lang: Lang;
  book: ReferenceBook;
  signal?: AbortSignal;
}

/** Text to show next; `reset`: first take back everything shown so far (the answer abstained after all). */
export interface ComposerDelta {
  text: string;
  reset?: boolean;
}

/** Streams the answer's checked text, returns the checked composition (citations, unsupported sentences). */
export interface LlmComposer {
  readonly model: string;
  compose(input: LlmComposeInput): AsyncGenerator<ComposerDelta, Composition & { unsupported: string[] }>;
}
