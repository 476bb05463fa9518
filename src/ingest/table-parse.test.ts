/**
 * The generic table parser on the shipped review (no studies.json, no per-corpus anchors), scored against
 * the fixtures the old anchored parser produced (test/fixtures/review-tables). The per-column floors are
 * the levels reached (scripts/measure-tables.ts prints them); a regression below one fails.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import { measureReviewTables, textLines } from "../eval/table-f1.ts";
import { extractLines } from "./clean.ts";
import { loadDocument } from "./load.ts";
import { parseTables } from "./table-parse.ts";
import type { ParsedTable } from "./table-types.ts";

const REVIEW = path.join(PROJECT_ROOT, "corpus", "review-child-trafficking-programs.txt");
const GOLD = path.join(PROJECT_ROOT, "test", "fixtures", "review-tables");

/** Mean token F1 floors per canonical field: with the two tables informing each other, and each on its own. */
const FLOORS = {
  crossTable: {
    study: { database: 1.0, title: 0.99, venue: 0.97, authors: 1.0, year: 1.0, design: 1.0, intervention: 0.99, outcomes: 0.99 },
    results: { title: 1.0, outcomes: 1.0 },
  },
  alone: {
    study: { database: 1.0, title: 0.96, venue: 0.92, authors: 1.0, year: 1.0, design: 0.96, intervention: 0.99, outcomes: 0.95 },
    results: { title: 0.96, outcomes: 0.99 },
  },
};

describe.each([
  ["with cells shared between the tables", true, FLOORS.crossTable],
  ["each table on its own evidence", false, FLOORS.alone],
] as const)("the review's tables, %s", (_, crossTable, floors) => {
  const { study, results } = measureReviewTables(REVIEW, GOLD, { crossTable });

  it.each(Object.entries(floors.study))("study table %s: mean token F1 at its floor", (field, floor) => {
    expect(study.find((s) => s.field === field)!.meanF1).toBeGreaterThanOrEqual(floor);
  });

  it.each(Object.entries(floors.results))("results table %s: mean token F1 at its floor", (field, floor) => {
    expect(results.find((s) => s.field === field)!.meanF1).toBeGreaterThanOrEqual(floor);
  });
});

const lines = textLines(REVIEW);
const tables = parseTables(lines);
const [resultsTable, studyTable] = tables;
const cell = (table: ParsedTable, row: number, field: string) => table.rows.find((r) => r.number === row)!.cells.find((c) => c.field === field)!;

describe("the review's tables, read generically", () => {
  it("finds both tables with their columns and layouts, and ten rows each", () => {
    expect(tables).toHaveLength(2);
    expect(resultsTable.layout).toBe("row-major");
    expect(resultsTable.columns.map((c) => c.name)).toEqual(["No", "Judul Artikel", "Hasil"]);
    expect(studyTable.layout).toBe("column-major");
    expect(studyTable.columns.map((c) => c.field)).toEqual(["number", "database", "title", "venue", "authors", "year", "design", "intervention", "outcomes"]);
    for (const t of tables) expect(t.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("ends the results table at the next section heading", () => {
    expect(lines[resultsTable.startLine].text.trim()).toBe("No. Judul Artikel Hasil");
    expect(lines[resultsTable.endLine - 1].text).toContain("penguatan kelembagaan P2TP2A.");
    expect(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))).some((t) => t.includes("Pembahasan"))).toBe(false);
  });

  it("splits a line holding two cells (title and result; database and title; year and method)", () => {
    expect(cell(resultsTable, 7, "title").text).toBe("Featured counter-trafficking program: Arpan");
    expect(cell(resultsTable, 7, "outcomes").text.startsWith("Hasil yang di dapatkan")).toBe(true);
    expect(cell(studyTable, 2, "database").text).toBe("Neliti");
    expect(cell(studyTable, 2, "title").text.startsWith("Kerjasama indonesia dan unicef")).toBe(true);
    expect(cell(studyTable, 1, "year").text).toBe("2016");
    expect(cell(studyTable, 1, "design").text).toBe("Penelitian kualitatif");
  });

  it("follows cells across a page break inside a row", () => {
    expect(cell(resultsTable, 8, "title").text.endsWith("the United States: Trauma and Resilience in Survivors")).toBe(true);
    expect(cell(resultsTable, 8, "outcomes").text).not.toContain("Resilience");
    expect(cell(studyTable, 3, "title").text).toContain("for Victims of Child Trafficking for Commercial");
    expect(cell(studyTable, 3, "title").text.endsWith("Sexual Exploitation")).toBe(true);
    expect(cell(studyTable, 3, "intervention").text).toContain("Sertakan penilaian kesehatan mental untuk memandu pemberian");
    expect(cell(studyTable, 4, "intervention").text).toContain("Keterampilan sosial, berupa konseling kelompok");
    expect(cell(studyTable, 4, "outcomes").text).not.toContain("onseling");
    expect(cell(studyTable, 6, "outcomes").text.endsWith("peningkatan perlindungan dan hak-hak anak.")).toBe(true);
  });

  it("keeps a numbered list inside a cell in the cell, and page furniture out of every cell", () => {
    expect(cell(studyTable, 8, "intervention").text.startsWith("1. Predisposisi kerentanan.")).toBe(true);
    expect(cell(studyTable, 8, "intervention").text).toContain("4. Kegembiraan.");
    const texts = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)));
    expect(texts.some((t) => t.includes("Buletin Kesehatan") || /(^| )17( |$)/.test(t))).toBe(false);
  });

  it("rejoins words broken by narrow columns", () => {
    expect(cell(studyTable, 1, "venue").text).toBe("Journal of Educational Social Studies (Falaq et al., 2016)");
    expect(cell(studyTable, 3, "venue").text.endsWith("Journal of Orthopsychiatry (Rafferty, 2018)")).toBe(true);
    expect(cell(studyTable, 2, "authors").text).toBe("Muhammad Hadziq Alfatih");
    expect(cell(studyTable, 2, "design").text).toBe("Penelitian kualitatif, dan penelitian berbasis ekplanatori oleh wawancara dan studi literatur");
  });

  it("records, for each cell, source lines that hold its words", () => {
    for (const table of tables) {
      for (const row of table.rows) {
        for (const c of row.cells) {
          expect(c.lines.length > 0, `row ${row.number} ${c.column}`).toBe(c.text.length > 0);
          const source = c.lines.map((i) => lines[i].text).join(" ");
          const firstWord = c.text.split(" ")[0].slice(0, 3);
          expect(source).toContain(firstWord);
          expect(c.lines.every((i) => i >= table.startLine && i < table.endLine)).toBe(true);
        }
      }
    }
  });

  it("reads the same from ingest's cleaned lines (running headers already gone, spaces collapsed)", async () => {
    const cleaned = extractLines(await loadDocument(REVIEW)).lines.map((l) => ({ text: l.text, page: l.page }));
    const again = parseTables(cleaned);
    expect(again.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))));
  });
});

describe("where a table ends", () => {
  it("at the first section heading among its rows: a numbered list after the heading is prose, not rows", () => {
    const text = [
      "No. Judul Artikel Hasil",
      "1. Program rehabilitasi di Jepara",
      "Anak-anak mendapat bimbingan pendidikan.",
      "2. Kerja sama dengan UNICEF",
      "Deklarasi menghasilkan empat elemen kerja sama.",
      "Pembahasan",
      "Pembahasan merangkum tiga temuan berikut.",
      "3. Temuan ketiga tentang koordinasi lembaga.",
      "4. Temuan keempat tentang pendanaan program.",
    ].map((t) => ({ text: t, page: null }));
    const [table] = parseTables(text);
    expect(table.rows.map((r) => r.number)).toEqual([1, 2]);
    expect(text[table.endLine].text).toBe("Pembahasan");
  });
});
