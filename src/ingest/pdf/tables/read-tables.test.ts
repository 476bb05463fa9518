/**
 * Tables read from real PDFs (test/fixtures/pdfs) against hand-labelled gold (test/fixtures/pdf-tables):
 * the floors are what scripts/measure-pdf-tables.ts measured (every labelled cell and column name right).
 * Also: no figure of either paper comes back as a table, and tables captioned "Figure" are found.
 */
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdfLayout } from "../read-layout.ts";
import type { PdfLayout, PdfTable } from "../types.ts";
import { findGoldTable, scoreTable, type GoldTable } from "./score.ts";

const fixtures = new URL("../../../../test/fixtures/", import.meta.url);
const golds = readdirSync(new URL("pdf-tables/", fixtures))
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, gold: JSON.parse(readFileSync(new URL(`pdf-tables/${f}`, fixtures), "utf8")) as GoldTable }));
const layouts = new Map<string, PdfLayout>();
const tablesOf = (pdf: string): PdfTable[] => layouts.get(pdf)?.pages.flatMap((p) => p.tables) ?? [];

beforeAll(async () => {
  for (const pdf of ["pasa.pdf", "tracemonkey.pdf"]) layouts.set(pdf, await readPdfLayout(readFileSync(new URL(`pdfs/${pdf}`, fixtures))));
});

describe("tables against the hand-labelled gold", () => {
  it("has gold for at least 3 pasa tables and 1 tracemonkey table", () => {
    expect(golds.filter((g) => g.gold.pdf === "pasa.pdf").length).toBeGreaterThanOrEqual(3);
    expect(golds.filter((g) => g.gold.pdf === "tracemonkey.pdf").length).toBeGreaterThanOrEqual(1);
  });

  it.each(golds.map((g) => [g.file, g.gold] as const))("%s: every cell and column name right (F1 1.000)", (_file, gold) => {
    const found = findGoldTable(tablesOf(gold.pdf), gold);
    expect(found).toBeDefined();
    const score = scoreTable(found, gold);
    expect(score.cells.f1).toBe(1);
    expect(score.header.f1).toBe(1);
  });
});

describe("which grids are tables", () => {
  it("reads the grid tables of pasa.pdf and no figure (the prompt boxes and example lists are prose, not grids)", () => {
    const captions = tablesOf("pasa.pdf").map((t) => /^\S+ \d+/.exec(t.caption[0] ?? "")?.[0]);
    expect(captions).toEqual(["Table 2", "Table 4", "Table 5", "Table 6", "Table 7", "Table 8", "Table 9", "Table 11"]);
  });

  it("reads tracemonkey.pdf's two tables captioned as figures, and none of its charts, diagrams or code listings", () => {
    const captions = tablesOf("tracemonkey.pdf").map((t) => /^\S+ \d+/.exec(t.caption[0] ?? "")?.[0]);
    expect(captions).toEqual(["Figure 9", "Figure 13"]);
  });

  it("takes a table's header rows out of the prose, even those the role rules left as body text", () => {
    const page = layouts.get("pasa.pdf")!.pages[9];
    const header = page.lines.filter((l) => /^(AutoScholarQuery|RealScholarQuery|Method)$/.test(l.text));
    expect(header.map((l) => l.role)).toEqual(["figure", "figure", "figure"]);
  });
});
