/**
 * Follow-ups: the last user message is read against the conversation, so "and after 12 months?",
 * "bagaimana dengan studi nomor 9?" or "who wrote that one?" find what they refer to.
 *
 * A message is a follow-up when it is short or points back ("that one", "itu", "tersebut", "and ...?",
 * "bagaimana dengan ..."). Then the previous question's words join the search (its topic), and when the
 * message names no study itself, the studies of the previous turn (named in the question, or in the
 * answer's quotes) are kept.
 */
import type { StudyLinker } from "../ingest/link-studies.ts";
import { contentStems } from "../text/analyze.ts";
import { foldCase } from "../text/tokenize.ts";
import { studiesByNumber } from "./query.ts";

export interface ChatMessage {
  role: "user" | "assistant" | "system";
  content: string;
}

export interface ResolvedQuestion {
  /** The user's last message as written. */
  question: string;
  /** Text used for retrieval: the question plus, for a follow-up, the topic it continues. */
  searchText: string;
  /** Studies carried over from the conversation (empty when the question stands alone). */
  inheritedStudies: number[];
  followUp: boolean;
}

const POINTS_BACK = /\b(that|this|those|these|it|its|they|them|their|one|same|itu|ini|tersebut|nya|sana|tadi|juga|also|too)\b|^\s*(and|but|what about|how about|dan|lalu|terus|kalau|bagaimana dengan|gimana dengan|trus|then)\b/iu;

export function resolveConversation(messages: ChatMessage[], linker: StudyLinker): ResolvedQuestion {
  const turns = messages.filter((m) => m.role !== "system");
  const lastUser = [...turns].reverse().findIndex((m) => m.role === "user");
  if (lastUser < 0) return { question: "", searchText: "", inheritedStudies: [], followUp: false };
  const index = turns.length - 1 - lastUser;
  const question = turns[index].content.trim();
  const earlier = turns.slice(0, index);
  const previousQuestion = [...earlier].reverse().find((m) => m.role === "user");
  if (!previousQuestion) return { question, searchText: question, inheritedStudies: [], followUp: false };

  const ownTerms = contentStems(question);
  const followUp = ownTerms.length <= 4 || POINTS_BACK.test(foldCase(question));
  if (!followUp) return { question, searchText: question, inheritedStudies: [], followUp: false };

  const ownStudies = new Set([...studiesByNumber(foldCase(question)), ...linker.link(question)]);
  let inherited: number[] = [];
  if (ownStudies.size === 0) {
    // The most recent turn that names studies: the previous answer's quotes, else the previous question.
    const previousAnswer = [...earlier].reverse().find((m) => m.role === "assistant");
    const fromQuestion = [...studiesByNumber(foldCase(previousQuestion.content)), ...linker.link(previousQuestion.content)];
    const fromAnswer = previousAnswer ? linker.link(previousAnswer.content) : [];
    inherited = [...new Set(fromQuestion.length > 0 ? fromQuestion : fromAnswer)].sort((a, b) => a - b);
  }
  return {
    question,
    searchText: `${question} ${previousQuestion.content}`,
    inheritedStudies: inherited,
    followUp: true,
  };
}
