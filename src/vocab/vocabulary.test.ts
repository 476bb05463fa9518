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

  it("matches a hyphenated design as written with a hyphen or a space", () => {
    const designs = loadVocabulary("design");
    expect(keysOf(designs.match("Does the review include a meta-analysis?"))).toEqual(["meta-analysis"]);
    expect(keysOf(designs.match("a meta analysis of ten trials"))).toEqual(["meta-analysis"]);
    expect(keysOf(designs.match("Which studies used a case-control design?"))).toContain("case-control");
  });

  it("matches a phrase that loses a word to stemming only where it is written whole", () => {
    const designs = loadVocabulary("design");
    // "tinjauan pustaka" is the stem "pustaka"; "perpustakaan" (a library) has that stem and is no design
    expect(keysOf(designs.match("Ada berapa dokumen di perpustakaan ini?"))).toEqual([]);
    expect(keysOf(designs.match("Ini adalah tinjauan pustaka sederhana"))).toEqual(["literature-review"]);
    expect(keysOf(designs.match("serta literature review dari penelitian sebelumnya"))).toEqual(["literature-review"]);
    expect(keysOf(designs.match("dari literatur yang kami telaah"))).toEqual([]);
    // ... not for a joining word: "English" is "in English"
    expect(keysOf(loadVocabulary("languages").match("Which studies are English?"))).toEqual(["en"]);
  });

  it("reads the informal words for boys and girls as those populations", () => {
    const population = loadVocabulary("population");
    expect(keysOf(population.match("ada gak studi yg bahas anak cowok?"))).toContain("boys");
    expect(keysOf(population.match("studi mana yg ngebahas cewek?"))).toContain("girls");
  });

  it("finds a recommendation cue in 'sebaiknya' (should) but not in every 'baik' (good), its stem", () => {
    const cues = loadVocabulary("cues");
    expect(keysOf(cues.match("Sebaiknya pemerintah memperkuat koordinasi."))).toContain("recommendation");
    expect(keysOf(cues.match("Permasalahan ini belum terselesaikan dengan baik."))).not.toContain("recommendation");
    expect(keysOf(cues.match("The government should act."))).toContain("recommendation");
  });
});
