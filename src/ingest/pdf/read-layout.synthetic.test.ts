/**
 * readPdfLayout on PDFs the test makes with pdf-lib: each feature is built on purpose, so each assertion
 * names what the reader must see.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { A4, column, filler, makeLayoutPdf, type TextSpec } from "../../../test/helpers/synthetic-pdf.ts";
import { findCitations } from "../../text/in-text-citations.ts";
import { parseReferences, proseText } from "../references/parse-references.ts";
import { layoutText } from "./layout-text.ts";
import { readPdfLayout } from "./read-layout.ts";
import type { PdfLayout, PdfLine } from "./types.ts";

const HEADER = "Journal of Synthetic Layouts, Vol. 3, No. 2";
const lines = (layout: PdfLayout, role: PdfLine["role"]) => layout.pages.flatMap((p) => p.lines.filter((l) => l.role === role).map((l) => l.text));

describe("single-column pages: furniture, headings, hyphenation, footnotes, stamp", () => {
  let layout: PdfLayout;
  beforeAll(async () => {
    const headings = ["1 Introduction", "2 Methods", "3 Results"];
    const pages: TextSpec[][] = headings.map((heading, p) => [
      { text: HEADER, x: 72, y: 40, size: 8 },
      { text: heading, x: 72, y: 90, size: 12, bold: true },
      ...column(p === 0 ? ["The reader is trained with reinforcement learn-", "ing on pages set in a two-", "column layout and in one column.", ...filler(20, "First")] : filler(23, `Page ${p + 1}`), 72, 115),
      { text: String(p + 1), x: 294, y: 805, size: 10 },
    ]);
    pages[0].push({ text: "1 This footnote is set in a small font at the foot of the page.", x: 72, y: 760, size: 7 });
    pages[0].push({ text: "arXiv:2401.00001v1 [cs.IR] 1 Jan 2024", x: 30, y: 600, size: 16, rotate: 90 });
    layout = await readPdfLayout(await makeLayoutPdf(pages));
  });

  it("marks the running header and the page number of every page as furniture", () => {
    for (const page of layout.pages) {
      const furniture = page.lines.filter((l) => l.role === "furniture").map((l) => l.text);
      expect(furniture).toEqual([HEADER, String(page.number)]);
    }
  });

  it("finds the numbered headings with their numbers", () => {
    expect(lines(layout, "heading")).toEqual(["1 Introduction", "2 Methods", "3 Results"]);
  });

  it("repairs line-end hyphenation and keeps a compound's hyphen", () => {
    expect(layoutText(layout).text).toContain("reinforcement learning on pages set in a two-column layout");
  });

  it("takes the small-print note at the foot of the page as a footnote, out of the running text", () => {
    expect(lines(layout, "footnote")).toEqual(["1 This footnote is set in a small font at the foot of the page."]);
    expect(layoutText(layout).text).not.toContain("footnote");
  });

  it("takes rotated text in the margin as a stamp, out of the running text", () => {
    expect(lines(layout, "stamp")).toEqual(["arXiv:2401.00001v1 [cs.IR] 1 Jan 2024"]);
    const text = layoutText(layout).text;
    expect(text).not.toContain("arXiv");
    expect(text).not.toContain(HEADER);
  });
});

describe("heading and caption forms", () => {
  it("finds roman, lettered and larger headings, and figure and table captions with their continuation", async () => {
    const page: TextSpec[] = [
      { text: "II. METHODS", x: 72, y: 80, size: 10, bold: true },
      ...column(filler(8, "Methods"), 72, 100),
      { text: "A. Related work", x: 72, y: 220, size: 10 },
      ...column(filler(4, "Related"), 72, 240),
      ...column(filler(3, "Indented"), 100, 320),
      { text: "Discussion", x: 72, y: 360, size: 14 },
      { text: "4.1. An indented sub-heading", x: 100, y: 300, size: 12, bold: true },
      ...column(filler(6, "Discussion"), 72, 382),
      { text: "Fig. 3: Throughput of the reader on", x: 72, y: 480, size: 10 },
      { text: "three documents.", x: 72, y: 493, size: 10 },
      { text: "Table 2. Results by page.", x: 72, y: 520, size: 10 },
      ...column(filler(6, "After"), 72, 545),
    ];
    const layout = await readPdfLayout(await makeLayoutPdf([page]));
    expect(lines(layout, "heading")).toEqual(["II. METHODS", "A. Related work", "4.1. An indented sub-heading", "Discussion"]);
    expect(lines(layout, "caption")).toEqual(["Fig. 3: Throughput of the reader on", "three documents.", "Table 2. Results by page."]);
    expect(layoutText(layout).text).not.toContain("Throughput");
  });
});

describe("a two-column page", () => {
  let layout: PdfLayout;
  beforeAll(async () => {
    // Lines of ~44 characters (about 220 pt) leave a gutter of about 45 pt between the columns.
    const left = [...filler(24, "Left", 44), "The crossing sentence starts at the bottom"];
    const right = ["of the left column and ends at the top of", "the right column.", ...filler(24, "Right", 44)];
    const page: TextSpec[] = [
      { text: "A Title Spanning Both Columns", x: 200, y: 70, size: 16, bold: true },
      ...column(left, 50, 110),
      ...column(right, 315, 110),
    ];
    layout = await readPdfLayout(await makeLayoutPdf([page]));
  });

  it("reads the left column before the right one, so a sentence crossing them reads on", () => {
    expect(layoutText(layout).text).toContain("starts at the bottom of the left column and ends at the top of the right column.");
  });

  it("gives every line its column and never puts a right-column line among left-column lines", () => {
    const body = layout.pages[0].lines.filter((l) => l.role === "body");
    const columns = body.map((l) => l.column);
    expect(columns.indexOf(2)).toBeGreaterThan(columns.lastIndexOf(1));
    expect(body.filter((l) => l.text.startsWith("Left")).every((l) => l.column === 1)).toBe(true);
    expect(body.filter((l) => l.text.startsWith("Right")).every((l) => l.column === 2)).toBe(true);
    expect(layout.pages[0].lines[0]).toMatchObject({ text: "A Title Spanning Both Columns", column: 0, role: "heading" });
  });
});

describe("reference lists", () => {
  it("splits a numbered list, reads its fields and links [n] citations", async () => {
    const page: TextSpec[] = [
      ...column(["Tracing was studied before [1] and since [2, 3].", ...filler(12, "Body")], 72, 90),
      { text: "References", x: 72, y: 300, size: 12, bold: true },
      ...column(["[1] A. Smith and B. Jones. Learning to read page layouts. In Proc. of", "Tests, pages 1-9, 2020.", "[2] C. Lee. Columns and gutters. Journal of Print, 4(2):10-20, 2019.", "[3] D. Kim, E. Park, and F. Cho. Hyphens at line ends. In Workshop on", "Type, 2021."], 72, 325, 12, 9),
    ];
    const layout = await readPdfLayout(await makeLayoutPdf([page]));
    const entries = parseReferences(layout);
    expect(entries.map((e) => [e.label, e.authors, e.year, e.title])).toEqual([
      ["[1]", ["Smith", "Jones"], 2020, "Learning to read page layouts"],
      ["[2]", ["Lee"], 2019, "Columns and gutters"],
      ["[3]", ["Kim", "Park", "Cho"], 2021, "Hyphens at line ends"],
    ]);
    const text = proseText(layout).text;
    expect(text).not.toContain("Columns and gutters");
    expect(findCitations(text, entries).map((c) => [text.slice(c.start, c.end), c.entries])).toEqual([
      ["[1]", [1]],
      ["[2, 3]", [2, 3]],
    ]);
  });

  it("splits an author-year list by its hanging indent and links (Name, year) and Name (year) citations", async () => {
    const page: TextSpec[] = [
      ...column(["As shown (Smith et al., 2020; Lee, 2019a), and as Lee (2019b) found.", ...filler(12, "Body")], 72, 90),
      { text: "References", x: 72, y: 300, size: 12, bold: true },
      ...column(["Lee, C. (2019a). Columns and gutters. Journal of Print, 4(2),", "    10-20.", "Lee, C. (2019b). Gutters again. Journal of Print, 5(1), 1-5.", "Smith, A., Jones, B., & Kim, D. (2020). Learning to read page", "    layouts. Proceedings of Tests, 1-9."], 72, 325, 12, 9),
    ];
    const layout = await readPdfLayout(await makeLayoutPdf([page]));
    const entries = parseReferences(layout);
    expect(entries.map((e) => [e.authors, e.year, e.yearSuffix, e.title])).toEqual([
      [["Lee"], 2019, "a", "Columns and gutters"],
      [["Lee"], 2019, "b", "Gutters again"],
      [["Smith", "Jones", "Kim"], 2020, undefined, "Learning to read page layouts"],
    ]);
    const text = proseText(layout).text;
    expect(findCitations(text, entries).map((c) => c.entries)).toEqual([[3, 1], [2]]);
  });
});

describe("options and metadata", () => {
  const pages = [1, 2, 3].map((n) => column(filler(5, `Page ${n}`), 72, 100));

  it("reads the info dictionary's title, author and creation year, dropping producers' leftovers", async () => {
    const layout = await readPdfLayout(await makeLayoutPdf(pages, A4, { title: "Reading Layouts", author: "A. Tester", created: new Date("2021-05-01T00:00:00Z") }));
    expect(layout.info).toEqual({ title: "Reading Layouts", author: "A. Tester", creationYear: 2021 });
    const junk = await readPdfLayout(await makeLayoutPdf(pages, A4, { title: "draft-v2.docx", author: "ARRAY(0x2c7cf020)" }));
    expect(junk.info.title).toBeUndefined();
    expect(junk.info.author).toBeUndefined();
  });

  it("reads only the first pages when asked", async () => {
    const layout = await readPdfLayout(await makeLayoutPdf(pages), { maxPages: 2 });
    expect(layout.pages.map((p) => p.number)).toEqual([1, 2]);
  });

  it("stops when its signal is aborted", async () => {
    const bytes = await makeLayoutPdf(pages);
    await expect(readPdfLayout(bytes, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });

  it("leaves the caller's bytes usable (pdf.js detaches the buffer it reads)", async () => {
    const bytes = await makeLayoutPdf(pages);
    await readPdfLayout(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it("rejects bytes that are not a PDF", async () => {
    await expect(readPdfLayout(new TextEncoder().encode("not a pdf at all"))).rejects.toThrow();
  });
});
