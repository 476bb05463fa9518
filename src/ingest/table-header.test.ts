import { describe, expect, it } from "vitest";
import { fieldOfPhrase, findTableHeader, groupHeaderWords, isSectionHeading, isVenueCue } from "./table-header.ts";
import type { TableLine } from "./table-types.ts";

const lines = (...texts: string[]): TableLine[] => texts.map((text) => ({ text, page: null }));
const oneLine = (text: string) => text.split(/\s+/).map((w) => ({ text: w, line: 0 }));

describe("findTableHeader", () => {
  it("rejoins a column-major header broken one fragment per line (the review's study table)", () => {
    const doc = lines("dari program-progam tersebut.", " N", "", "o ", "Datab", "", "ase ", "Judul ", "Artikel ", "Nama ", "Jurnal ", "Nama ",
      "Penulis ", "Tah", "un ", "Meto", "de ", "Intervensi  Hasil ", "", "1. Google ", "scholar ");
    const header = findTableHeader(doc);
    expect(header?.columns).toEqual([
      { name: "No", field: "number" }, { name: "Database", field: "database" }, { name: "Judul Artikel", field: "title" },
      { name: "Nama Jurnal", field: "venue" }, { name: "Nama Penulis", field: "authors" }, { name: "Tahun", field: "year" },
      { name: "Metode", field: "design" }, { name: "Intervensi", field: "intervention" }, { name: "Hasil", field: "outcomes" },
    ]);
    expect(header?.startLine).toBe(1);
    expect(header?.firstRowLine).toBe(19);
  });

  it("reads a header on one line, not taking the sentence before it for part of it", () => {
    const header = findTableHeader(lines("dapat ditelaah sesuai dengan kriteria serta", "tujuan. ", " No. Judul Artikel Hasil ", "", "1. Pelayanan rehabilitasi"));
    expect(header?.columns.map((c) => c.field)).toEqual(["number", "title", "outcomes"]);
    expect(header?.startLine).toBe(2);
  });

  it("knows English headers, and keeps an unknown column under its own name", () => {
    const header = findTableHeader(lines("Author", "Year", "Coun", "try", "Study design", "Sample size", "Key findings", "1. Smith"));
    expect(header?.columns).toEqual([
      { name: "Author", field: "authors" }, { name: "Year", field: "year" }, { name: "Country", field: "country" },
      { name: "Study design", field: "design" }, { name: "Sample", field: "population" }, { name: "size", field: null },
      { name: "Key findings", field: "outcomes" },
    ]);
  });

  it("does not take prose or a lone column word for a header", () => {
    expect(findTableHeader(lines("Hasil penelitian ini menunjukkan bahwa program", "1. berjalan baik"))).toBeNull();
    expect(findTableHeader(lines("Hasil", "1. Pertama"))).toBeNull();
    expect(findTableHeader(lines("No. Judul Artikel Hasil", "tanpa baris bernomor sesudahnya"))).toBeNull();
  });
});

describe("header vocabulary", () => {
  it("maps phrases in both languages to fields, ignoring case and punctuation", () => {
    expect(fieldOfPhrase("nama jurnal")).toBe("venue");
    expect(fieldOfPhrase("Findings")).toBe("outcomes");
    expect(fieldOfPhrase("Desain")).toBe("design");
    expect(fieldOfPhrase("Kolom Lain")).toBeNull();
  });

  it("groups unknown words on one line into one column name; unknown words on lines of their own are columns of their own, and too many", () => {
    expect(groupHeaderWords(oneLine("No Judul Penulis Tahun Kriteria Inklusi Hasil"))?.map((c) => c.name))
      .toEqual(["No", "Judul", "Penulis", "Tahun", "Kriteria Inklusi", "Hasil"]);
    const brokenOver = ["No", "Judul", "Penulis", "Tahun", "Kriteria", "Inklusi", "Hasil"].map((text, line) => ({ text, line }));
    expect(groupHeaderWords(brokenOver)).toBeNull();
  });

  it("knows section headings and venue-kind words", () => {
    expect(isSectionHeading(" Pembahasan  ")).toBe(true);
    expect(isSectionHeading("Pembahasan hasil penelitian ini menunjukkan")).toBe(false);
    expect(isVenueCue("Jurnal")).toBe(true);
    expect(isVenueCue("Associati")).toBe(true);
    expect(isVenueCue("Elsevier")).toBe(false);
  });
});
