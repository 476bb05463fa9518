/**
 * answer(messages, options): one function for the server, the OpenAI-compatible endpoint and the
 * evaluation runner. A conversation becomes an answer with citations:
 * resolve the conversation -> understand the question -> retrieve -> compose (extractive, or a model when
 * configured, falling back to extractive) -> check citations.
 *
 * `streamAnswer` yields the same answer as ChatEvents; `answer` collects them.
 */
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createStudyLinker, studyCueStems, type StudyLinker } from "../ingest/link-studies.ts";
import type { PassageStore } from "../store/passage-store.ts";
import { resolveConversation, type ChatMessage } from "../retrieve/conversation.ts";
import { understandQuery, type Intent } from "../retrieve/query.ts";
import { searchPassages } from "../retrieve/search.ts";
import { ReferenceBook } from "./citations.ts";
import { candidatesOf, weighQuestion } from "./evidence.ts";
import { composeExtractive, type Composition } from "./extractive.ts";
import type { LlmComposer } from "./llm.ts";
import { MESSAGES } from "./messages.ts";
import type { AnswerOptions, AnswerResult, ChatEvent, QueryInfo, RetrievedPassage } from "./types.ts";

export interface AnswerContext {
  store: PassageStore;
  /** Absent when the index's remote embedder cannot be reached: search by words only. */
  embedder?: Embedder;
  config: Config;
  /** Standing notices (a degraded embedder), added to every answer's warnings. */
  warnings?: string[];
  /** Present when a chat model is configured. */
  llm?: LlmComposer;
}

/** Thrown for a conversation that cannot be answered (no user message): a client error. */
export class AnswerInputError extends Error {
  override name = "AnswerInputError";
}

interface Prepared {
  info: QueryInfo;
  lang: AnswerResult["lang"];
  retrieved: RetrievedPassage[];
  extractive: ReturnType<typeof composeExtractive>;
  hits: Awaited<ReturnType<typeof searchPassages>>;
  retrieveMs: number;
}

const linkers = new WeakMap<object, { buildId: string; linker: StudyLinker; book: ReferenceBook }>();

function studyTools(store: PassageStore): { linker: StudyLinker; book: ReferenceBook } {
  const cached = linkers.get(store);
  if (cached && cached.buildId === store.buildId) return cached;
  const fresh = { buildId: store.buildId, linker: createStudyLinker(store.catalog), book: new ReferenceBook(store.studies) };
  linkers.set(store, fresh);
  return fresh;
}

async function prepare(context: AnswerContext, messages: ChatMessage[], options: AnswerOptions): Promise<Prepared> {
  const started = performance.now();
  await context.store.refresh();
  const { linker, book } = studyTools(context.store);
  const resolved = resolveConversation(messages, linker);
  if (!resolved.question) throw new AnswerInputError("the conversation has no user message to answer");
  const question = understandQuery(resolved.question, linker, options.lang);
  const search = resolved.followUp ? understandQuery(resolved.searchText, linker) : question;
  let intents: Intent[] = question.intents;
  if (resolved.followUp && intents.length === 1 && intents[0] === "general") {
    const previous = [...messages].reverse().filter((m) => m.role === "user")[1];
    if (previous) intents = understandQuery(previous.content, linker).intents;
  }
  const named = question.studies.length > 0 ? question.studies : resolved.inheritedStudies;
  const studies = options.studies && options.studies.length > 0 ? options.studies : named;
  const k = options.k ?? context.config.retrieve.topK;
  const hits = await searchPassages(context.store, context.embedder, search, {
    k,
    studies: studies.length > 0 ? studies : undefined,
    sections: options.sections,
    vectorWeight: context.config.retrieve.vectorWeight,
  });
  const retrieveMs = performance.now() - started;
  const identity = studyCueStems(context.store.catalog, studies);
  // "studi nomor 9": the words that point at a study by its number say which, not what.
  if (question.studies.some((n) => new RegExp(`\\b${n}\\b`).test(resolved.question))) {
    for (const w of ["nomor", "number", "no", "studi", "study", "teliti", "artikel", "article", ...question.studies.map(String)]) identity.add(w);
  }
  const weights = weighQuestion(search, context.store.termStats, { ownText: resolved.question, identity });
  const candidates = candidatesOf(hits, { weights, intents, studies, k });
  const extractive = composeExtractive({
    candidates,
    weights,
    intents,
    lang: question.lang,
    maxSentences: options.maxSentences ?? context.config.answer.maxSentences,
    book,
    studies,
    abstain: { minCoverage: context.config.answer.abstainMinCoverage, unknownShare: context.config.answer.abstainUnknownShare },
  });
  return {
    info: { question: resolved.question, searchText: resolved.searchText, studies, intents, followUp: resolved.followUp },
    lang: question.lang,
    retrieved: hits.map((h) => ({ id: h.passage.id, score: h.score, section: h.passage.section, page: h.passage.page, studies: h.passage.studies })),
    extractive,
    hits,
    retrieveMs,
  };
}

/** Deltas for an answer computed at once: sentence by sentence, so the page streams it the same way. */
function* chunksOf(text: string): Generator<string> {
  const parts = text.split(/(?<=\]) /);
  for (let i = 0; i < parts.length; i++) yield i < parts.length - 1 ? `${parts[i]} ` : parts[i];
}

export async function* streamAnswer(context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): AsyncGenerator<ChatEvent> {
  const started = performance.now();
  const prepared = await prepare(context, messages, options);
  const warnings: string[] = [...(context.warnings ?? [])];
  let mode = options.mode ?? context.config.answer.mode;
  if (mode === "llm" && !context.llm) {
    warnings.push("no chat model is configured (set OPENAI_BASE_URL or OPENAI_API_KEY); answered extractively");
    mode = "extractive";
  }
  yield { type: "meta", mode, lang: prepared.lang, query: prepared.info, retrieved: prepared.retrieved, warnings };

  const composeStarted = performance.now();
  let composition: Composition & { unsupported?: string[] } = prepared.extractive;
  let finalMode = mode;
  if (mode === "llm" && context.llm) {
    const { book } = studyTools(context.store);
    const stream = context.llm.compose({
      question: prepared.info.question,
      messages,
      hits: prepared.hits,
      lang: prepared.lang,
      book,
      signal: options.signal,
    });
    let result: Awaited<ReturnType<typeof stream.next>>;
    let streamed = false;
    try {
      while (!(result = await stream.next()).done) {
        streamed = true;
        yield { type: "delta", text: result.value.text, ...(result.value.reset ? { reset: true } : {}) };
      }
      composition = result.value;
      if (composition.unsupported && composition.unsupported.length > 0) warnings.push(MESSAGES[prepared.lang].llmUnsupported);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(MESSAGES[prepared.lang].llmFallback(reason));
      finalMode = "extractive";
      composition = prepared.extractive;
      if (streamed) yield { type: "delta", text: "", reset: true };
      for (const text of chunksOf(composition.answer)) yield { type: "delta", text };
    }
  } else {
    for (const text of chunksOf(composition.answer)) yield { type: "delta", text };
  }
  const composeMs = performance.now() - composeStarted;
  yield {
    type: "citations",
    citations: composition.citations,
    sentences: composition.sentences,
    unsupported: composition.unsupported ?? [],
    abstained: composition.abstained,
    warnings,
  };
  const result: AnswerResult = {
    answer: composition.answer,
    citations: composition.citations,
    abstained: composition.abstained,
    mode: finalMode,
    lang: prepared.lang,
    sentences: composition.sentences,
    unsupported: composition.unsupported ?? [],
    warnings,
    query: prepared.info,
    retrieved: prepared.retrieved,
    timings: {
      retrieveMs: round(prepared.retrieveMs),
      composeMs: round(composeMs),
      totalMs: round(performance.now() - started),
    },
    diagnostics: { bestSupport: round(prepared.extractive.decision.bestCoverage), abstainReason: prepared.extractive.decision.reason },
  };
  yield { type: "done", result };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function answer(context: AnswerContext, messages: ChatMessage[], options: AnswerOptions = {}): Promise<AnswerResult> {
  for await (const event of streamAnswer(context, messages, options)) {
    if (event.type === "done") return event.result;
  }
  throw new Error("answer stream ended without a result");
}
