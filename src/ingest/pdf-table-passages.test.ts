/**
 * Row passages from a PDF's tables: their text and cells, the caption's title as heading, long rows cut,
 * and the section each table goes into.
 */
import { describe, expect, it } from "vitest";
import { captionTitle, tableRowDrafts, tableSegments } from "./pdf-table-passages.ts";
import type { PdfPage, PdfTable } from "./pdf/types.ts";
import type { Segment } from "./sections.ts";
import type { RawDocument, SourceLine } from "./types.ts";

const join = (lines: string[]) => lines.join(" ");
const table = (over: Partial<PdfTable> = {}): PdfTable => ({
  page: 8,
  caption: ["Table 6: Results on the real queries. Best in bold."],
  columns: ["Method", "Precision", "Recall"],
  rows: [
    ["PaSa-7b", "0.5146", "0.6111"],
    ["ChatGPT", "", "0.2007"],
  ],
  firstLine: 0,
  ...over,
});

describe("captionTitle", () => {
  it("keeps the label and the first sentence", () => {
    expect(captionTitle("Table 2: Statistics of the set. |P| and |Q| count papers.")).toBe("Table 2: Statistics of the set.");
    expect(captionTitle("Figure 13. Detailed statistics for the benchmark set.")).toBe("Figure 13. Detailed statistics for the benchmark set.");
  });
});

describe("tableRowDrafts", () => {
  it("makes a row one line of its cells, each cell named by its column, caption and columns as context", () => {
    const [pasa, chatgpt] = tableRowDrafts(table(), { section: "results", heading: "5.3 Main results" }, join, 700);
    expect(pasa).toMatchObject({ text: "PaSa-7b 0.5146 0.6111", kind: "table-row", section: "results", heading: "Table 6: Results on the real queries.", page: 8, studies: [] });
    expect(pasa.cells.map((c) => [c.column, pasa.text.slice(c.start, c.end)])).toEqual([
      ["Method", "PaSa-7b"],
      ["Precision", "0.5146"],
      ["Recall", "0.6111"],
    ]);
    expect(pasa.context).toBe("Table 6: Results on the real queries. Best in bold.\nMethod | Precision | Recall");
    // An empty cell is left out of the text and the cells.
    expect(chatgpt.text).toBe("ChatGPT 0.2007");
    expect(chatgpt.cells.map((c) => c.column)).toEqual(["Method", "Recall"]);
  });

  it("takes the section's heading when the table has no caption", () => {
    expect(tableRowDrafts(table({ caption: [] }), { section: "results", heading: "5.3 Main results" }, join, 700)[0].heading).toBe("5.3 Main results");
  });

  it("cuts a row longer than the cap between cells, and a cell longer than the cap into pieces of its own", () => {
    const long = "word ".repeat(40).trim();
    const drafts = tableRowDrafts(table({ rows: [["prompt", long, "short"]] }), { section: "other", heading: "" }, join, 120);
    expect(drafts.map((d) => d.kind)).toEqual(["table-row", "table-cell", "table-cell", "table-row"]);
    expect(drafts.every((d) => d.text.length <= 120 * 1.5)).toBe(true);
    expect(drafts[1].context.startsWith("prompt\n")).toBe(true);
  });
});

describe("tableSegments", () => {
  const source = (lineNo: number): SourceLine => ({ text: `line ${lineNo}`, page: 1, lineNo, paragraphEnd: false });
  const segment = (section: Segment["section"], kind: Segment["kind"], lineNos: number[]): Segment => ({ section, heading: section, kind, lines: lineNos.map(source) });
  const page = (tables: PdfTable[]) => ({ tables }) as unknown as PdfPage;
  const raw = (pages: PdfTable[][], linesPerPage: number) =>
    ({
      pages: pages.map(() => ({ number: 1, text: "", lines: Array.from({ length: linesPerPage }, () => ({ text: "x", fontSize: 10, bold: false, role: "body" })) })),
      layout: { info: {}, pages: pages.map(page) },
    }) as unknown as RawDocument;

  it("puts a table in the segment of the line read just before it, counting lines across pages", () => {
    // Page 2's table stands after its 3rd line: line 10 + 3 + 1 = 14 in the document; line 13 is in results.
    const segments = [segment("methods", "prose", [1, 2, 9]), segment("results", "prose", [12, 13, 15]), segment("references", "references", [18])];
    const placed = tableSegments(raw([[], [table({ firstLine: 3 })]], 10), segments);
    expect(placed.map((p) => p.segment)).toEqual([1]);
  });

  it("puts a table met inside the reference list in the section before the list", () => {
    const segments = [segment("conclusion", "prose", [1, 2]), segment("references", "references", [3, 4, 5])];
    expect(tableSegments(raw([[table({ firstLine: 4 })]], 10), segments).map((p) => p.segment)).toEqual([0]);
  });
});
