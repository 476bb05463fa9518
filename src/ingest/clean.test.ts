import { describe, expect, it } from "vitest";
import { extractLines, isRunningHeader, joinDecision, joinLines, Vocabulary } from "../ingest/clean.ts";
import { loadDocument } from "../ingest/load.ts";
import type { LayoutLine, RawDocument } from "../ingest/types.ts";
import { CORPUS_FILE } from "../../test/helpers/index-fixture.ts";

const corpus = await loadDocument(CORPUS_FILE);
const { lines } = extractLines(corpus);
const vocabulary = new Vocabulary(lines.map((l) => l.text));

describe("running headers and page numbers", () => {
  it("recognises the review's running header", () => {
    expect(isRunningHeader("Buletin Kesehatan Vol.6 No.1 Januari-Juli 2022                                     E-ISSN:2746-5810      ISSN: 2614-8080 ")).toBe(true);
    expect(isRunningHeader("Kerjasama indonesia dan unicef dalam menangani")).toBe(false);
  });

  it("removes the header and the page number beside it, and keeps that page for the lines after it", () => {
    expect(lines.some((l) => l.text.includes("Buletin Kesehatan"))).toBe(false);
    expect(lines.some((l) => l.text === "17")).toBe(false);
    const after = lines.find((l) => l.text === "dan hak-hak");
    expect(after?.page).toBe(17);
    expect(lines.find((l) => l.text.startsWith("Child trafficking atau perdagangan anak"))?.page).toBeNull();
  });

  it("keeps a bare number that is not beside a header (a cell, a broken row number)", () => {
    // "1" / "0." is row 10 of the study table broken over two lines.
    expect(lines.some((l) => l.text === "1")).toBe(true);
    expect(lines.some((l) => l.text === "2014")).toBe(true);
  });

  it("recovers PDF-style furniture on pages: a number as first or last line is dropped", () => {
    const doc: RawDocument = {
      id: "x.pdf", source: "x.pdf", format: "pdf", sha256: "",
      pages: [
        { number: 1, text: "Jurnal Contoh Vol.2 No.3 ISSN 1234-5678\nIsi halaman satu.\n12" },
        { number: 2, text: "Isi halaman dua.\n13" },
      ],
    };
    expect(extractLines(doc).lines.map((l) => [l.text, l.page])).toEqual([["Isi halaman satu.", 1], ["Isi halaman dua.", 2]]);
  });
});

describe("rejoining words broken across lines (real corpus lines)", () => {
  it.each([
    ["Peneliti", "an", "Penelitian"],
    ["kualitat", "if", "kualitatif"],
    ["pemantauan dan evaluasi berkelanjuta", "n dari program dan", "pemantauan dan evaluasi berkelanjutan dari program dan"],
    ["Temuan dari penelitian saat ini menunjukka", "n bahwa", "Temuan dari penelitian saat ini menunjukkan bahwa"],
    ["American Journal of Orthopsyc", "hiatry", "American Journal of Orthopsychiatry"],
    ["mencakup penyelesaian", "nya.", "mencakup penyelesaiannya."],
  ])("%s + %s", (a, b, joined) => {
    expect(joinLines([a, b], vocabulary)).toBe(joined);
  });

  it("keeps two words apart, in either language", () => {
    expect(joinLines(["children and underage women", "where the victims are those who"], vocabulary)).toBe("children and underage women where the victims are those who");
    expect(joinLines(["kehidupan mereka", "sebagai seorang anak"], vocabulary)).toBe("kehidupan mereka sebagai seorang anak");
  });

  it("keeps hyphens of reduplication, ranges and compounds at line ends", () => {
    expect(joinDecision("perlindungan dan hak-", "hak anak.", vocabulary)).toBe("glue-hyphen");
    expect(joinLines(["perlindungan dan hak-", "hak anak."], vocabulary)).toBe("perlindungan dan hak-hak anak.");
    expect(joinLines(["Periode 2009-", "2014"], vocabulary)).toBe("Periode 2009-2014");
    expect(joinLines(["diberikan kepada cis-", "gender beberapa kali"], vocabulary)).toBe("diberikan kepada cis-gender beberapa kali");
  });

  it("undoes line-end hyphenation when the whole word is a word of the document", () => {
    const v = new Vocabulary(["mereka membahas pengembangan sistem yang baru", "untuk pengembangan kapasitas"]);
    expect(joinLines(["tentang pengem-", "bangan sistem"], v)).toBe("tentang pengembangan sistem");
  });

  it("collapses whitespace and mends 'anak- anak'", () => {
    expect(joinLines(["Kebanyakan anak- anak   yang harus  "], vocabulary)).toBe("Kebanyakan anak-anak yang harus");
  });
});

describe("lines read with their layout (PDF roles)", () => {
  const line = (text: string, role: LayoutLine["role"], paragraphStart = false): LayoutLine => ({ text, role, paragraphStart, fontSize: 10, bold: false });
  const doc: RawDocument = {
    id: "p.pdf", source: "p.pdf", format: "pdf", sha256: "",
    pages: [
      {
        number: 1, text: "",
        lines: [
          line("A Paper Title", "heading"),
          line("Ann Author1 Bo Writer2", "figure"),
          line("1Some University", "figure"),
          line("arXiv:2501.00001v1 [cs.IR] 1 Jan 2025", "stamp"),
          line("Abstract", "heading"),
          line("The method reads a", "body", true),
          line("Table 1: Scores by page.", "caption", true),
          line("0.71 0.52", "figure"),
          line("1 A footnote.", "footnote", true),
          line("page in one pass.", "body"),
          line("A second paragraph.", "body", true),
        ],
      },
      { number: 2, text: "", lines: [line("Axis 0.5", "figure"), line("2", "furniture"), line("More text.", "body", true)] },
    ],
  };
  const { lines } = extractLines(doc);
  const paragraphs = lines.reduce<string[][]>((acc, l, i) => {
    if (i === 0 || lines[i - 1].paragraphEnd) acc.push([]);
    acc.at(-1)!.push(l.text);
    return acc;
  }, []);

  it("keeps a sentence whole around a caption or footnote, which follow it as paragraphs of their own", () => {
    expect(paragraphs).toContainEqual(["The method reads a", "page in one pass."]);
    const at = (t: string) => paragraphs.findIndex((p) => p[0] === t);
    expect(at("Table 1: Scores by page.")).toBeGreaterThan(at("The method reads a"));
    expect(at("1 A footnote.")).toBeGreaterThan(at("Table 1: Scores by page."));
    expect(at("A second paragraph.")).toBeGreaterThan(at("1 A footnote."));
  });

  it("keeps a sentence whole across a page break the layout reads as a new paragraph, but not a sentence that ended", () => {
    const across: RawDocument = {
      ...doc,
      pages: [
        { number: 1, text: "", lines: [line("It gives (1) a token that says whether the paper fits,", "body", true)] },
        { number: 2, text: "", lines: [line("and (2) a rationale for it.", "body", true), line("A new paragraph starts here.", "body", true)] },
      ],
    };
    const ends = extractLines(across).lines.map((l) => `${l.text}${l.paragraphEnd ? " |" : ""}`);
    expect(ends).toEqual(["It gives (1) a token that says whether the paper fits,", "and (2) a rationale for it. |", "A new paragraph starts here."]);
  });

  it("drops text inside figures and tables, but keeps the title page's author block and margin stamp", () => {
    const texts = lines.map((l) => l.text);
    expect(texts).not.toContain("0.71 0.52");
    expect(texts).not.toContain("Axis 0.5");
    expect(texts).not.toContain("2");
    expect(paragraphs).toContainEqual(["Ann Author1 Bo Writer2"]);
    expect(paragraphs).toContainEqual(["1Some University"]);
    expect(paragraphs).toContainEqual(["arXiv:2501.00001v1 [cs.IR] 1 Jan 2025"]);
  });
});
