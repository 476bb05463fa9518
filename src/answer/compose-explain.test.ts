/** Which quotes an explanation keeps (SELECTION), on hand-made scored sentences. */
import { describe, expect, it } from "vitest";
import type { Passage } from "../domain/passage.ts";
import { SELECTION, selectQuotes } from "./compose-explain.ts";
import type { ScoredSentence } from "./evidence.ts";

const passage: Passage = { id: "p", docId: "d", text: "", section: "discussion", heading: "", page: null, studies: [], lang: "id", kind: "prose", start: 0, end: 0, cells: [], context: "" };

function sentence(text: string, score: number, coverage: number): ScoredSentence {
  return { passage, rank: 0, start: 0, end: text.length, text, terms: new Set(text.toLowerCase().split(/\s+/)), cues: new Set(), hasNumber: false, score, coverage };
}

describe("selectQuotes", () => {
  it("keeps the best quote, and a further one only if it scores at least minRelativeScore of the best", () => {
    const best = sentence("koordinasi gugus tugas lemah", 1, 1);
    const near = sentence("kebijakan kabupaten belum berjalan", SELECTION.minRelativeScore + 0.05, 0.9);
    const far = sentence("anak mendapat bimbingan mental", SELECTION.minRelativeScore - 0.05, 0.9);
    expect(selectQuotes([best, near, far], 5).map((s) => s.text)).toEqual([best.text, near.text]);
  });

  it("drops a further quote that covers less than minRelativeCoverage of what the best covers", () => {
    const best = sentence("koordinasi gugus tugas lemah", 1, 1);
    const thin = sentence("kebijakan kabupaten belum berjalan", 0.95, SELECTION.minRelativeCoverage - 0.1);
    expect(selectQuotes([best, thin], 5)).toHaveLength(1);
  });

  it("drops a quote that says the same as one already chosen (maxOverlap of shared words)", () => {
    const best = sentence("koordinasi gugus tugas lemah di cianjur", 1, 1);
    const same = sentence("koordinasi gugus tugas lemah di kabupaten", 0.9, 0.9);
    const other = sentence("anggaran program tidak cukup", 0.9, 0.9);
    expect(selectQuotes([best, same, other], 5).map((s) => s.text)).toEqual([best.text, other.text]);
  });

  it("stops at the number of quotes asked for, and gives none for no sentence", () => {
    const list = ["satu dua", "tiga empat", "lima enam"].map((t) => sentence(t, 1, 1));
    expect(selectQuotes(list, 2)).toHaveLength(2);
    expect(selectQuotes([], 3)).toEqual([]);
  });
});
