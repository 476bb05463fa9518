/**
 * Tables on a page the test makes with pdf-lib: a small results table with its caption below it, and a
 * chart whose axis ticks, axis titles and legend stand in rows and columns of their own. The table must
 * come back as rows with the right cells, named by its header, and become row passages; the chart's text
 * must become neither a table nor a passage.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { column, filler, makeLayoutPdf, type TextSpec } from "../../../../test/helpers/synthetic-pdf.ts";
import { loadDocument } from "../../load.ts";
import { buildDocument, type BuiltDocument } from "../../passages.ts";
import { readPdfLayout } from "../read-layout.ts";
import type { PdfLayout } from "../types.ts";

const TABLE: TextSpec[] = [
  { text: "Model", x: 120, y: 420, size: 9, bold: true },
  { text: "Precision", x: 250, y: 420, size: 9, bold: true },
  { text: "Recall", x: 330, y: 420, size: 9, bold: true },
  { text: "F1", x: 410, y: 420, size: 9, bold: true },
  ...[
    ["Baseline", "0.61", "0.52", "0.56"],
    ["Ours", "0.74", "0.69", "0.71"],
    ["Ours with reranking", "0.78", "0.70", "0.74"],
  ].flatMap((cells, r) => cells.map((text, c) => ({ text, x: [120, 255, 332, 408][c], y: 437 + r * 12, size: 9 }))),
  { text: "Table 1: Scores of the three readers on the test set.", x: 170, y: 490, size: 9 },
];

/**
 * A line chart: y ticks up the left, x ticks along the bottom (the first under the y ticks, so they make
 * one block), axis titles, and a legend set two by two: a grid of two columns and two rows, but a figure's.
 */
const CHART: TextSpec[] = [
  ...["1.0", "0.75", "0.5", "0.25", "0.0"].map((text, i) => ({ text, x: 96, y: 560 + i * 12, size: 7 })),
  ...["0", "10", "20", "30", "40"].map((text, i) => ({ text, x: 100 + i * 60, y: 622, size: 7 })),
  { text: "Training steps", x: 230, y: 634, size: 7 },
  { text: "Share correct", x: 88, y: 600, size: 7, rotate: 90 },
  { text: "reader A", x: 330, y: 566, size: 7 },
  { text: "reader B", x: 400, y: 566, size: 7 },
  { text: "reader C", x: 330, y: 576, size: 7 },
  { text: "reader D", x: 400, y: 576, size: 7 },
  { text: "Figure 1: Accuracy of the two readers while they train.", x: 150, y: 656, size: 9 },
];

const PAGE: TextSpec[] = [
  { text: "1 Results", x: 72, y: 90, size: 12, bold: true },
  ...column(filler(22, "Before"), 72, 115),
  ...TABLE,
  ...CHART,
  ...column(filler(8, "After"), 72, 690),
];

let dir: string;
let layout: PdfLayout;
let built: BuiltDocument;
beforeAll(async () => {
  const bytes = await makeLayoutPdf([PAGE]);
  layout = await readPdfLayout(bytes);
  dir = await mkdtemp(path.join(os.tmpdir(), "pdf-tables-"));
  const file = path.join(dir, "synthetic.pdf");
  await writeFile(file, bytes);
  built = buildDocument(await loadDocument(file, dir), { chunkMaxChars: 700 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a small table and a chart on one page", () => {
  it("reads the table's header, rows and caption", () => {
    expect(layout.pages[0].tables).toHaveLength(1);
    const [table] = layout.pages[0].tables;
    expect(table.caption).toEqual(["Table 1: Scores of the three readers on the test set."]);
    expect(table.columns).toEqual(["Model", "Precision", "Recall", "F1"]);
    expect(table.rows).toEqual([
      ["Baseline", "0.61", "0.52", "0.56"],
      ["Ours", "0.74", "0.69", "0.71"],
      ["Ours with reranking", "0.78", "0.70", "0.74"],
    ]);
  });

  it("makes each row a passage quotable as one line, its cells named by their columns, its caption and header as context", () => {
    const rows = built.passages.filter((p) => p.kind === "table-row");
    expect(rows.map((p) => p.text)).toEqual(["Baseline 0.61 0.52 0.56", "Ours 0.74 0.69 0.71", "Ours with reranking 0.78 0.70 0.74"]);
    const ours = rows[1];
    expect(ours.cells.map((c) => [c.column, ours.text.slice(c.start, c.end)])).toEqual([
      ["Model", "Ours"],
      ["Precision", "0.74"],
      ["Recall", "0.69"],
      ["F1", "0.71"],
    ]);
    expect(ours).toMatchObject({ page: 1, section: "results", heading: "Table 1: Scores of the three readers on the test set." });
    expect(ours.context).toContain("Precision | Recall | F1");
    expect(built.text.slice(ours.start, ours.end)).toBe(ours.text);
  });

  it("keeps the chart's ticks, axis titles and legend out of tables and passages", () => {
    const tableText = layout.pages[0].tables.flatMap((t) => [...t.columns, ...t.rows.flat()]).join(" ");
    const passageText = built.passages.map((p) => p.text).join(" ");
    for (const label of ["0.75", "0.25", "Training steps", "Share correct", "reader A", "reader D"]) {
      expect(tableText).not.toContain(label);
      expect(passageText).not.toContain(label);
    }
    // The captions stay prose; the prose around the table reads on.
    expect(passageText).toContain("Figure 1: Accuracy of the two readers while they train.");
    expect(passageText).toContain("After 1");
  });
});
