/** A section asked for with nothing to look for in it: how it opens, or a structured abstract part by part. */
import { describe, expect, it } from "vitest";
import type { DocumentInfo } from "../domain/document.ts";
import type { Passage } from "../domain/passage.ts";
import { CitationList, ReferenceBook } from "./citations.ts";
import type { ComposeContext } from "./compose-context.ts";
import { composeSectionOpening } from "./compose-section.ts";

const passage = (id: string, text: string): Passage => ({
  id, docId: "d.pdf", text, section: "abstract", heading: "Abstract", page: 1, studies: [], lang: "en", kind: "prose", start: 0, end: text.length, cells: [], context: "",
});
const doc = { id: "d.pdf", kind: "paper", short: "Doe (2020)", title: "Protection programs", authors: ["Jane Doe"], year: 2020, venue: null } as unknown as DocumentInfo;
const context = () => ({ lang: "en", documents: [doc], termStats: { documents: 1, df: {} }, citations: new CitationList(new ReferenceBook([doc], [])) }) as unknown as ComposeContext;
const quoted = (c: ReturnType<typeof composeSectionOpening>) => c!.sentences.slice(1).map((s) => s.text);

describe("composeSectionOpening", () => {
  it("sums up a structured abstract by its opening and the first sentence of each labelled part", () => {
    const text =
      "Child labour remains common in many low-income regions of the world. It has many causes that differ by region. " +
      "Purpose: this article describes protection programs for children. Methods: a literature review of ten articles found in three databases. " +
      "Results: most programs combine shelter with counselling for the children. Conclusion: programs prevent, protect and rescue children.";
    const c = composeSectionOpening(context(), "abstract", [passage("a", text)]);
    expect(c!.sentences[0].text).toMatch(/part by part/);
    const said = quoted(c);
    expect(said).toHaveLength(5);
    expect(said[0]).toMatch(/Child labour remains common/);
    expect(said.slice(1).map((s) => s.match(/«(\w+)/)?.[1])).toEqual(["Purpose", "Methods", "Results", "Conclusion"]);
  });

  it("quotes how an unstructured section opens", () => {
    const text = "We present a tracing compiler for dynamic languages that records hot loops. It builds trace trees for nested loops in the program. Our evaluation covers a standard benchmark suite. Results show speedups of up to 20x on loop-heavy programs.";
    const c = composeSectionOpening(context(), "abstract", [passage("b", text)]);
    expect(c!.sentences[0].text).toMatch(/opens/);
    expect(quoted(c)).toHaveLength(3);
  });
});
