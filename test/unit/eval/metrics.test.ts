import { describe, expect, it } from "vitest";
import { abstentionCounts, abstentionRates, citationIsValid, isRelevant, mustIncludeHits, percentile, rankMetrics } from "../../../src/eval/metrics.ts";
import { summarise, type QuestionRecord } from "../../../src/eval/runner.ts";

const record = (over: Partial<QuestionRecord>): QuestionRecord => ({
  id: "q", kind: "fact", lang: "id", question: "?", outOfScope: false, relevant: [true], mustInclude: ["72%"], missing: [],
  mustIncludeHits: 1, citations: 1, validCitations: 1, supportedCitations: 1, abstained: false, ms: 5, answer: "72% [1]", ...over,
});

describe("metrics on hand-made cases", () => {
  it("a perfect answer scores 1 everywhere", () => {
    const m = summarise([record({}), record({ id: "o", outOfScope: true, abstained: true, mustInclude: [], mustIncludeHits: 0, citations: 0, validCitations: 0, supportedCitations: 0 })]);
    expect(m.retrieval).toMatchObject({ recallAt1: 1, recallAt5: 1, mrr: 1 });
    expect(m.answers).toMatchObject({ mustInclude: 1, citationValidity: 1, citationSupport: 1 });
    expect(m.abstention).toMatchObject({ precision: 1, recall: 1, falseAbstainRate: 0 });
  });

  it("catches a wrong citation: a quote that is not in the passage", () => {
    expect(citationIsValid("menjadi 14%", "dan pada 12 bulan menjadi 14% (p <0,001)")).toBe(true);
    expect(citationIsValid("menjadi 15%", "dan pada 12 bulan menjadi 14% (p <0,001)")).toBe(false);
    expect(citationIsValid("anything", undefined)).toBe(false);
    expect(summarise([record({ validCitations: 0 })]).answers.citationValidity).toBe(0);
  });

  it("counts an abstention on an in-scope question as an error", () => {
    const counts = abstentionCounts([{ outOfScope: false, abstained: true }, { outOfScope: true, abstained: true }, { outOfScope: true, abstained: false }]);
    expect(counts).toEqual({ truePositive: 1, falsePositive: 1, falseNegative: 1, inScope: 1, outOfScope: 2 });
    expect(abstentionRates(counts)).toEqual({ precision: 0.5, recall: 0.5, falseAbstainRate: 1, falseAnswerRate: 0.5 });
  });

  it("ranks: recall@1, recall@5 and reciprocal rank", () => {
    expect(rankMetrics([false, false, true])).toEqual({ recallAt1: 0, recallAt5: 1, mrr: 1 / 3 });
    expect(rankMetrics([false, false, false, false, false, true])).toEqual({ recallAt1: 0, recallAt5: 0, mrr: 1 / 6 });
  });

  it("relevance needs the gold study and the gold section", () => {
    expect(isRelevant({ section: "tabel", studies: [9] }, { studies: [9], sections: ["tabel"] })).toBe(true);
    expect(isRelevant({ section: "pembahasan", studies: [9] }, { studies: [9], sections: ["tabel"] })).toBe(false);
    expect(isRelevant({ section: "metode", studies: [] }, { studies: [], sections: ["metode"] })).toBe(true);
  });

  it("must-include facts allow alternatives and ignore case and spacing", () => {
    expect(mustIncludeHits("Setelah 12 Bulan, remaja ...", ["12 bulan|12 months", "MLMC"])).toEqual([true, false]);
  });

  it("percentiles by nearest rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
  });
});
