/** The nouns of answering: options in, an answer with citations out, and the events of a streamed answer. */
import type { Lang, SectionId } from "../ingest/types.ts";
import type { Intent } from "../retrieve/query.ts";

export type AnswerMode = "extractive" | "llm";

export interface AnswerOptions {
  /** Passages retrieved (default TOP_K). */
  k?: number;
  /** Only these studies (1-10). */
  studies?: number[];
  sections?: string[];
  /** Answer in this language instead of the question's. */
  lang?: Lang;
  mode?: AnswerMode;
  maxSentences?: number;
  signal?: AbortSignal;
}

export interface StudyReference {
  number: number;
  reference: string;
  /** Where the review contradicts itself about this study (from studies.json). */
  note?: string;
}

export interface Citation {
  n: number;
  passageId: string;
  /** The exact supporting span: always a substring of the passage text. */
  quote: string;
  /** Offsets of the quote in the passage text. */
  quoteStart: number;
  quoteEnd: number;
  section: SectionId;
  page: number | null;
  studies: number[];
  /** APA 7 reference of the passage's study (or studies, joined), or of the review when it is about no study. */
  reference: string;
  references: StudyReference[];
  /** The review's inconsistency note for the cited study, when there is one. */
  note?: string;
}

export interface AnswerSentence {
  text: string;
  citations: number[];
  /** "quoted": the sentence is the source's words; "composed": the assistant's own; "frame": a fixed phrase. */
  kind?: "quoted" | "composed" | "frame";
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
  intents: Intent[];
  followUp: boolean;
}

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  mode: AnswerMode;
  lang: Lang;
  /** The answer's quoted sentences (or the model's sentences) with their citation numbers. */
  sentences: AnswerSentence[];
  /** Model sentences without a valid citation (LLM mode). */
  unsupported: string[];
  warnings: string[];
  query: QueryInfo;
  retrieved: RetrievedPassage[];
  timings: { retrieveMs: number; composeMs: number; totalMs: number };
  /** Studies the answer names, in order (list and count answers). */
  studies?: number[];
  /** Why the extractive path did or did not abstain (for evaluation reports and debugging). */
  diagnostics: { bestSupport: number; abstainReason: string };
}

/** A streamed answer: meta, then deltas, then citations, then done; or error. Same order every time. */
export type ChatEvent =
  | { type: "meta"; mode: AnswerMode; lang: Lang; query: QueryInfo; retrieved: RetrievedPassage[]; warnings: string[] }
  /** `reset`: discard the text so far (the model failed mid-answer; the extractive answer follows). */
  | { type: "delta"; text: string; reset?: boolean }
  | { type: "citations"; citations: Citation[]; sentences: AnswerSentence[]; unsupported: string[]; abstained: boolean; warnings: string[] }
  | { type: "done"; result: AnswerResult }
  | { type: "error"; code: string; message: string };
