import { describe, expect, it } from "vitest";
import { headingOf, splitSections } from "./sections.ts";
import type { SourceLine } from "./types.ts";

const lines = (texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, page: 1, lineNo: i + 1, paragraphEnd: false }));

describe("headingOf", () => {
  it.each([
    ["ABSTRAK", "abstract"],
    ["Pendahuluan", "introduction"],
    ["1 Introduction", "introduction"],
    ["2. Methods", "methods"],
    ["II. METHODS", "methods"],
    ["Metode Penelitian", "methods"],
    ["Hasil dan Pembahasan", "results"],
    ["Kesimpulan:", "conclusion"],
    ["References", "references"],
    ["DAFTAR PUSTAKA", "references"],
    ["Related Work", "other"],
  ])("%s is the heading of %s", (line, section) => {
    expect(headingOf(line)?.section).toBe(section);
  });

  it("is not fooled by a sentence or a list item", () => {
    expect(headingOf("Metode yang dilakukan dalam penulisan ini adalah telaah literature.")).toBeUndefined();
    expect(headingOf("1. Predisposisi kerentanan")).toBeUndefined();
  });

  it("accepts an unknown heading only when the layout marks it", () => {
    expect(headingOf("4.2 Crawler")).toBeUndefined();
    expect(headingOf("4.2 Crawler", true)).toMatchObject({ section: null, number: "4.2" });
  });
});

describe("splitSections", () => {
  it("gives a numbered sub-heading the section of its parent", () => {
    const segments = splitSections(
      lines(["Title of the paper", "1 Introduction", "Text.", "4 Methodology", "Text.", "4.2 Crawler", "Crawler text.", "References", "[1] A. B. 2020. A paper."]).map((l) =>
        l.text === "4.2 Crawler" ? { ...l, role: "heading" as const } : l,
      ),
    );
    expect(segments.map((s) => [s.section, s.heading])).toEqual([
      ["other", ""],
      ["introduction", "1 Introduction"],
      ["methods", "4 Methodology"],
      ["methods", "4.2 Crawler"],
      ["references", "References"],
    ]);
    expect(segments.at(-1)?.kind).toBe("references");
  });

  it("joins a heading set over two lines in one type, but not a numbered or known heading under it", () => {
    const marked = (texts: string[], size: Record<string, number>) => lines(texts).map((l) => (size[l.text] ? { ...l, role: "heading" as const, fontSize: size[l.text] } : l));
    const title = marked(["Trace-based Specialization for Dynamic", "Languages", "Andreas Gal", "Abstract", "Text of the abstract."], { "Trace-based Specialization for Dynamic": 18, Languages: 18, Abstract: 11 });
    expect(splitSections(title).map((s) => [s.section, s.heading])).toEqual([
      ["other", "Trace-based Specialization for Dynamic Languages"],
      ["abstract", "Abstract"],
    ]);
    const numbered = marked(["Methods", "1 Setting", "Text."], { Methods: 12, "1 Setting": 12 });
    expect(splitSections(numbered).map((s) => s.heading)).toEqual(["1 Setting"]);
    const smaller = marked(["A Long Title for a Paper", "Subtitle Words Here", "Text."], { "A Long Title for a Paper": 18, "Subtitle Words Here": 12 });
    expect(splitSections(smaller).map((s) => s.heading)).toEqual(["Subtitle Words Here"]);
  });

  it("makes a table right after the methods the results when there is no results heading", () => {
    const segments = splitSections(lines(["Metode Penelitian", "Teks metode.", "No. Judul Hasil", "1. A", "2. B", "Pembahasan", "Teks."]), [{ startLine: 2, endLine: 4 }]);
    expect(segments.map((s) => [s.section, s.kind])).toEqual([
      ["methods", "prose"],
      ["results", "table"],
      ["discussion", "prose"],
    ]);
  });
});
