/** The contract of a model composer (implemented over the openai package in llm-composer.ts). */
import type { Citation } from "../domain/citation.ts";
import type { Lang } from "../domain/lang.ts";
import type { StudyRecord } from "../domain/study.ts";
import type { ChatMessage } from "../retrieve/conversation.ts";
import type { ScoredPassage } from "../retrieve/search.ts";
import type { ReferenceBook } from "./citations.ts";
import type { Plan } from "./plan.ts";
import type { AnswerSentence } from "./types.ts";

export interface LlmComposeInput {
  question: string;
  messages: ChatMessage[];
  hits: ScoredPassage[];
  lang: Lang;
  book: ReferenceBook;
  /** The plan of the question and the records it concerns: context for the model, and what its claims are checked against. */
  plan: Plan;
  records: StudyRecord[];
  signal?: AbortSignal;
}

export interface LlmComposition {
  answer: string;
  citations: Citation[];
  sentences: AnswerSentence[];
  abstained: boolean;
  unsupported: string[];
}

/** Text to show next; `reset`: first take back everything shown so far (the answer abstained after all). */
export interface ComposerDelta {
  text: string;
  reset?: boolean;
}

/** Streams the answer's checked text, returns the checked composition (citations, unsupported sentences). */
export interface LlmComposer {
  readonly model: string;
  compose(input: LlmComposeInput): AsyncGenerator<ComposerDelta, LlmComposition>;
}
