/**
 * Grids from hand-placed lines: each phase (rows and cells, header rows, columns and their names,
 * continuation rows) on the smallest layout that shows it.
 */
import { describe, expect, it } from "vitest";
import type { PdfLine } from "../types.ts";
import { headerRowCount, isNumericCell, readGrid, rowsOf } from "./grid.ts";

const SIZE = 10;
/** Width of text at SIZE: half an em a character. */
const widthOf = (text: string) => text.length * SIZE * 0.5;

function line(text: string, x: number, y: number, options: { bold?: boolean; spans?: [string, number][] } = {}): PdfLine {
  const spans = (options.spans ?? [[text, x]]).map(([t, sx]) => ({ text: t, x: sx, width: widthOf(t) }));
  const right = Math.max(...spans.map((s) => s.x + s.width));
  return { text, x, y, width: right - x, fontSize: SIZE, bold: options.bold ?? false, column: 0, role: "figure", monospace: false, spans };
}

/** One line per cell: [text, x] pairs on one baseline. */
const row = (y: number, cells: [string, number][], bold = false) => cells.map(([text, x]) => line(text, x, y, { bold }));

describe("rows and cells", () => {
  it("puts lines on one baseline in one row and cuts a line's spans into cells where they stand apart", () => {
    // "Crawler Recall Precision" is one line of two spans 12 pt (1.2 em) apart: two cells.
    const merged = line("Crawler Recall Precision", 100, 50, { spans: [["Crawler Recall", 100], ["Precision", 182]] });
    const rows = rowsOf([line("Method", 20, 50.3), merged, line("Recall", 240, 49.8)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.map((c) => c.text)).toEqual(["Method", "Crawler Recall", "Precision", "Recall"]);
  });

  it("keeps spans a word space apart in one cell", () => {
    const rows = rowsOf([line("w/o [Expand]", 20, 50, { spans: [["w/o", 20], ["[Expand]", 38]] })]);
    expect(rows[0].cells.map((c) => c.text)).toEqual(["w/o [Expand]"]);
  });
});

describe("header rows", () => {
  const body = (y: number) => row(y, [["GPT-4o", 20], ["0.96", 120], ["0.69", 180]]);

  it("takes the bold rows over plain ones", () => {
    expect(headerRowCount(rowsOf([...row(20, [["Method", 20], ["P", 120], ["R", 180]], true), ...body(35), ...body(47)]))).toBe(1);
  });

  it("takes a row of words over rows of numbers, and the rows under a sparse one (two header levels)", () => {
    const rows = rowsOf([...row(10, [["Test set", 140]]), ...row(22, [["Method", 20], ["P", 120], ["R", 180]]), ...body(35), ...body(47)]);
    expect(headerRowCount(rows)).toBe(2);
  });

  it("takes only the first row when it is full, though the next has no number either", () => {
    const rows = rowsOf([...row(10, [["Tag", 20], ["Type", 80], ["Description", 160]]), ...row(22, [["xx1", 20], ["number", 80], ["integer", 160]]), ...row(34, [["000", 20], ["object", 80], ["pointer", 160]])]);
    expect(headerRowCount(rows)).toBe(1);
  });
});

describe("columns and their names", () => {
  it("splits columns where no body cell crosses and names each by the header cells over it", () => {
    const grid = readGrid([
      ...row(10, [["Auto", 125], ["Real", 245]], true),
      ...row(16, [["Method", 20]], true),
      ...row(22, [["CR", 100], ["P", 160], ["CR", 220], ["P", 280]], true),
      ...row(36, [["w/o RL", 20], ["0.66", 98], ["0.15", 156], ["0.48", 218], ["0.52", 276]]),
      ...row(48, [["PaSa-7b", 20], ["0.79", 98], ["0.14", 156], ["0.71", 218], ["0.51", 276]]),
    ]);
    expect(grid?.columns).toEqual(["Method", "Auto CR", "Auto P", "Real CR", "Real P"]);
    expect(grid?.rows).toEqual([
      ["w/o RL", "0.66", "0.15", "0.48", "0.52"],
      ["PaSa-7b", "0.79", "0.14", "0.71", "0.51"],
    ]);
  });

  it("leaves a cell empty where a row has none, and joins a cell's lines when its first cell is empty", () => {
    const grid = readGrid([
      ...row(10, [["Tag", 20], ["Type", 80], ["Description", 160]]),
      ...row(22, [["xx1", 20], ["number", 80], ["integer", 160]]),
      ...row(34, [["110", 20], ["boolean", 80], ["enumeration", 160]]),
      ...row(46, [["null, or", 80]]),
      ...row(58, [["-", 20], ["none", 80]]),
    ]);
    expect(grid?.rows).toEqual([
      ["xx1", "number", "integer"],
      ["110", "boolean null, or", "enumeration"],
      ["-", "none", ""],
    ]);
  });

  it("is no grid with one column", () => {
    expect(readGrid([...row(10, [["0.5", 20]]), ...row(22, [["1.0", 20]]), ...row(34, [["1.5", 20]])])).toBeUndefined();
  });
});

describe("numeric cells", () => {
  it("takes numbers, measured values and empty-value dashes, not labels with digits", () => {
    expect(["0.7071", "2.20x", "94.0%", "1e-6", "11,761", "-", "—"].every(isNumericCell)).toBe(true);
    expect(["Ans-50", "xx1", "GPT-4o", "(Equation 1)"].some(isNumericCell)).toBe(false);
  });
});
