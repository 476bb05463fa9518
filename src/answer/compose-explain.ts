/**
 * Answers from prose: the sentences of the retrieved passages that carry what the question asks (a
 * reason, a recommendation, a result, a definition, a number), each quoted once and cited, introduced by
 * who says it ("Study 3 (Rafferty, 2018) reports: «...»", "According to the review, «...»"). Reference-list
 * entries are never quoted as an answer. When nothing is good enough it abstains, saying what is missing.
 */
import type { Passage } from "../domain/passage.ts";
import { ABSTAIN, decideAbstention, type AbstainDecision } from "./abstain.ts";
import { addGloss, type ComposeContext, type Composition } from "./compose-context.ts";
import { overlap, scoreSentences, sentencesOf, weighQuestion, type ScoredSentence } from "./evidence.ts";
import { MESSAGES } from "./messages.ts";
import { SentenceBuilder, studyLabel } from "./render.ts";
import type { AnswerSentence } from "./types.ts";

export const SELECTION = {
  /** A further quote must score at least this share of the best one. */
  minRelativeScore: 0.6,
  /** ... and cover at least this share of what the best one covers. */
  minRelativeCoverage: 0.5,
  /** Two quotes sharing this much of their words say the same thing: keep one. */
  maxOverlap: 0.6,
  /** An English asker gets the English abstract's sentence when it is about as good as the Indonesian one. */
  sameLanguageBonus: 0.05,
} as const;

export interface ExplainInput {
  passages: Passage[];
  /** The user's own words (a follow-up's search text also holds the previous question). */
  ownText: string;
  searchText: string;
  /** Stems that only name the study (weighed less). */
  identity: Set<string>;
}

/** Pick the quotes: the best first, then others nearly as good that say something new. */
export function selectQuotes(ranked: ScoredSentence[], max: number): ScoredSentence[] {
  const best = ranked[0];
  if (!best) return [];
  const chosen: ScoredSentence[] = [best];
  for (const s of ranked.slice(1)) {
    if (chosen.length >= max) break;
    if (s.score < SELECTION.minRelativeScore * best.score || s.coverage < SELECTION.minRelativeCoverage * best.coverage) continue;
    if (chosen.some((c) => overlap(c.terms, s.terms) >= SELECTION.maxOverlap)) continue;
    chosen.push(s);
  }
  return chosen;
}

/** The document that answers best: quotes come from one document, so facts never cross between documents. */
function bestDocument(ranked: ScoredSentence[]): string | undefined {
  return ranked[0]?.passage.docId;
}

function sayWho(context: ComposeContext, s: ScoredSentence): string {
  const m = MESSAGES[context.lang];
  const records = s.passage.studies.map((n) => context.records.find((r) => r.docId === s.passage.docId && r.number === n)).filter((r) => r !== undefined);
  if (records.length === 1) return m.reports(studyLabel(records[0]!, context.lang));
  const doc = context.documents.find((d) => d.id === s.passage.docId);
  const multi = context.documents.length > 1;
  return m.according(multi && doc ? doc.short : m.theReview);
}

export function composeExplain(context: ComposeContext, input: ExplainInput): Composition & { decision: AbstainDecision } {
  const m = MESSAGES[context.lang];
  const own = new Set(weighQuestion(input.ownText, context.termStats).map((w) => w.term));
  const weights = weighQuestion(input.searchText, context.termStats, { identity: input.identity, own });
  const quotable = input.passages.filter((p) => p.kind !== "reference");
  let ranked = scoreSentences(sentencesOf(quotable), weights, context.question, Math.max(1, quotable.length));
  if (context.lang === "en") {
    ranked = ranked.map((s) => (s.passage.lang === "en" ? { ...s, score: s.score + SELECTION.sameLanguageBonus } : s)).sort((a, b) => b.score - a.score);
  }
  const decision = decideAbstention(ranked, weights, context.question.answerTypes, ABSTAIN);
  if (decision.abstain) {
    const b = new SentenceBuilder().say(m.notCovered);
    for (const type of decision.missingTypes) b.say(` ${m.notCoveredType[type]}`);
    return { sentences: [b.done("frame")], abstained: true, studies: [], reason: decision.reason, bestSupport: decision.bestCoverage, decision };
  }
  const doc = bestDocument(ranked);
  const chosen = selectQuotes(ranked.filter((s) => s.passage.docId === doc), context.maxSentences);
  // Reading order within a passage; the strongest passage first.
  const sentences: AnswerSentence[] = [];
  const studies: number[] = [];
  for (const s of chosen) {
    const b = new SentenceBuilder().say(`${sayWho(context, s)} `).quote(s.text).cite(context.citations.cite(s.passage, s.start, s.end));
    addGloss(b, context, s.text, s.passage.lang);
    sentences.push(b.done());
    for (const n of s.passage.studies) if (!studies.includes(n)) studies.push(n);
  }
  return { sentences, abstained: false, studies, reason: "", bestSupport: decision.bestCoverage, decision };
}
