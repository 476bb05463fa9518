/**
 * The number of people a sample-size phrase gives (sampleNumber), in either language; where a document's
 * front matter prints its authors or year, for the citation of "who wrote it?" (identitySpan).
 */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import { identityNeedles, identitySpan, sampleNumber } from "./compose-records.ts";

describe("sampleNumber", () => {
  it("reads digits, grouped thousands and n =", () => {
    expect(sampleNumber("300 gadis")).toBe(300);
    expect(sampleNumber("1.200 responden")).toBe(1200);
    expect(sampleNumber("1,200 participants")).toBe(1200);
    expect(sampleNumber("n = 41")).toBe(41);
  });

  it("reads number words, and an Indonesian scale word after one", () => {
    expect(sampleNumber("enam penyintas")).toBe(6);
    expect(sampleNumber("twelve survivors")).toBe(12);
    expect(sampleNumber("dua puluh peserta")).toBe(20);
    expect(sampleNumber("lima belas remaja")).toBe(15);
    expect(sampleNumber("tiga ratus anak")).toBe(300);
  });

  it("gives nothing for a phrase that starts with no number", () => {
    expect(sampleNumber("beberapa peserta")).toBeUndefined();
  });
});

describe("identitySpan", () => {
  const passage = (id: string, text: string): Passage => ({ id, docId: "paper.pdf", text, section: "other", heading: "", page: 1, studies: [], lang: "en", kind: "prose", start: 0, end: text.length, cells: [], context: "" });
  const doc = { title: "Shelter Programs for Survivors", authors: ["Ana Lestari", "Budi Santoso", "Mohammad Chuttur"], year: 2021, venue: null } as unknown as DocumentInfo;
  const quoted = (found: ReturnType<typeof identitySpan>) => found && found.passage.text.slice(found.start, found.end);

  it("quotes the author line holding the most names, footnote marks and all, not a later mention", () => {
    const front = [
      passage("a", "We thank Budi Santoso for comments."),
      passage("b", "Ana Lestari∗1 Budi Santoso2 M. Chuttur1 1University of Jember"),
    ];
    expect(quoted(identitySpan(front, identityNeedles(doc, "authors"), false))).toBe("Ana Lestari∗1 Budi Santoso2 M. Chuttur");
  });

  it("widens a year to its line, and finds nothing that is not there", () => {
    const front = [passage("a", "Shelter Programs for Survivors\nPublished 3 May 2021 by the Press.")];
    expect(quoted(identitySpan(front, identityNeedles(doc, "year"), true))).toBe("Published 3 May 2021 by the Press");
    expect(identitySpan([passage("b", "No names here.")], identityNeedles(doc, "authors"), false)).toBeUndefined();
  });
});
