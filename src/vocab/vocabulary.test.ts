/** The bilingual vocabularies as data, matched on stems (and "=word" patterns on the word as written). */
import { describe, expect, it } from "vitest";
import { keysOf, loadVocabulary } from "./vocabulary.ts";

describe("loadVocabulary", () => {
  it("matches a design in either language through its stems", () => {
    const design = loadVocabulary("design");
    expect(keysOf(design.match("Penelitian kualitatif dengan wawancara"))).toContain("qualitative");
    expect(keysOf(design.match("A qualitative study"))).toContain("qualitative");
    expect(design.label("qualitative", "id")).not.toBe(design.label("qualitative", "en"));
  });

  it("finds a recommendation cue in 'sebaiknya' (should) but not in every 'baik' (good), its stem", () => {
    const cues = loadVocabulary("cues");
    expect(keysOf(cues.match("Sebaiknya pemerintah memperkuat koordinasi."))).toContain("recommendation");
    expect(keysOf(cues.match("Permasalahan ini belum terselesaikan dengan baik."))).not.toContain("recommendation");
    expect(keysOf(cues.match("The government should act."))).toContain("recommendation");
  });
});
