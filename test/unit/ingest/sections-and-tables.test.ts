import { describe, expect, it } from "vitest";
import { extractLines, Vocabulary } from "../../../src/ingest/clean.ts";
import { loadDocument } from "../../../src/ingest/load.ts";
import { splitSections } from "../../../src/ingest/sections.ts";
import { loadStudyCatalog } from "../../../src/ingest/studies.ts";
import { parseResultsTable, parseStudyTable } from "../../../src/ingest/tables.ts";
import { SECTION_IDS } from "../../../src/ingest/types.ts";
import { PROJECT_ROOT } from "../../../src/config.ts";
import path from "node:path";
import { CORPUS_FILE } from "../../helpers/index-fixture.ts";

const doc = await loadDocument(CORPUS_FILE);
const lines = extractLines(doc);
const vocabulary = new Vocabulary(lines.map((l) => l.text));
const segments = splitSections(lines, vocabulary);
const catalog = loadStudyCatalog(path.join(PROJECT_ROOT, "corpus"));
const results = parseResultsTable(segments.find((s) => s.kind === "results-table")!.lines, catalog.studies, vocabulary);
const rows = parseStudyTable(segments.find((s) => s.kind === "study-table")!.lines, catalog.studies, results, vocabulary);

describe("sections", () => {
  it("finds the eight sections of the review, in order", () => {
    expect(segments.map((s) => s.section)).toEqual(["abstrak", "abstract", "pendahuluan", "metode", "hasil", "pembahasan", "simpulan", "tabel"]);
    expect([...SECTION_IDS].sort()).toEqual([...new Set(segments.map((s) => s.section))].sort());
  });

  it("does not take a table cell 'Hasil' or an inline 'Metode:' for a heading", () => {
    expect(segments.filter((s) => s.section === "hasil")).toHaveLength(1);
    expect(segments.filter((s) => s.section === "metode")).toHaveLength(1);
  });
});

describe("the results table", () => {
  it("has ten rows, each with its title recognised and its result", () => {
    expect(results.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of results) expect(r.result.length).toBeGreaterThan(60);
    expect(results[6].title).toBe("Featured counter-trafficking program: Arpan");
    expect(results[6].result.startsWith("Hasil yang di dapatkan")).toBe(true);
  });

  it("keeps a title split by a page break out of the result (row 8)", () => {
    expect(results[7].title).toContain("Trauma and Resilience in Survivors");
    expect(results[7].result).not.toContain("Resilience");
    expect(results[7].result).toContain("seks anak, serta faktor-faktor");
  });
});

describe("the study table, reassembled row by row", () => {
  it("has ten rows with every column", () => {
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const r of rows) {
      for (const field of ["database", "title", "journal", "authors", "year", "method", "intervention", "result"] as const) {
        expect(r[field], `row ${r.number} ${field}`).not.toBe("");
      }
    }
  });

  it("reads metadata columns as whole words", () => {
    expect(rows[0]).toMatchObject({ database: "Google scholar", journal: "Journal of Educational Social Studies (Falaq et al., 2016)", authors: "Yusuf Falaq, Maman Rachman, Suyahmo", year: "2016", method: "Penelitian kualitatif" });
    expect(rows[1].database).toBe("Neliti");
    expect(rows[1].title.startsWith("Kerjasama indonesia dan unicef")).toBe(true);
    expect(rows[5].journal).toBe("Bulletin of the Seismological Society of America (Wallace et al., 2016)");
    expect(rows[8]).toMatchObject({ authors: "Emily F. Rothman, et al.", year: "2019", journal: "Elsevier (Rothman et al., 2020)" });
    expect(rows[9].journal).toBe("Jurnal Ilmu Pemerintahan (Purnamasari, 2015)");
  });

  it("separates interleaved Intervensi and Hasil columns, also across page breaks", () => {
    expect(rows[0].result).toBe("Hasil penelitian, maka dalam konteks ilmu pengetahuan sosial, masalah trafficking merupakan masalah-masalah sosial yang patut untuk dicari formula penyelesaiannya.");
    expect(rows[2].intervention).toContain("Sertakan penilaian kesehatan mental untuk memandu pemberian layanan");
    expect(rows[2].result.startsWith("Temuan dari penelitian")).toBe(true);
    expect(rows[3].intervention).toContain("Keterampilan sosial, berupa konseling kelompok");
    expect(rows[3].result).not.toContain("Konseling");
    expect(rows[4].intervention).toContain("Child and Family Support: program yang dilakukan");
    expect(rows[5].result.endsWith("peningkatan perlindungan dan hak-hak anak.")).toBe(true);
    expect(rows[7].intervention).toContain("4. Kegembiraan.");
    expect(rows[8].result).toContain("pada 12 bulan menjadi 14%");
    expect(rows[8].intervention).toContain("lebih dari 300 gadis unik");
  });

  it("does not take a numbered list inside a cell for a row (row 8: '1. Predisposisi')", () => {
    expect(rows[7].intervention.startsWith("1. Predisposisi kerentanan.")).toBe(true);
  });

  it("joins a row number broken over two lines ('1' / '0.')", () => {
    expect(rows[9].title.startsWith("Analisis Kebijakan Pemerintah")).toBe(true);
  });
});
