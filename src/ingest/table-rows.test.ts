import { describe, expect, it } from "vitest";
import { splitRows } from "./table-rows.ts";
import type { TableLine } from "./table-types.ts";

const lines = (...texts: string[]): TableLine[] => texts.map((text) => ({ text, page: null }));

describe("splitRows", () => {
  it("splits numbered rows, takes the number off, and joins a number broken over two lines ('1' / '0.')", () => {
    const texts = ["1. Google", "scholar", "2. Neliti Kerjasama", "3. Google"];
    for (let n = 4; n <= 9; n++) texts.push(`${n}. Google`, "scholar");
    texts.push("1", "0. ", "Google ", "Scholar");
    const rows = splitRows(lines(...texts), 0, texts.length);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0].lines.map((l) => l.text)).toEqual(["Google", "scholar"]);
    expect(rows[1].lines.map((l) => l.text)).toEqual(["Neliti Kerjasama"]);
    expect(rows[9].lines.map((l) => l.text)).toEqual(["Google", "Scholar"]);
    expect(rows[9].lines[0].index).toBe(texts.length - 2);
  });

  it("does not take a numbered list inside a cell for rows", () => {
    const rows = splitRows(lines("1. Google", "intervensi:", "1. Predisposisi", "kerentanan.", "2. Pengerahan.", "2. Google", "3. Google", "3. Isolasi"), 0, 8);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(rows[0].lines.map((l) => l.text)).toEqual(["Google", "intervensi:", "1. Predisposisi", "kerentanan.", "2. Pengerahan."]);
    expect(rows[2].lines.map((l) => l.text)).toEqual(["Google", "3. Isolasi"]);
  });

  it("prefers row starts that look like the others when two chains are as long", () => {
    const rows = splitRows(lines("1. Google", "2. hasilnya baik", "2. Google", "3. Google"), 0, 4);
    expect(rows.map((r) => r.lines[0].text)).toEqual(["Google", "Google", "Google"]);
  });

  it("skips a running header and the page number beside it, but keeps a bare year in a cell", () => {
    const rows = splitRows(
      lines("1. Neliti Kerjasama", "Periode 2009-", "2014 ", "17 ", " ", "Buletin Kesehatan Vol.6 No.1 Januari-Juli 2022   E-ISSN:2746-5810   ISSN: 2614-8080 ", "dan hak-hak"),
      0, 7,
    );
    expect(rows[0].lines.map((l) => l.text)).toEqual(["Neliti Kerjasama", "Periode 2009-", "2014", "dan hak-hak"]);
  });
});
