/** The rest of a bulleted list a quote opens, from its passage and the passages after it. */
import { describe, expect, it } from "vitest";
import type { Passage } from "../domain/passage.ts";
import { listItemsAfter } from "./compose-list-items.ts";

const passage: Passage = { id: "p", docId: "d", text: "", section: "results", heading: "", page: null, studies: [], lang: "en", kind: "prose", start: 0, end: 0, cells: [], context: "" };
describe("listItemsAfter", () => {
  const p = (id: string, text: string, start: number): Passage => ({ ...passage, id, text, start, end: start + text.length, lang: "en" });
  const first = p("a", "We compare our agent against the following baselines: • Google. We search the query directly. • Google Scholar. Queries go to Scholar.", 0);
  const second = p("b", "• ChatGPT. We submit the query to ChatGPT. • A system whose description runs on for far more than eight words here. • GPT-o1.", 200);
  const after = p("c", "Results are in Table 5.", 400);
  const next = (x: Passage) => (x === first ? second : x === second ? after : undefined);
  const opener = (text: string) => ({ passage: first, end: first.text.indexOf("We search"), text });

  it("takes the heads of the items after a quote that opens a list, into the passages that go on with bullets", () => {
    const items = listItemsAfter(opener("We compare our agent against the following baselines: • Google."), next);
    expect(items.map((i) => i.passage.text.slice(i.start, i.end))).toEqual(["Google Scholar", "ChatGPT", "GPT-o1"]);
    expect(items.map((i) => i.passage.id)).toEqual(["a", "b", "b"]);
  });

  it("passes over what a page break puts inside a list: a caption, a footnote, the short rest of an item", () => {
    const rest = p("r", "Prompt the model to process the query.", 300);
    const caption = p("t", "Table 5: Results on the test set.", 350);
    const note = { ...p("f", "8https://example.org/", 380), kind: "footnote" as const };
    const last = p("l", "• PaSa-GPT-4o. Prompt GPT-4o within the framework.", 420);
    const chain = [first, second, rest, caption, note, last];
    const after = (x: Passage) => chain[chain.indexOf(x) + 1];
    const items = listItemsAfter(opener("We compare our agent against the following baselines: • Google."), after);
    expect(items.map((i) => i.passage.text.slice(i.start, i.end))).toEqual(["Google Scholar", "ChatGPT", "GPT-o1", "PaSa-GPT-4o"]);
  });

  it("takes whole statements after a quote whose own items are statements", () => {
    const opens = p("o", "This paper makes the following contributions: • We explain an algorithm for forming trace trees to cover a whole program. • We explain how to generate type-specialized code for traces.", 0);
    const more = p("m", "• We validate our techniques in an implementation based on an interpreter, achieving 2x-20x speedups. The remainder of this paper is organized as follows.", 200);
    const items = listItemsAfter({ passage: opens, end: opens.text.length, text: opens.text }, (x) => (x === opens ? more : undefined));
    expect(items.map((i) => i.passage.text.slice(i.start, i.end))).toEqual(["We validate our techniques in an implementation based on an interpreter, achieving 2x-20x speedups."]);
  });

  it("takes nothing after a sentence that opens no list", () => {
    expect(listItemsAfter(opener("We compare our agent against several baselines."), next)).toEqual([]);
  });
});
