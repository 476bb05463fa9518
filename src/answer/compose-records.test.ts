/**
 * The number of people a sample-size phrase gives (sampleNumber), in either language; where a document's
 * front matter prints its authors or year, for the citation of "who wrote it?" (identitySpan).
 */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import { analyzeQuestion } from "../retrieve/question.ts";
import { CitationList, ReferenceBook } from "./citations.ts";
import type { ComposeContext } from "./compose-context.ts";
import { composeFromRecords, identityNeedles, identitySpan, sampleNumber } from "./compose-records.ts";

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

describe("a document's identity, said and cited", () => {
  const doc: DocumentInfo = {
    id: "paper.pdf", title: "Shelter Care after Trafficking", authors: ["Dewi Lestari"], year: 2023, venue: null, lang: "en", pages: 2, format: "pdf", sha256: "",
    short: "Lestari (2023)", kind: "paper", counts: { passages: 1, studies: 0, references: 0 }, warnings: [],
  };
  const front: Passage = { id: "f", docId: "paper.pdf", text: "Shelter Care after Trafficking\nDewi Lestari", section: "abstract", heading: "", page: 1, studies: [], lang: "en", kind: "prose", start: 0, end: 44, cells: [], context: "" };
  const context = (): ComposeContext => ({
    question: analyzeQuestion("Who wrote the shelter care paper, and when?", { documents: [doc], studies: [] }),
    lang: "en", records: [], documents: [doc], termStats: { documents: 1, df: {} }, citations: new CitationList(new ReferenceBook([doc], [])),
    passage: () => undefined, passagesOf: () => [], opening: () => [front], maxSentences: 5,
  });
  const say = (field: "authors" | "year") => composeFromRecords(context(), { kind: "review-meta", docs: ["paper.pdf"], field })!.sentences;

  it("cites the front-matter line that prints the value", () => {
    const [authors] = say("authors");
    expect(authors.text).toBe("Shelter Care after Trafficking was written by Dewi Lestari [1].");
    expect(authors.citations).toEqual([1]);
  });

  it("says where a value came from when no line of the text prints it, instead of stating it uncited", () => {
    const [year] = say("year");
    expect(year.text).toBe("Lestari (2023) was published in 2023 (read from the file, not from its indexed text).");
    expect(year.citations).toEqual([]);
  });
});
