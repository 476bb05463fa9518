/** Matching the question-word phrases against a question's tokens. */
import { describe, expect, it } from "vitest";
import { hasPhrase, phrasesIn, questionTokens } from "./question-words.ts";

describe("phrasesIn", () => {
  it("reads an English possessive as the word it is written on", () => {
    expect(hasPhrase(questionTokens("What years did this review's search cover?"), ["this review"])).toBe(true);
    expect(hasPhrase(questionTokens("How did the authors’ search work?"), ["the authors"])).toBe(true);
    // ... but not a longer word that happens to start with it.
    expect(hasPhrase(questionTokens("What did the reviewers say?"), ["the review"])).toBe(false);
    expect(hasPhrase(questionTokens("the author's choice"), ["the authors"])).toBe(false);
  });

  it("matches a starred part as a prefix and keeps the longest phrase at each position", () => {
    expect(phrasesIn(questionTokens("kriteria inklusinya apa"), ["kriteria", "kriteria inklusi*"]).map((m) => m.phrase)).toEqual(["kriteria inklusi*"]);
  });
});
