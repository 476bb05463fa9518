/**
 * When to say "the document does not cover this". Three reasons, each a value the answer reports:
 *  - nothing retrieved covers enough of the question (best coverage under MIN_COVERAGE);
 *  - the question turns on words the corpus never uses and no translation reaches (a name, a number, a
 *    concept): their share of the question's weight is at least UNKNOWN_SHARE;
 *  - the question asks for a kind of value (a cost, a prevalence, a breakdown, a duration, a sample size,
 *    contact details, this year's figures, a p-value) and no on-topic sentence carries one.
 * The thresholds were calibrated on the dev split only (docs/answers.md).
 */
import { frameNounStems, stemsAsking, type AnswerType } from "../retrieve/question.ts";
import { coverage, type ScoredSentence, type WeightedTerm } from "./evidence.ts";

/** Defaults; ABSTAIN_MIN_COVERAGE and ABSTAIN_UNKNOWN_SHARE override minCoverage and unknownShare (sweeps). */
export const ABSTAIN = {
  /** Below this, the best sentence shares too little of the question to answer it. */
  minCoverage: 0.3,
  /** For a question about a study it names, the evidence is that study's own text: less is enough. */
  minCoverageNamedStudy: 0.15,
  /** A question whose other words are well covered is answered, with what the corpus does not mention said plainly. */
  strongCoverage: 0.6,
  /** From this share of the question's weight on words the corpus never uses, it cannot answer. */
  unknownShare: 0.35,
  /**
   * From this share of the question's weight on concepts the lexicon knows and the document never uses
   * ("licence", "released" asked of a paper that only says its code is on GitHub), it cannot answer however
   * well its other words are covered: most of what it asks is not there.
   */
  absentConcepts: 0.5,
  /** Sentences within this share of the best coverage are "on topic" for the value-type check. */
  onTopic: 0.7,
} as const;

/** The sentences close enough to the best to answer it; for a named study, any of its own sentences may carry the value ("enam penyintas" for "how many participants?"). */
export function onTopicSentences(ranked: ScoredSentence[], namedStudy: boolean, thresholds: { onTopic: number } = ABSTAIN): ScoredSentence[] {
  const bestCoverage = ranked[0]?.coverage ?? 0;
  return ranked.filter((s) => s.coverage >= thresholds.onTopic * bestCoverage || (namedStudy && s.passage.studies.length > 0));
}

/** Kinds of value a sentence gives only in words that say what it is ("p < 0.05", "sponsored by", a phone number). */
const SELF_EVIDENT_TYPES: readonly AnswerType[] = ["pvalue", "funder", "contact"];

export interface AbstainDecision {
  abstain: boolean;
  reason: string;
  /** Words of the question the corpus never uses, when it answers anyway (said in the answer). */
  notMentioned: string[];
  /** The answer types no sentence carried (for the specific message). */
  missingTypes: AnswerType[];
  bestCoverage: number;
}

import { carriesType, numberNear } from "./value-types.ts";

export { carriesType };

export type PopulationOf = (s: ScoredSentence) => ReadonlySet<string>;

export interface AbstainInput {
  answerTypes: AnswerType[];
  /** The question names a study or a section: the evidence is that study's or section's text. */
  namedStudy: boolean;
  /** The stems of the population of the study a sentence is from (its shares are of them). */
  population?: PopulationOf;
  /** What a count asks the number of, with its translations (Question.counted): a number answers it only beside one. */
  counted?: Set<string>;
  /**
   * Stems that only say where to look: the name of the document the question names. Of "Which hospital was
   * involved in the TAM study?" the absent "hospital" is the topic, and "TAM" does not dilute it.
   */
  scope?: Set<string>;
  /** Question.typedStems. */
  typed?: { type: AnswerType; stems: string[] }[];
  /**
   * The stems of the name the question calls its document by ("PaSa", "TraceMonkey", "TAM"). Every sentence of
   * that document is about it, so the name covers none of what is asked: "What is PaSa's latency per query?"
   * is covered only as far as a sentence speaks of latency and queries.
   */
  named?: Set<string>;
  /**
   * The question's topic beyond the names it writes ("capital" of "What is the capital of Indonesia?"). When
   * the corpus uses none of it, only the names could be matched, and a sentence that merely names them is no
   * answer.
   */
  topicBeyondNames?: Set<string>;
  /** Names of several words the question writes that the document never writes together ("Internet Explorer"), as stems. */
  absentNames?: string[][];
  /** What the question is about (Question.topic): no framing words, nor the names of the study or document asked of. */
  topic?: Set<string>;
}

/**
 * Whether a sentence gives a value of the type asked for what the question counts (Question.counted, with its
 * translations): an amount beside a counted word (a data row's number is named by its columns instead), a
 * share in a sentence that names what it is a share of ("Pada awal 72% ... remaja"), anywhere in it.
 */
export function givesValue(s: ScoredSentence, type: AnswerType, counted?: Set<string>, population?: PopulationOf): boolean {
  if (!carriesType(s.text, type)) return false;
  if (!counted || counted.size === 0) return true;
  if (type === "amount") return s.row || numberNear(s.text, counted);
  // A study's shares are of its own population, said or not ("72% ... CSE" in a study of adolescents).
  // (A unit of several words, a translation such as "anak laki", is there when all of its words are.)
  if (type === "prevalence") return [...counted].some((c) => c.split(" ").every((w) => s.terms.has(w)) || (population?.(s).has(c) ?? false));
  return true;
}

export function decideAbstention(ranked: ScoredSentence[], weights: WeightedTerm[], input: AbstainInput, thresholds: typeof ABSTAIN | Record<keyof typeof ABSTAIN, number> = ABSTAIN): AbstainDecision {
  const best = ranked[0];
  // (What is asked beyond the document's name, when there is more to it: "What is PaSa?" is all name.)
  const asked = input.named && input.named.size > 0 ? weights.filter((w) => !input.named!.has(w.term)) : weights;
  const beyondName = asked.length < weights.length && asked.some((w) => w.weight > 0 && !w.salient);
  const bestCoverage = beyondName ? Math.max(0, ...ranked.map((s) => coverage(s, asked))) : (best?.coverage ?? 0);
  const total = weights.filter((w) => !input.scope?.has(w.term)).reduce((s, w) => s + w.weight, 0) || 1;
  // A word that asks for a kind of value only that value's own words give ("statistically significant": a
  // sentence with "p < 0,001" gives one) is checked by the value's type, not a word the text must use. (A
  // number is no such proof: "sampel" stays a word the text must have.)
  const askingWords = new Set(stemsAsking({ typedStems: input.typed ?? [] }, SELF_EVIDENT_TYPES));
  // ("the role of", "fungsi": a word that frames what is asked need not be in the text that answers it.)
  const frames = frameNounStems();
  const unknown = weights.filter((w) => w.salient && !askingWords.has(w.term) && !frames.has(w.term));
  const unknownShare = unknown.reduce((s, w) => s + w.weight, 0) / total;
  const none = { notMentioned: [] as string[], bestCoverage };
  if (!best) return { abstain: true, reason: "nothing retrieved", missingTypes: input.answerTypes, ...none };
  const minCoverage = input.namedStudy ? thresholds.minCoverageNamedStudy : thresholds.minCoverage;
  // A name or number the corpus never uses ("Thailand", "ECPAT", "2023") is what the question is about:
  // unless the question is scoped to a study or section the corpus has, it cannot be answered.
  // Scoped to a study or section, the rest of the question may still be answered ("Apakah sesi koordinasi Gugus
  // Tugas memakai PRISMA?"), unless the rest is only what names the study: "What is the GDP of Ivory Coast?" of
  // the Ivory Coast study asks for nothing but the GDP.
  const names = unknown.filter((w) => w.salience === "name" || w.salience === "number");
  const onlyNamesBeside = input.topic !== undefined && input.topic.size > 0 && [...input.topic].every((t) => names.some((w) => w.term === t));
  if (names.length > 0 && (!input.namedStudy || onlyNamesBeside)) {
    return { abstain: true, reason: `the corpus never mentions ${names.map((w) => w.term).join(", ")}`, missingTypes: [], ...none, notMentioned: names.map((w) => w.term) };
  }
  // ... and so is a name of several words the document never writes, though it has each word on its own
  // ("Internet Explorer" of a paper that says "exploring").
  const absent = input.absentNames ?? [];
  if (absent.length > 0 && !input.namedStudy) {
    return { abstain: true, reason: `the document never writes ${absent.map((n) => n.join(" ")).join(", ")}`, missingTypes: [], ...none, notMentioned: absent.flat() };
  }
  // "What is the capital of Indonesia?", "What is the weather in Jepara?": every word of what it asks beyond
  // the names it writes is one the corpus never uses.
  const beyond = weights.filter((w) => input.topicBeyondNames?.has(w.term) && !w.identity && !input.scope?.has(w.term) && !frames.has(w.term));
  if (beyond.length > 0 && beyond.every((w) => w.unknown) && !input.namedStudy) {
    return { abstain: true, reason: `the corpus never uses ${beyond.map((w) => w.term).join(", ")}, and the rest only names`, missingTypes: input.answerTypes, ...none };
  }
  // A question whose other words are well covered is answered ... unless most of it is absent concepts.
  const conceptShare = unknown.filter((w) => w.salience === "concept").reduce((s, w) => s + w.weight, 0) / total;
  const onTopic = onTopicSentences(ranked, input.namedStudy, thresholds);
  // A value of the type asked for in the named study's own text answers it, however few words it shares
  // ("enam penyintas" for "how many participants?"). Not so for a bare number ("How many interviews did
  // study 2 do?"): any sentence of the study may hold one, so it must come from a sentence on the topic.
  const strictlyOnTopic = onTopicSentences(ranked, false, thresholds);
  const gives = (t: AnswerType) => (t === "amount" ? strictlyOnTopic : onTopic).some((s) => givesValue(s, t, input.counted, input.population));
  if (unknownShare >= thresholds.unknownShare && (bestCoverage < thresholds.strongCoverage || conceptShare >= thresholds.absentConcepts)) {
    // (What kind of value is missing is said too: "It does not say how long this lasted.")
    return { abstain: true, reason: `the corpus never uses ${unknown.map((w) => w.term).join(", ")} (${Math.round(unknownShare * 100)}% of the question)`, missingTypes: input.answerTypes.filter((t) => !gives(t)), ...none, notMentioned: unknown.map((w) => w.term) };
  }
  const typed = input.namedStudy && input.answerTypes.length > 0 && input.answerTypes.every(gives);
  if (bestCoverage < minCoverage && !typed) {
    return { abstain: true, reason: `best coverage ${bestCoverage.toFixed(2)} < ${minCoverage}`, missingTypes: [], ...none };
  }
  const missingTypes = input.answerTypes.filter((t) => !gives(t));
  if (missingTypes.length > 0) return { abstain: true, reason: `asks for ${missingTypes.join(", ")}; no on-topic sentence gives one`, missingTypes, ...none };
  // Said in the answer ("It does not mention PRISMA."): the names and numbers, which are what it is about. A
  // concept word the answer goes without ("sesi", "specific", "statistically") is too often only a way of
  // putting the question to be worth a sentence.
  return { abstain: false, reason: "", missingTypes: [], notMentioned: names.map((w) => w.term), bestCoverage };
}
