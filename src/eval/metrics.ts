/**
 * Metric functions: pure, small, tested on hand-made cases (test/unit/eval/metrics.test.ts).
 */
export interface Labels {
  section: string;
  studies: number[];
}

export interface Gold {
  studies: number[];
  sections: string[];
}

/** A passage answers the question when it is about a gold study (if any) and in a gold section (if any). */
export function isRelevant(passage: Labels, gold: Gold): boolean {
  const studyOk = gold.studies.length === 0 || passage.studies.some((s) => gold.studies.includes(s));
  const sectionOk = gold.sections.length === 0 || gold.sections.includes(passage.section);
  return studyOk && sectionOk;
}

export interface RankMetrics {
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/** For one ranked list of relevance flags: hit@1, hit@5, reciprocal rank. */
export function rankMetrics(relevant: boolean[]): RankMetrics {
  const first = relevant.indexOf(true);
  return {
    recallAt1: first === 0 ? 1 : 0,
    recallAt5: first >= 0 && first < 5 ? 1 : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

/** Lower case, no whitespace: how facts and quotes are compared (line breaks and spacing do not count). */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "");
}

/** Which must-include facts ("a|b" = either) the answer contains. */
export function mustIncludeHits(answer: string, mustInclude: string[]): boolean[] {
  const text = normalizeForMatch(answer);
  return mustInclude.map((fact) => fact.split("|").some((alt) => text.includes(normalizeForMatch(alt))));
}

/** A citation is valid when its quote is an exact substring of the passage it names. */
export function citationIsValid(quote: string, passageText: string | undefined): boolean {
  return passageText !== undefined && quote.length > 0 && passageText.includes(quote);
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface AbstentionCounts {
  /** Out-of-scope questions that abstained. */
  truePositive: number;
  /** In-scope questions that abstained. */
  falsePositive: number;
  /** Out-of-scope questions that were answered. */
  falseNegative: number;
  inScope: number;
  outOfScope: number;
}

export function abstentionCounts(records: { outOfScope: boolean; abstained: boolean }[]): AbstentionCounts {
  const c = { truePositive: 0, falsePositive: 0, falseNegative: 0, inScope: 0, outOfScope: 0 };
  for (const r of records) {
    if (r.outOfScope) {
      c.outOfScope++;
      if (r.abstained) c.truePositive++;
      else c.falseNegative++;
    } else {
      c.inScope++;
      if (r.abstained) c.falsePositive++;
    }
  }
  return c;
}

export function abstentionRates(c: AbstentionCounts) {
  const abstained = c.truePositive + c.falsePositive;
  return {
    precision: abstained === 0 ? 0 : c.truePositive / abstained,
    recall: c.outOfScope === 0 ? 0 : c.truePositive / c.outOfScope,
    falseAbstainRate: c.inScope === 0 ? 0 : c.falsePositive / c.inScope,
    falseAnswerRate: c.outOfScope === 0 ? 0 : c.falseNegative / c.outOfScope,
  };
}
