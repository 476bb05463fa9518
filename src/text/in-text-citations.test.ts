import { describe, expect, it } from "vitest";
import { expandNumbers, findCitations } from "./in-text-citations.ts";
import type { ReferenceEntry } from "../ingest/references/parse-references.ts";

const entry = (index: number, authors: string[], year?: number, extra: Partial<ReferenceEntry> = {}): ReferenceEntry => ({ index, authors, year, raw: "", page: 1, ...extra });
const numbered = Array.from({ length: 20 }, (_, i) => entry(i + 1, ["Author"], 2000, { label: `[${i + 1}]` }));
const authorYear = [
  entry(1, ["Feng", "He"], 2024),
  entry(2, ["Gusenbauer", "Haddaway"], 2020),
  entry(3, ["Gusenbauer", "Haddaway"], 2021),
  entry(4, ["Wang", "Downey"], 2024, { yearSuffix: "a" }),
  entry(5, ["Wang", "Guo"], 2024, { yearSuffix: "b" }),
  entry(6, ["Noorden", "Perkel"], 2023),
  entry(7, ["Bran"], 2024),
];
const found = (text: string, entries: ReferenceEntry[]) => findCitations(text, entries).map((c) => [text.slice(c.start, c.end), c.entries]);

describe("numbered citations", () => {
  it("finds [12], [3, 7] and [12-14]", () => {
    expect(found("As in [12], and [3, 7] or [12-14].", numbered)).toEqual([
      ["[12]", [12]],
      ["[3, 7]", [3, 7]],
      ["[12-14]", [12, 13, 14]],
    ]);
  });

  it("ignores array indices, numbers past the list and ranges too wide", () => {
    expect(found("v3 := ld v0[4] and x[2] cost [45] or [1-99].", numbered)).toEqual([]);
  });

  it("finds (12) in a document that cites in parentheses, not equation-like (81)", () => {
    expect(found("a simple compiler (10). Chambers et. al (9) and many traces (81). Also ebx(748).", numbered)).toEqual([
      ["(10)", [10]],
      ["(9)", [9]],
    ]);
  });

  it("expands lists and ranges", () => {
    expect(expandNumbers("1, 3-5")).toEqual([1, 3, 4, 5]);
    expect(expandNumbers("5-3")).toEqual([]);
  });
});

describe("author-year citations", () => {
  it("links (Author et al., 2019) and several works in one parenthesis", () => {
    expect(found("agents (Feng et al., 2024) and surveys (Gusenbauer and Haddaway, 2021, 2020; Van Noorden and Perkel, 2023).", authorYear)).toEqual([
      ["(Feng et al., 2024)", [1]],
      ["(Gusenbauer and Haddaway, 2021, 2020; Van Noorden and Perkel, 2023)", [3, 2, 6]],
    ]);
  });

  it("tells works of one author and year apart by their letter", () => {
    expect(found("ideas (Wang et al., 2024a) and papers (Wang et al., 2024b)", authorYear)).toEqual([
      ["(Wang et al., 2024a)", [4]],
      ["(Wang et al., 2024b)", [5]],
    ]);
  });

  it("links narrative citations and initials before the name", () => {
    expect(found("Feng et al. (2024) show, as Gusenbauer and Haddaway (2020) did (M. Bran et al., 2024).", authorYear)).toEqual([
      ["Feng et al. (2024)", [1]],
      ["Gusenbauer and Haddaway (2020)", [2]],
      ["(M. Bran et al., 2024)", [7]],
    ]);
  });

  it("ignores parentheses that cite nothing and reports unknown works unlinked", () => {
    expect(found("chatGPT (search-enabled GPT-4o) in 2024 (Smith, 2019)", authorYear)).toEqual([["(Smith, 2019)", []]]);
  });
});
