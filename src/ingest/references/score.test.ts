import { describe, expect, it } from "vitest";
import { findLoosely, matchReferences, prf, sameReference, tokenF1 } from "./score.ts";

describe("scoring helpers", () => {
  it("computes token F1 on folded words", () => {
    expect(tokenF1("Gpt-4o system card", "GPT-4o System Card")).toBe(1);
    expect(tokenF1("LuaJIT roadmap", "LuaJIT roadmap 2008")).toBeCloseTo(0.8);
    expect(tokenF1("", "a title")).toBe(0);
  });

  it("matches a reference on first author, year and title", () => {
    const gold = { index: 32, firstAuthor: "Van Noorden", year: 2023, title: "Ai and science: what 1,600 researchers think" };
    expect(sameReference({ index: 1, authors: ["Noorden"], year: 2023, title: "Ai and science: what 1,600 researchers think" }, gold)).toBe(true);
    expect(sameReference({ index: 1, authors: ["Noorden"], year: 2022, title: "Ai and science: what 1,600 researchers think" }, gold)).toBe(false);
    expect(sameReference({ index: 1, authors: ["Perkel"], year: 2023, title: "Ai and science: what 1,600 researchers think" }, gold)).toBe(false);
  });

  it("matches one to one", () => {
    const gold = [{ index: 1, firstAuthor: "Gal", year: 2006, title: "HotpathVM" }];
    const parsed = [
      { index: 1, authors: ["Gal"], year: 2006, title: "HotpathVM" },
      { index: 2, authors: ["Gal"], year: 2006, title: "HotpathVM" },
    ];
    expect([...matchReferences(parsed, gold)]).toEqual([[1, 1]]);
  });

  it("computes P/R/F1", () => {
    expect(prf(3, 4, 6)).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
  });

  it("finds a snippet whatever the spacing, hyphens and quotes", () => {
    const text = "It selects the “oldest” register-carried\nvalue (6). Then";
    const span = findLoosely(text, "selects the \"oldest\" registercarried value (6)");
    // Compared on letters and digits: the span runs from the first to the last of them.
    expect(span && text.slice(span.start, span.end)).toBe("selects the “oldest” register-carried\nvalue (6");
  });
});
