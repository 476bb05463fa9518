import { describe, expect, it } from "vitest";
import { citationIsValid, factHits, isPadding, isRelevant, itemRecall, normalizeForMatch, ownWords, percentile, rankMetrics, statesCount, studyPrecision } from "./metrics.ts";
import { summarise, type QuestionRecord } from "./runner.ts";

const gold = (g: Partial<{ studies: number[]; sections: string[]; docs: string[]; pages: number[] }>) => ({ studies: [], sections: [], docs: [], pages: [], ...g });

describe("relevance and ranks", () => {
  it("needs the gold document, study and (page or else) section", () => {
    expect(isRelevant({ section: "tabel", studies: [3] }, gold({ studies: [3], sections: ["table"] }))).toBe(true);
    expect(isRelevant({ section: "discussion", studies: [3] }, gold({ studies: [3], sections: ["table"] }))).toBe(false);
    expect(isRelevant({ docId: "a.pdf", section: "methods", page: 4, studies: [] }, gold({ docs: ["a.pdf"], pages: [4], sections: ["results"] }))).toBe(true);
    expect(isRelevant({ docId: "b.pdf", section: "methods", page: 4, studies: [] }, gold({ docs: ["a.pdf"] }))).toBe(false);
  });

  it("scores the first relevant rank", () => {
    expect(rankMetrics([false, true, false])).toEqual({ recallAt1: 0, recallAt5: 1, mrr: 0.5 });
    expect(rankMetrics([false, false, false, false, false, true])).toEqual({ recallAt1: 0, recallAt5: 0, mrr: 1 / 6 });
  });
});

describe("facts, quotes and padding", () => {
  it("matches a fact's alternatives ignoring case, spaces, quote and dash styles", () => {
    expect(normalizeForMatch("Côte d’Ivoire – 2011")).toBe(normalizeForMatch("côte d'ivoire - 2011"));
    expect(factHits("Studi 6 dilakukan di Pantai Gading", ["Côte d'Ivoire|Pantai Gading", "2016"])).toEqual([true, false]);
  });

  it("keeps only the assistant's own words, or also the quotes in the reader's language", () => {
    const answer = "Study 9 reports «Pada awal 72% remaja ...» [1] and «At baseline 72% of youth» [2] (key terms: baseline).";
    expect(ownWords(answer)).not.toMatch(/72%/);
    expect(ownWords(answer, [], "en")).toMatch(/At baseline 72%/);
    expect(ownWords(answer, [], "en")).not.toMatch(/Pada awal/);
  });

  it("calls a citation padding when its quote carries none of the question's facts", () => {
    expect(isPadding("Google scholar", ["Jepara|Sunu Ngesti Tomo"])).toBe(true);
    expect(isPadding("balai Sunu Ngesti Tomo Jepara", ["Jepara|Sunu Ngesti Tomo"])).toBe(false);
    expect(isPadding("anything", [])).toBe(false);
  });

  it("accepts a citation only when the quote is the passage's text at its offsets", () => {
    expect(citationIsValid("awal 72%", "Pada awal 72% remaja", 5, 13)).toBe(true);
    expect(citationIsValid("awal 72%", "Pada awal 72% remaja", 0, 8)).toBe(false);
    expect(citationIsValid("", "x")).toBe(false);
  });
});

describe("lists and counts", () => {
  it("measures item recall over items and precision over the studies named", () => {
    expect(itemRecall("Indonesia and the United States", ["Indonesia", "Amerika Serikat|United States", "Pantai Gading"])).toBeCloseTo(2 / 3);
    expect(studyPrecision([1, 2, 2, 9], [1, 2])).toBeCloseTo(2 / 3);
    expect(studyPrecision([], [1])).toBeUndefined();
  });

  it("finds a count as digits or a number word, not inside a larger number", () => {
    expect(statesCount("Seven articles came from Google Scholar", 7)).toBe(true);
    expect(statesCount("7 articles", 7)).toBe(true);
    expect(statesCount("tujuh artikel", 7)).toBe(true);
    expect(statesCount("in 2017", 7)).toBe(false);
    expect(statesCount("3.7 points", 7)).toBe(false);
  });

  it("takes the nearest-rank percentile", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("summarise", () => {
  const record = (r: Partial<QuestionRecord>): QuestionRecord => ({
    id: "q", kind: "fact", lang: "en", question: "?", answerable: true, relevant: [true], relevantUnfiltered: [true], facts: ["a"], missing: [],
    factHits: 1, ownFactHits: 0, readableFactHits: 1, citations: 1, validCitations: 1, paddingCitations: 0, wrongDocCitations: 0, abstained: false, ms: 1, answer: "a", ...r,
  });

  it("counts abstention recall over unanswerable questions and false abstentions over answerable ones", () => {
    const m = summarise([record({}), record({ abstained: true, factHits: 0, missing: ["a"] }), record({ answerable: false, facts: [], abstained: true }), record({ answerable: false, facts: [], abstained: false })]);
    expect(m.abstention.recall).toBe(0.5);
    expect(m.abstention.falseAbstainRate).toBe(0.5);
    expect(m.answers.mustInclude).toBe(0.5);
  });

  it("judges a multi-turn conversation on its final turn", () => {
    const m = summarise([record({ kind: "multiturn" }), record({ kind: "multiturn", factHits: 0, missing: ["a"] })]);
    expect(m.multiturn).toEqual({ success: 0.5, n: 2 });
  });

  it("counts English facts in own words and in English separately", () => {
    const m = summarise([record({ ownFactHits: 0, readableFactHits: 1 })]);
    expect(m.language).toEqual({ englishOwnWords: 0, englishReadable: 1, n: 1 });
  });
});
