/**
 * spreadTableRows: a paper's table counts as one source in the first results; a review's included-studies
 * rows (each a study) are left in place.
 */
import { describe, expect, it } from "vitest";
import type { Passage } from "../domain/passage.ts";
import { spreadTableRows, type ScoredPassage } from "./search.ts";

function hit(id: string, over: Partial<Passage> = {}): ScoredPassage {
  const passage: Passage = { id, docId: "paper.pdf", text: id, section: "results", heading: "Table 9: Rewards.", page: 10, studies: [], lang: "en", kind: "table-row", start: 0, end: id.length, cells: [], context: "", ...over };
  return { passage, score: 1, similarity: 0, bm25: 0 };
}

const ids = (hits: ScoredPassage[]) => hits.map((h) => h.passage.id);

describe("spreadTableRows", () => {
  it("keeps two rows of one table in place and moves the others after every other hit", () => {
    const hits = [hit("row1"), hit("row2"), hit("row3"), hit("prose", { kind: "prose", heading: "5.4" }), hit("row4"), hit("other", { heading: "Table 8: Ablation." })];
    expect(ids(spreadTableRows(hits))).toEqual(["row1", "row2", "prose", "other", "row3", "row4"]);
  });

  it("tells tables apart by document and heading", () => {
    const hits = [hit("a1"), hit("a2"), hit("b1", { docId: "other.pdf" }), hit("c1", { heading: "Table 2: Sets." })];
    expect(ids(spreadTableRows(hits))).toEqual(["a1", "a2", "b1", "c1"]);
  });

  it("leaves rows of an included-studies table (each tied to a study) in place", () => {
    const hits = [1, 2, 3, 4].map((n) => hit(`study${n}`, { studies: [n], heading: "Judul | Penulis" }));
    expect(ids(spreadTableRows(hits))).toEqual(["study1", "study2", "study3", "study4"]);
  });
});
