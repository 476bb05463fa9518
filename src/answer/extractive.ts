/**
 * The default composer: no model, no network. It quotes the sentences of the retrieved passages that best
 * answer the question (coverage of the question's weighted terms, the kind of answer asked for, diversity),
 * in a sensible order, with a citation marker after every quote. Apart from a short frame in the
 * question's language, every word is the review's. Abstains when the evidence is too weak.
 */
import type { Lang } from "../ingest/types.ts";
import type { Intent } from "../retrieve/query.ts";
import { makeCitation, type ReferenceBook } from "./citations.ts";
import { hasQuantity, overlap, type Candidate, type WeightedTerm } from "./evidence.ts";
import { MESSAGES } from "./messages.ts";
import type { AnswerSentence, Citation } from "./types.ts";

export interface Composition {
  answer: string;
  citations: Citation[];
  sentences: AnswerSentence[];
  abstained: boolean;
}

export interface AbstainThresholds {
  /** Below this coverage of the question by the best quote, nothing answers it. */
  minCoverage: number;
  /** From this share of the question's weight on salient words the review never uses, it cannot answer. */
  unknownShare: number;
}

/** Calibrated on eval/questions.jsonl (docs/answers.md); ABSTAIN_MIN_COVERAGE / ABSTAIN_UNKNOWN_SHARE. */
export const DEFAULT_ABSTAIN: AbstainThresholds = { minCoverage: 0.12, unknownShare: 0.12 };

export interface AbstainDecision {
  abstain: boolean;
  reason: string;
  bestCoverage: number;
}

const AMOUNT_INTENTS = (intents: Intent[]) => intents.includes("numeric") && !intents.includes("when");

export function decideAbstention(candidates: Candidate[], weights: WeightedTerm[], intents: Intent[], thresholds: AbstainThresholds = DEFAULT_ABSTAIN): AbstainDecision {
  const threshold = thresholds.minCoverage;
  if (candidates.length === 0) return { abstain: true, reason: "nothing retrieved", bestCoverage: 0 };
  const bestCoverage = Math.max(...candidates.map((c) => c.coverage));
  if (bestCoverage < threshold) return { abstain: true, reason: `best coverage ${bestCoverage.toFixed(2)} < ${threshold}`, bestCoverage };
  // "How many ...?" is answered only by an on-topic quote that has a number in it.
  const onTopic = candidates.filter((c) => c.coverage >= 0.7 * bestCoverage);
  if (AMOUNT_INTENTS(intents) && !onTopic.some((c) => hasQuantity(c.text))) {
    return { abstain: true, reason: "asks for an amount; no quote gives one", bestCoverage };
  }
  const salient = weights.filter((w) => w.salient);
  const total = weights.reduce((s, w) => s + w.weight, 0) || 1;
  const unknownShare = salient.reduce((s, w) => s + w.weight, 0) / total;
  if (unknownShare >= thresholds.unknownShare) {
    return { abstain: true, reason: `the review never mentions ${salient.map((w) => w.term).join(", ")} (${(unknownShare * 100).toFixed(0)}% of the question)`, bestCoverage };
  }
  return { abstain: false, reason: "", bestCoverage };
}

interface Group {
  candidates: Candidate[];
  best: number;
}

const FIELD_LINE = /^(Nama Penulis|Tahun|Nama Jurnal|Database|Metode):/;

/**
 * Choose quotes: best first, then others that are nearly as good and say something new. A question about
 * several studies gets the best quote of each first; a table cell quoted for a study the question did not
 * name comes with that row's title, so the reader knows which study it is.
 */
export function selectQuotes(candidates: Candidate[], intents: Intent[], maxSentences: number, studies: number[] = []): Candidate[] {
  if (candidates.length === 0) return [];
  const limit = intents.includes("list") || intents.includes("compare") ? Math.round(maxSentences * 1.6) : maxSentences;
  const best = candidates[0];
  const chosen: Candidate[] = [best];
  if (studies.length >= 2) {
    for (const study of studies) {
      const top = candidates.find((c) => c.passage.studies.includes(study) && c.score >= 0.3 * best.score);
      if (top && !chosen.includes(top)) chosen.push(top);
    }
  }
  // A metadata question about a named study ("who wrote study 10?") is answered by table cells alone.
  const metadata = intents.some((i) => i === "who" || i === "when" || i === "journal" || i === "database" || i === "method");
  const cellsOnly = metadata && FIELD_LINE.test(best.text) && best.passage.studies.some((n) => studies.includes(n));
  for (const c of candidates.slice(1)) {
    if (chosen.length >= limit) break;
    if (cellsOnly && !FIELD_LINE.test(c.text)) continue;
    if (c.score < 0.55 * best.score || c.coverage < 0.45 * best.coverage) continue;
    if (chosen.some((s) => s.passage.id === c.passage.id && s.start === c.start)) continue;
    if (chosen.some((s) => overlap(s.stems, c.stems) >= 0.6)) continue;
    chosen.push(c);
  }
  for (const c of [...chosen]) {
    if (!FIELD_LINE.test(c.text) || c.passage.studies.some((n) => studies.includes(n))) continue;
    const title = candidates.find((t) => t.passage.id === c.passage.id && t.text.startsWith("Judul Artikel:"));
    if (title && !chosen.includes(title)) chosen.push(title);
  }
  return chosen;
}

/** Quotes of one passage that are next to each other become one citation. */
function groupQuotes(quotes: Candidate[]): Group[] {
  const byPassage = new Map<string, Candidate[]>();
  for (const q of quotes) byPassage.set(q.passage.id, [...(byPassage.get(q.passage.id) ?? []), q]);
  const groups: Group[] = [];
  for (const list of byPassage.values()) {
    list.sort((a, b) => a.position - b.position);
    let current: Candidate[] = [];
    for (const q of list) {
      const previous = current[current.length - 1];
      // Adjacent sentences merge into one quote, but never across a line break (table cells stay apart).
      const adjacent = previous && q.position === previous.position + 1 && !q.passage.text.slice(previous.end, q.start).includes("\n");
      if (current.length > 0 && !adjacent) {
        groups.push({ candidates: current, best: Math.max(...current.map((c) => c.score)) });
        current = [];
      }
      current.push(q);
    }
    if (current.length > 0) groups.push({ candidates: current, best: Math.max(...current.map((c) => c.score)) });
  }
  // The strongest quote leads; quotes of the same passage stay together in reading order.
  const passageBest = new Map<string, number>();
  for (const g of groups) passageBest.set(g.candidates[0].passage.id, Math.max(passageBest.get(g.candidates[0].passage.id) ?? 0, g.best));
  return groups.sort(
    (a, b) =>
      passageBest.get(b.candidates[0].passage.id)! - passageBest.get(a.candidates[0].passage.id)! ||
      a.candidates[0].position - b.candidates[0].position,
  );
}

function render(lang: Lang, groups: Group[], list: boolean, crossLingual: boolean, book: ReferenceBook, lead?: string): Composition {
  const m = MESSAGES[lang];
  const citations: Citation[] = [];
  const sentences: AnswerSentence[] = [];
  for (const group of groups) {
    const first = group.candidates[0];
    const last = group.candidates[group.candidates.length - 1];
    const n = citations.length + 1;
    const citation = makeCitation(n, first.passage, first.start, last.end, book);
    citations.push(citation);
    sentences.push({ text: citation.quote, citations: [n], kind: "quoted" });
  }
  const frame = lead ?? (crossLingual ? m.frameCrossLingual : list ? m.frameList : m.frame);
  const body = list
    ? sentences.map((s) => `- ${s.text} [${s.citations[0]}]`).join("\n")
    : sentences.map((s) => `${s.text} [${s.citations[0]}]`).join(" ");
  const answer = list || lead ? `${frame}\n${body}` : `${frame} ${body}`;
  return { answer, citations, sentences, abstained: false };
}

export interface ExtractiveInput {
  candidates: Candidate[];
  weights: WeightedTerm[];
  intents: Intent[];
  lang: Lang;
  maxSentences: number;
  book: ReferenceBook;
  /** Studies the question names (or the conversation carried over). */
  studies?: number[];
  abstain?: AbstainThresholds;
}

export function composeExtractive(input: ExtractiveInput): Composition & { decision: AbstainDecision } {
  const { candidates, intents, lang, book } = input;
  const decision = decideAbstention(candidates, input.weights, intents, input.abstain);
  const m = MESSAGES[lang];
  if (decision.abstain) {
    if (candidates.length === 0) return { answer: m.noPassages, citations: [], sentences: [], abstained: true, decision };
    // Point to the nearest things the review does cover: the best quotes of the two best passages that
    // share at least some of the question's words (otherwise there is nothing near to point to).
    const nearest: Candidate[] = [];
    for (const c of candidates.filter((x) => x.coverage >= 0.1)) {
      if (nearest.length >= 2) break;
      if (!nearest.some((n) => n.passage.id === c.passage.id)) nearest.push(c);
    }
    if (nearest.length === 0) return { answer: m.noPassages, citations: [], sentences: [], abstained: true, decision };
    const groups = nearest.map((c) => ({ candidates: [c], best: c.score }));
    const composed = render(lang, groups, true, false, book, `${m.notCovered} ${m.nearest}`);
    return { ...composed, abstained: true, decision };
  }
  const quotes = selectQuotes(candidates, intents, input.maxSentences, input.studies);
  const groups = groupQuotes(quotes);
  // Two or more quotes read best one per line, whatever the question.
  const list = groups.length >= 2;
  const crossLingual = lang === "en" && quotes.every((q) => q.passage.lang === "id");
  return { ...render(lang, groups, list, crossLingual, book), decision };
}
