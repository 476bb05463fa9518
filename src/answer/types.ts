/** The nouns of answering: options in, an answer with citations out, and the events of a streamed answer. */
import type { Citation } from "../domain/citation.ts";
import type { Lang } from "../domain/lang.ts";
import type { SectionId } from "../domain/sections.ts";
import type { Plan } from "./plan.ts";

export type AnswerMode = "extractive" | "llm";

export interface AnswerOptions {
  /** Passages retrieved (default TOP_K). */
  k?: number;
  /** Only these studies (numbers; with several documents, give `docs` too). */
  studies?: number[];
  sections?: string[];
  docs?: string[];
  /** Answer in this language instead of the question's. */
  lang?: Lang;
  mode?: AnswerMode;
  maxSentences?: number;
  signal?: AbortSignal;
}

/**
 * One sentence of an answer. `composed`: written by the assistant (in the asker's language) around the
 * values and quotes it cites; `quoted`: the source's own sentence; `frame`: a fixed phrase (a notice).
 * Quotes inside a composed sentence are marked «...» and listed in `quotes` with their offsets.
 */
export interface AnswerSentence {
  text: string;
  citations: number[];
  kind: "composed" | "quoted" | "frame";
  /** An item of the list the previous sentence opens (a study of a list answer). */
  item?: true;
  quotes?: { start: number; end: number }[];
}

export interface RetrievedPassage {
  id: string;
  docId: string;
  score: number;
  section: SectionId;
  page: number | null;
  studies: number[];
}

export interface QueryInfo {
  question: string;
  searchText: string;
  studies: number[];
  docs: string[];
  followUp: boolean;
}

export interface AnswerResult {
  /** The answer as text: sentences joined, each followed by its citation markers. */
  answer: string;
  citations: Citation[];
  abstained: boolean;
  mode: AnswerMode;
  lang: Lang;
  plan: Plan;
  sentences: AnswerSentence[];
  /** Studies the answer names, in order (what "the second one" refers to next). */
  studies: number[];
  /** Model sentences that failed the claim check (LLM mode). */
  unsupported: string[];
  warnings: string[];
  query: QueryInfo;
  retrieved: RetrievedPassage[];
  timings: { retrieveMs: number; composeMs: number; totalMs: number };
  /** Why the answer did or did not abstain (for evaluation reports and debugging). */
  diagnostics: { bestSupport: number; abstainReason: string };
}

/** A streamed answer: meta, then deltas, then citations, then done; or error. Same order every time. */
export type ChatEvent =
  | { type: "meta"; mode: AnswerMode; lang: Lang; plan: Plan; query: QueryInfo; retrieved: RetrievedPassage[]; warnings: string[] }
  /** `reset`: discard the text so far (the model failed mid-answer; the composed answer follows). */
  | { type: "delta"; text: string; reset?: boolean }
  | { type: "citations"; citations: Citation[]; sentences: AnswerSentence[]; unsupported: string[]; abstained: boolean; warnings: string[]; studies: number[] }
  | { type: "done"; result: AnswerResult }
  | { type: "error"; code: string; message: string };
