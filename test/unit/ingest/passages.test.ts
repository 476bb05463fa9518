import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.ts";
import { createStudyLinker } from "../../../src/ingest/link-studies.ts";
import { loadDocument } from "../../../src/ingest/load.ts";
import { buildPassages } from "../../../src/ingest/passages.ts";
import { loadStudyCatalog } from "../../../src/ingest/studies.ts";
import { CORPUS_FILE } from "../../helpers/index-fixture.ts";

const catalog = loadStudyCatalog(path.join(PROJECT_ROOT, "corpus"));
const doc = await loadDocument(CORPUS_FILE, path.join(PROJECT_ROOT, "corpus"));
const cleaned = buildPassages(doc, catalog, { chunkMaxChars: 700 });
const { passages } = cleaned;

describe("passages of the review", () => {
  it("are slices of the cleaned text at their offsets", () => {
    for (const p of passages) expect(cleaned.text.slice(p.start, p.end)).toBe(p.text);
  });

  it("have stable, unique ids derived from content and position", () => {
    const again = buildPassages(doc, catalog, { chunkMaxChars: 700 }).passages;
    expect(again.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    for (const p of passages) expect(p.id).toMatch(/^[a-z0-9-]+$/);
  });

  it("never cut a sentence: every prose passage ends with sentence punctuation or a list end", () => {
    for (const p of passages.filter((x) => x.kind === "prose" && x.section !== "abstrak" && x.section !== "abstract")) {
      expect(p.text, p.text.slice(-60)).toMatch(/[.!?:)]$/);
    }
  });

  it("respect the size bound except for a single long sentence", () => {
    for (const p of passages.filter((x) => x.kind === "prose")) {
      if (p.text.length > 700) expect(p.text.split(/(?<=[.!?]) (?=[A-Z])/).length).toBe(1);
    }
  });

  it("give every study its row passages in both tables", () => {
    for (let n = 1; n <= 10; n++) {
      const of = passages.filter((p) => p.studies.includes(n));
      expect(of.some((p) => p.section === "hasil" && p.kind === "table-row"), `study ${n} results row`).toBe(true);
      expect(of.filter((p) => p.section === "tabel").length, `study ${n} table rows`).toBeGreaterThanOrEqual(3);
    }
  });

  it("link a prose passage to every study the prose discusses; the prose never discusses study 8", () => {
    // The review's discussion covers studies 1-7, 9 and 10; Cecchet & Thoburn (8) appear only in the tables.
    for (const n of [1, 2, 3, 4, 5, 6, 7, 9, 10]) {
      expect(passages.some((p) => p.kind === "prose" && p.studies.includes(n)), `study ${n} prose`).toBe(true);
    }
    expect(passages.some((p) => p.kind === "prose" && p.studies.includes(8))).toBe(false);
  });

  it("link prose by names, programs, places and citations", () => {
    const find = (needle: string) => passages.find((p) => p.kind === "prose" && p.text.includes(needle));
    expect(find("My Life My Choice (MLMC) adalah program lembaga nirlaba")?.studies).toEqual([9]);
    expect(find("Aktivitas non-vokasional pada anak traffcking di rumah faye")?.studies).toEqual([4]);
    expect(find("(Nawar et al., 2021)")?.studies).toEqual([5]);
    expect(find("Program yang bertujuan untuk remaja dan anak-anak korban perdagangan")?.studies).toEqual([7]);
    // The introduction's general statistics are about the review, not a study.
    expect(find("Menurut PBB diperkirakan 4.000.000")?.studies).toEqual([]);
    expect(find("Saat ini banyak program perlindungan yang telah di terapkan")?.studies).toEqual([]);
  });

  it("record the language, section and page", () => {
    expect(passages.filter((p) => p.section === "abstract").every((p) => p.lang === "en")).toBe(true);
    expect(passages.filter((p) => p.section === "pendahuluan").every((p) => p.lang === "id")).toBe(true);
    const row9 = passages.find((p) => p.section === "tabel" && p.text.startsWith("No. 9, Hasil:"));
    expect(row9?.page).toBe(17);
    expect(passages.find((p) => p.section === "abstrak")?.page).toBeNull();
  });

  it("put the table's columns in labelled lines of the row passage", () => {
    const meta = passages.find((p) => p.section === "tabel" && p.text.startsWith("No. 6\n"));
    expect(meta?.text).toContain("Nama Penulis: Yori Geovani Regina");
    expect(meta?.text).toContain("Tahun: 2018");
    expect(meta?.text).toContain("Nama Jurnal: Bulletin of the Seismological Society of America (Wallace et al., 2016)");
  });
});

describe("study linker", () => {
  const linker = createStudyLinker(catalog);
  it("finds studies by alias, surname and citation", () => {
    expect(linker.link("Apa hasil program MLMC?")).toEqual([9]);
    expect(linker.link("What did Rafferty recommend?")).toEqual([3]);
    expect(linker.link("Bandingkan Rumah Faye dan Arpan")).toEqual([4, 7]);
    expect(linker.link("(Purnamasari, 2015) tentang Cianjur")).toEqual([10]);
    expect(linker.link("UNICEF in general")).toEqual([]);
  });
});
