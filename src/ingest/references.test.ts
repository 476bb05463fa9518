/** APA references formatted in one citeproc run read as each one formatted alone. */
import { describe, expect, it } from "vitest";
import { formatCsl, formatCslAll } from "./references.ts";

const csl = (title: string, family: string, year: number) => ({ type: "article-journal", title, author: [{ family, given: "A." }], issued: { "date-parts": [[year]] }, "container-title": "Journal of Tests" });

describe("formatCslAll", () => {
  it("gives each record the text it gets alone, in the records' order", () => {
    const records = [csl("Zeta study", "Young", 2019), csl("Alpha study", "Abbott", 2015), csl("Mid study", "Moore", 2017)];
    const together = formatCslAll(records);
    expect(together).toEqual(records.map((r) => formatCsl({ ...r })));
    expect(together[0]).toMatch(/^Young, A\. \(2019\)\. Zeta study\./);
  });

  it("never tells two references of the same authors and year apart with a letter, as a single reference has none", () => {
    const [a, b] = formatCslAll([csl("One", "Smith", 2016), csl("Two", "Smith", 2016)]);
    expect(a).toMatch(/\(2016\)\. One\./);
    expect(b).toMatch(/\(2016\)\. Two\./);
  });
});
