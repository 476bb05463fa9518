import { describe, expect, it } from "vitest";
import { chunkSentences, type SentenceUnit } from "./chunk.ts";

const unit = (text: string, over: Partial<SentenceUnit> = {}): SentenceUnit => ({ text, studies: [], page: 1, paragraphStart: false, ...over });
const texts = (units: SentenceUnit[], maxChars = 200) => chunkSentences(units, { maxChars }).map((c) => c.sentences.map((s) => s.text).join(" "));

describe("chunkSentences", () => {
  it("never cuts a sentence and closes before passing the size cap", () => {
    const long = "x".repeat(120);
    expect(texts([unit(long), unit(long), unit("Short.")])).toEqual([long, `${long} Short.`]);
  });

  it("closes at a paragraph end once a third full, not before", () => {
    expect(texts([unit("a".repeat(30)), unit("b.", { paragraphStart: true })])).toHaveLength(1);
    expect(texts([unit("a".repeat(80)), unit("b.", { paragraphStart: true })])).toHaveLength(2);
  });

  it("closes where the text moves to another study, and after an in-text citation", () => {
    expect(texts([unit("About one.", { studies: [1] }), unit("About two.", { studies: [2] })])).toEqual(["About one.", "About two."]);
    expect(texts([unit("Cited (A, 2020).", { studies: [1], endsWithCitation: true }), unit("General.")])).toEqual(["Cited (A, 2020).", "General."]);
  });

  it("keeps a footnote or caption out of the text's passages, however short", () => {
    const copyright = unit("PLDI'09, June 15-20, 2009, Dublin, Ireland.", { paragraphStart: true, aside: "footnote" });
    expect(texts([unit("Prose before."), copyright, unit("Compilers rely on types.", { paragraphStart: true })])).toEqual(["Prose before.", copyright.text, "Compilers rely on types."]);
  });

  it("gives every passage the page all its sentences are on", () => {
    const chunks = chunkSentences([unit("One.", { page: 1 }), unit("Two.", { page: 2 }), unit("Three.", { page: 2 })], { maxChars: 200 });
    expect(chunks.map((c) => [c.page, c.sentences.length])).toEqual([[1, 1], [2, 2]]);
  });
});
