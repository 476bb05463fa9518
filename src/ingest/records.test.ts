/**
 * The review built from its text alone (no studies.json): ten study records read from its tables, scored
 * field by field against studies.json as gold; every value's span is its passage's text; contradictions kept.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import { scoreRecords } from "../eval/records-score.ts";
import { loadDocument } from "./load.ts";
import { buildDocument, type BuiltDocument } from "./passages.ts";
import { readStudiesJson } from "./studies-json.ts";

const CORPUS = path.join(PROJECT_ROOT, "corpus");
let doc: BuiltDocument;

beforeAll(async () => {
  doc = buildDocument(await loadDocument(path.join(CORPUS, "review-child-trafficking-programs.txt"), CORPUS), { chunkMaxChars: 700 });
}, 120_000);

describe("study records from the review's tables, without studies.json", () => {
  it("finds the ten studies", () => {
    expect(doc.records.filter((r) => r.kind === "study").map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(doc.info.kind).toBe("review");
  });

  it("reads every field close to the gold (floors at what the parser reaches; see docs/ingest.md)", () => {
    const scores = Object.fromEntries(scoreRecords(doc.records, readStudiesJson(CORPUS)!.studies).map((s) => [s.field, s.mean]));
    expect(scores.title).toBeGreaterThanOrEqual(0.95);
    expect(scores["authors (family names)"]).toBeGreaterThanOrEqual(0.9);
    expect(scores.year).toBe(1);
    expect(scores.venue).toBeGreaterThanOrEqual(0.85);
    expect(scores.database).toBe(1);
    expect(scores["method (design cell)"]).toBeGreaterThanOrEqual(0.95);
    expect(scores["in-text citation"]).toBeGreaterThanOrEqual(0.95);
  });

  it("cites every value to the span of its passage it was read from", () => {
    const passages = new Map(doc.passages.map((p) => [p.id, p]));
    for (const r of doc.records) {
      for (const values of Object.values(r.fields)) {
        for (const v of values ?? []) expect(passages.get(v.passageId)?.text.slice(v.start, v.end)).toBe(v.text);
      }
    }
  });

  it("keeps both values where the review contradicts itself (table year vs in-text citation)", () => {
    const study6 = doc.records.find((r) => r.number === 6)!;
    expect(study6.conflicts).toEqual(expect.arrayContaining(["year", "authors"]));
    expect(study6.fields.year?.map((v) => [v.keys[0], v.source])).toEqual([["2018", "table"], ["2016", "citation"]]);
  });

  it("normalises design, country and database through the vocabularies, keeping the source's words", () => {
    const byNumber = (n: number) => doc.records.find((r) => r.number === n)!;
    expect(byNumber(1).fields.design?.[0]).toMatchObject({ keys: ["qualitative"], text: "Penelitian kualitatif" });
    expect(byNumber(6).fields.country?.[0]).toMatchObject({ keys: ["CI"], text: "Pantai Gading" });
    expect(byNumber(1).fields.country?.[0]).toMatchObject({ keys: ["ID"], text: "Jepara" });
    expect(byNumber(9).fields.database?.[0].keys).toEqual(["sciencedirect"]);
  });

  it("reads a study's setting below its country, also when the study names the country ('Jawa Barat' beside 'Indonesia')", () => {
    const setting = (n: number) => (doc.records.find((r) => r.number === n)!.fields.setting ?? []).map((v) => [v.text, v.keys[0]]);
    expect(setting(5)).toEqual([["Jawa Barat", "ID"]]);
    expect(setting(1)).toEqual([["Jepara", "ID"]]);
    // a place in another country than the study's is not its setting
    expect(setting(8)).toEqual([]);
  });

  it("gives each study the language of its title (studies 3, 7, 8 and 9 have English titles)", () => {
    const byLanguage = (key: string) => doc.records.filter((r) => r.kind === "study" && r.fields.language?.[0].keys[0] === key).map((r) => r.number);
    expect(byLanguage("en")).toEqual([3, 7, 8, 9]);
    expect(byLanguage("id")).toEqual([1, 2, 4, 5, 6, 10]);
  });

  it("takes as a study's aim what it says it set out to do, not what one of its programs aims at", () => {
    const aim = (n: number) => (doc.records.find((r) => r.number === n)!.fields.aim ?? []).map((v) => v.text);
    expect(aim(8)).toEqual([expect.stringMatching(/^tujuan dari penelitian ini/)]);
    // "Development Bank program yang bertujuan mengurangi kesenjangan ekonomi ..." is the program's.
    expect(aim(2).some((t) => /Development Bank/.test(t))).toBe(false);
  });

  it("derives the names the prose uses for a study, never hand-written", () => {
    const aliases = (n: number) => doc.records.find((r) => r.number === n)!.aliases;
    expect(aliases(9)).toEqual(expect.arrayContaining(["MLMC", "My Life My Choice"]));
    expect(aliases(4)).toContain("rumah faye");
    expect(aliases(10)).toEqual(expect.arrayContaining(["Cianjur", "P2TP2A"]));
  });
});

describe("passages of the review", () => {
  it("are slices of the document's cleaned text, none over the size cap", () => {
    for (const p of doc.passages) {
      expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.length).toBeLessThanOrEqual(700 * 1.5);
    }
  });

  it("carry canonical sections with the document's own headings", () => {
    const sections = new Set(doc.passages.map((p) => p.section));
    for (const s of ["abstract", "introduction", "methods", "results", "discussion", "conclusion", "table"]) expect(sections).toContain(s);
    expect(doc.passages.find((p) => p.section === "discussion")?.heading).toBe("Pembahasan");
  });

  it("keep table cells as structure, not as labels in the text", () => {
    const row = doc.passages.find((p) => p.kind === "table-row" && p.section === "table")!;
    expect(row.text).not.toMatch(/Nama Penulis:|Tahun:|Judul Artikel:/);
    expect(row.cells.map((c) => c.field)).toEqual(expect.arrayContaining(["title", "authors", "year"]));
  });

  it("link prose to the studies it speaks of", () => {
    const mlmc = doc.passages.find((p) => p.kind === "prose" && /MLMC/.test(p.text));
    expect(mlmc?.studies).toContain(9);
  });
});
