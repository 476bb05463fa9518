/** Citations' source studies: a review's passage is its studies'; a paper's quote has the references it cites itself. */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import type { ReferenceEntry, StudyRecord } from "../domain/study.ts";
import { makeCitation, ReferenceBook } from "./citations.ts";

const doc = (id: string, kind: DocumentInfo["kind"]): DocumentInfo => ({
  id, title: id, authors: ["A. Author"], year: 2024, venue: null, lang: "en", pages: 3, format: "pdf", sha256: "", short: `Author (2024) ${id}`, kind,
  counts: { passages: 1, studies: 0, references: 2 }, warnings: [],
});
const record = (docId: string, number: number, kind: StudyRecord["kind"]): StudyRecord => ({
  docId, number, kind, fields: {}, citation: null, reference: `Reference ${number} of ${docId}`, aliases: [], conflicts: [],
});
const entry = (docId: string, index: number, author: string, year: number): ReferenceEntry => ({
  docId, index, label: null, raw: `${author}. ${year}. A title.`, authors: [author], year, title: "A title", venue: null, doi: null, passageId: "",
});

const text = "Both agents are trained from Qwen2.5 (Yang et al., 2024). The Selector reaches a precision of 95%.";
const passage = (docId: string, studies: number[]): Passage => ({
  id: `${docId}-p`, docId, text, section: "results", heading: "", page: 2, studies, lang: "en", kind: "prose", start: 0, end: text.length, cells: [], context: "",
});

const book = new ReferenceBook(
  [doc("paper.pdf", "paper"), doc("review.txt", "review")],
  [record("paper.pdf", 1, "reference"), record("paper.pdf", 2, "reference"), record("review.txt", 1, "study"), record("review.txt", 2, "study")],
  [entry("paper.pdf", 1, "Yang", 2024), entry("paper.pdf", 2, "Hurst", 2024)],
);
const secondSentence = text.indexOf("The Selector");

describe("the sources of a quoted span", () => {
  it("gives a paper's quote the references it cites itself, and none that another sentence of its passage cites", () => {
    expect(book.sourcesOf(passage("paper.pdf", [1, 2]), 0, secondSentence)).toEqual([1]);
    const own = makeCitation(1, passage("paper.pdf", [1]), secondSentence, text.length, book);
    expect(own.studies).toEqual([]);
    // No source study: the reference is the paper's own.
    expect(own.references).toEqual([{ number: 0, reference: "A. Author (2024). paper.pdf." }]);
  });

  it("gives a review's quote its passage's studies, named anywhere in the passage", () => {
    expect(book.sourcesOf(passage("review.txt", [1, 2]), secondSentence, text.length)).toEqual([1, 2]);
    expect(makeCitation(1, passage("review.txt", [2]), secondSentence, text.length, book).references.map((r) => r.number)).toEqual([2]);
  });
});
