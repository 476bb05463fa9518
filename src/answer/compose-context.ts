/**
 * What every composer gets: the question, the records and documents in scope, the passages they point
 * into, and a citation list to number what the answer cites.
 */
import type { DocumentInfo } from "../domain/document.ts";
import type { Lang } from "../domain/lang.ts";
import type { Passage } from "../domain/passage.ts";
import type { FieldValue, StudyRecord } from "../domain/study.ts";
import type { Question } from "../retrieve/question.ts";
import { termStatsOf, type TermStats } from "../store/layout.ts";
import { glossOf } from "./gloss.ts";
import type { CitationList } from "./citations.ts";
import { MESSAGES } from "./messages.ts";
import { studyLabel, type SentenceBuilder } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

export interface ComposeContext {
  question: Question;
  lang: Lang;
  /** Records of the documents in scope. */
  records: StudyRecord[];
  documents: DocumentInfo[];
  termStats: TermStats;
  citations: CitationList;
  passage(id: string): Passage | undefined;
  /** The passages about a study (its table cells and the prose linked to it). */
  passagesOf(record: StudyRecord): Passage[];
  /** A document's front matter (its first passages, in order), where its title, authors and year are printed. */
  opening?(docId: string): Passage[];
  /** The passages the search found for the question, best first. */
  retrieved?: Passage[];
  /** The passage after this one in its document (a bulleted list runs on into it). */
  following?(passage: Passage): Passage | undefined;
  /** All rows of the table a table-row passage belongs to, in order. */
  tableRows?(passage: Passage): Passage[];
  maxSentences: number;
  /** The answer goes through several documents in turn: each is named, never "the review". */
  namesDocuments?: boolean;
  /** Abstention thresholds (ABSTAIN_MIN_COVERAGE, ABSTAIN_UNKNOWN_SHARE; defaults in abstain.ts). */
  abstain?: { minCoverage: number; unknownShare: number };
}

export interface Composition {
  sentences: AnswerSentence[];
  abstained: boolean;
  /** Studies the answer names, in order. */
  studies: number[];
  /** The studies the answer is about when it names others besides ("the oldest is Study 8; the most recent, Study 5"). */
  focus?: number[];
  /** The documents the answer lists one by one, in order ("what is the second one about?" after a list of them). */
  documents?: string[];
  reason: string;
  bestSupport: number;
}

/**
 * How an answer names the document a sentence comes from: "the review" only when that is what it is and
 * the only document in scope; otherwise its short form ("He et al. (2025)"), so a paper is never "the review".
 */
export function documentName(context: ComposeContext, docId: string): string {
  const doc = context.documents.find((d) => d.id === docId);
  if (!doc || (context.documents.length === 1 && doc.kind === "review" && !context.namesDocuments)) return MESSAGES[context.lang].theReview;
  return doc.short;
}

/** A study's label in the answer, with the name the asker used for it. */
export function labelOf(context: ComposeContext, record: StudyRecord): string {
  const by = context.question.studies.find((s) => s.docId === record.docId && s.number === record.number)?.by;
  return studyLabel(record, context.lang, by);
}

/** Cite a record value: the span it was read from in its passage. */
export function citeValue(context: ComposeContext, value: FieldValue): number | undefined {
  const passage = context.passage(value.passageId);
  if (!passage || passage.text.slice(value.start, value.end) !== value.text) return undefined;
  return context.citations.cite(passage, value.start, value.end);
}

/** Concepts that say something: in fewer than this share of passages. */
const GLOSS_MAX_DF_SHARE = 0.25;

/** For a reader of the other language: the quote's key concepts in theirs ("key terms in English: ..."). */
export function addGloss(b: SentenceBuilder, context: ComposeContext, quoted: string, source: Pick<Passage, "lang" | "docId">): SentenceBuilder {
  if (source.lang === context.lang) return b;
  // How common a term is, in the quote's own document: another document in the index (an English paper)
  // makes the review's words no rarer within the review.
  const stats = termStatsOf(context.termStats, source.docId);
  const n = Math.max(1, stats.documents);
  // A phrase is at most as common as its rarest word ("kerja sama": "sama" and "kerja" are everywhere apart).
  const share = (canonical: string[]) => (canonical.length === 0 ? 0 : Math.min(...canonical.map((t) => (stats.df[t] ?? 0) / n)));
  const keep = (canonical: string[]) => share(canonical) < GLOSS_MAX_DF_SHARE;
  // The question's own concepts (its stems and what the lexicon makes of them) are what the reader already has.
  const analysis = context.question.analysis;
  const askedStems = new Set([...analysis.terms, ...analysis.canonical, ...analysis.expansions]);
  const asked = (canonical: string[]) => canonical.every((t) => askedStems.has(t));
  const terms = glossOf(quoted, context.lang, { keep, commonness: share, asked });
  if (terms.length === 0) return b;
  return b.say(` (${MESSAGES[context.lang].keyTerms}: ${terms.join(", ")})`);
}
