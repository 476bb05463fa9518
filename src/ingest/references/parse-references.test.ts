/**
 * Reference parsing and citation linking on the real PDFs, scored against the hand-labelled gold in
 * test/fixtures/references (labelled from pdftotext's text, not from this parser's output).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdfLayout } from "../pdf/read-layout.ts";
import type { PdfLayout } from "../pdf/types.ts";
import { findCitations } from "../../text/in-text-citations.ts";
import { parseReferences, proseText } from "./parse-references.ts";
import { scoreCitations, type GoldCitation } from "./score-citations.ts";
import { scoreReferences, type GoldReference } from "./score.ts";

const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url));
const gold = (file: string) => (JSON.parse(fixture(`references/${file}`).toString("utf8")) as { entries: GoldReference[] }).entries;
const citations = (JSON.parse(fixture("references/in-text-citations.json").toString("utf8")) as { citations: GoldCitation[] }).citations;
/** GROBID publishes 0.87-0.90 F1 for references and 0.76-0.91 for citation linking; the brief asks for 0.9. */
const TARGET_F1 = 0.9;

const layouts: Record<string, PdfLayout> = {};
beforeAll(async () => {
  for (const name of ["pasa.pdf", "tracemonkey.pdf", "TAMReview.pdf"]) layouts[name] = await readPdfLayout(fixture(`pdfs/${name}`));
});

describe("parseReferences", () => {
  it("parses pasa's author-year list (hanging indent, across columns and pages) to gold", () => {
    const entries = parseReferences(layouts["pasa.pdf"]);
    expect(entries).toHaveLength(37);
    expect(scoreReferences(entries, gold("pasa-references.json")).f1).toBeGreaterThanOrEqual(TARGET_F1);
    // Liao et al. runs from page 10 onto page 11; Shao et al. from the left column into the right one.
    expect(entries.find((e) => e.authors[0] === "Liao")?.raw).toMatch(/Joseph Chee Chang, and Amy X Zhang\. 2024\. Llms as research tools/);
    expect(entries.find((e) => e.authors[0] === "Shao")?.venue).toMatch(/North American Chapter/);
  });

  it("parses tracemonkey's numbered list to gold", () => {
    const entries = parseReferences(layouts["tracemonkey.pdf"]);
    expect(entries.map((e) => e.label)).toEqual(Array.from({ length: 19 }, (_, i) => `[${i + 1}]`));
    expect(scoreReferences(entries, gold("tracemonkey-references.json")).f1).toBeGreaterThanOrEqual(TARGET_F1);
  });

  it("finds no list where the reference pages are unreadable", () => {
    expect(parseReferences(layouts["TAMReview.pdf"])).toEqual([]);
  });

  it("leaves the reference list and the appendix heading after it where they belong", () => {
    const text = proseText(layouts["pasa.pdf"]).text;
    expect(text).not.toContain("Litllm: A toolkit");
    expect(text).toContain("A Implementation Details of the Crawler");
  });
});

describe("findCitations against gold", () => {
  for (const [doc, goldFile] of [["pasa.pdf", "pasa-references.json"], ["tracemonkey.pdf", "tracemonkey-references.json"]] as const) {
    it(`links ${doc}'s citations to gold`, () => {
      const layout = layouts[doc];
      const entries = parseReferences(layout);
      const { text } = proseText(layout);
      const score = scoreCitations(text, findCitations(text, entries), entries, gold(goldFile), citations.filter((c) => c.doc === doc));
      expect(score.missing).toEqual([]);
      expect(score.f1).toBeGreaterThanOrEqual(TARGET_F1);
    });
  }
});
