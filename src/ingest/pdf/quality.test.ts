import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MIN_DICTIONARY_RATE, pageQuality } from "./quality.ts";

const REVIEW = readFileSync(new URL("../../../corpus/review-child-trafficking-programs.txt", import.meta.url), "utf8");
const ENGLISH =
  "Academic paper search lies at the core of research yet represents a particularly challenging information retrieval task. " +
  "It requires long-tail specialized knowledge, comprehensive survey-level coverage, and the ability to address fine-grained queries.";
/** Every letter moved k places: what a font whose glyphs map to the wrong letters extracts as. */
const shifted = (text: string, k: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + k) % 26) + base);
  });

describe("pageQuality", () => {
  it("passes English prose and the Indonesian review", () => {
    expect(pageQuality(ENGLISH)).toMatchObject({ ok: true, control: 0, privateUse: 0 });
    const review = pageQuality(REVIEW);
    expect(review.ok).toBe(true);
    expect(review.dictionaryRate).toBeGreaterThan(0.85);
  });

  it("passes Indonesian words known by their root", () => {
    expect(pageQuality("Pemerintah membangun jembatan dan perlindungan anak korban perdagangan di daerah perbatasan").ok).toBe(true);
  });

  it("passes a table of contents (dot leaders are not debris)", () => {
    const toc = ["1 Introduction ........................................ 1", "2 Structure handling .................................. 3", "3 Utilities ........................................... 9", "Appendix A Copying Information ........................ 24"].join("\n");
    expect(pageQuality(toc).ok).toBe(true);
  });

  it("refuses unmapped glyphs extracted as control characters", () => {
    const garbled = "\u0002\u0003\u0004\u0005 \u0003\u0006\u0004\u0007\b the \u000e\u000f \u0010\u0011\u0012 \u0013\u000e\u000e\u0004\u0014";
    expect(pageQuality(garbled)).toMatchObject({ ok: false, reason: expect.stringMatching(/^control characters/) });
  });

  it("refuses text in the private-use area", () => {
    expect(pageQuality("\ue001\ue002\ue003 \ue004\ue005 \ue006\ue007\ue008 abc")).toMatchObject({ ok: false, reason: expect.stringMatching(/^private-use/) });
  });

  it("refuses letters that form no words (a shifted encoding)", () => {
    for (const k of [1, 3, 13]) {
      const q = pageQuality(shifted(ENGLISH, k));
      expect(q.ok).toBe(false);
      expect(q.dictionaryRate).toBeLessThan(MIN_DICTIONARY_RATE);
    }
  });

  it("refuses a page without text and one of digits and punctuation", () => {
    expect(pageQuality(" \n ")).toMatchObject({ ok: false, reason: "no text on the page" });
    expect(pageQuality("0.31 0.52 (12) [3] 4/5 -- 17.2% 0.9 ; 11 : 42")).toMatchObject({ ok: false, reason: expect.stringMatching(/^few letters/) });
  });
});
