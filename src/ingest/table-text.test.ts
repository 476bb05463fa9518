import { describe, expect, it } from "vitest";
import { Vocabulary } from "./clean.ts";
import { citationStarts, decideJoin, isNameLike, isYear, joinCellText, referenceMatches, rowWords } from "./table-text.ts";

const vocabulary = new Vocabulary(["penelitian ini menggunakan metode kualitatif dengan cara wawancara mendalam", "the mental health of children", "pergi ke rumah"]);
const words = (text: string) => rowWords([{ index: 0, text, page: null }]);

describe("rejoining words broken by narrow columns", () => {
  it("glues fragments that make a word, and a lone last letter", () => {
    expect(joinCellText(["Peneliti", "an", "kualitat", "if"], vocabulary)).toBe("Penelitian kualitatif");
    expect(joinCellText(["oleh", "wawan", "cara"], vocabulary)).toBe("oleh wawancara");
    expect(joinCellText(["berbasi", "s"], vocabulary)).toBe("berbasis");
    expect(joinCellText(["Journal of", "Education", "al Social", "Studies"], vocabulary)).toBe("Journal of Educational Social Studies");
    expect(joinCellText(["American", "Psycholog", "ical", "Associati", "on"], vocabulary)).toBe("American Psychological Association");
  });

  it("keeps two words apart when both are words", () => {
    expect(decideJoin("mental", "health", vocabulary)).toBe("space");
    expect(joinCellText(["ke", "rohanian,"], vocabulary)).toBe("ke rohanian,");
    expect(joinCellText(["services as a", "vital"], vocabulary)).toBe("services as a vital");
  });

  it("in a names cell, a lower-case line start continues the name before it, except particles", () => {
    expect(joinCellText(["Muhamm", "ad Hadziq", "Alfatih"], vocabulary, "authors")).toBe("Muhammad Hadziq Alfatih");
    expect(joinCellText(["Dian Fitriani", "Afifah,Ne", "neng Yani"], vocabulary, "authors")).toBe("Dian Fitriani Afifah, Neneng Yani");
    expect(joinCellText(["Smith et", "al."], vocabulary, "authors")).toBe("Smith et al.");
    expect(joinCellText(["Jurnal Ilmu", "(Purnama", "sari, 2015)"], vocabulary, "venue")).toBe("Jurnal Ilmu (Purnamasari, 2015)");
    expect(joinCellText(["Bulletin", "of the"], vocabulary, "venue")).toBe("Bulletin of the");
  });
});

describe("shapes", () => {
  it("years, names", () => {
    expect(["2016", "(2019)", "2020a", "2016,"].every(isYear)).toBe(true);
    expect(["1789", "20165", "Peneliti"].some(isYear)).toBe(false);
    expect(["Yusuf", "F.", "L.S.W", "et", "al.,", "&", "Rachman,"].every(isNameLike)).toBe(true);
    expect(["of", "penelitian", "(Falaq"].some(isNameLike)).toBe(false);
  });

  it("finds in-text citations ending at a word", () => {
    const w = words("Studies (Falaq et al., 2016) Yusuf (Cecchet & Thoburn, 2014) 2018");
    const starts = citationStarts(w);
    expect(starts[5]).toBe(1);
    expect(starts[10]).toBe(6);
    expect(starts[11]).toBe(-1);
  });
});

describe("referenceMatches", () => {
  it("matches words in order with their neighbours, across broken words", () => {
    const w = words("Hasil penelitian menunjukka n bahwa kabupaten lain");
    expect(referenceMatches(w, "Hasil penelitian menunjukkan bahwa Kabupaten Cianjur")).toEqual([true, true, true, true, true, true, false]);
  });

  it("takes a repeated phrase where it fits the order of the reference", () => {
    // The title's last words recur in the middle of the result; in a title reference only the first run fits.
    const w = words("Peran INGOs Dalam Menangani Kasus Perdagangan Anak di Jawa Barat Upaya organisasi dalam menangani kasus perdagangan anak di jawa barat");
    const title = referenceMatches(w, "Peran INGOs Dalam Menangani Kasus Perdagangan Anak di Jawa Barat");
    expect(title.slice(0, 10).every(Boolean)).toBe(true);
    expect(title.slice(10).some(Boolean)).toBe(false);
    const result = referenceMatches(w, "Upaya organisasi dalam menangani kasus perdagangan anak di jawa barat mendapatkan hasil");
    expect(result.slice(0, 10).some(Boolean)).toBe(false);
    expect(result.slice(10).every(Boolean)).toBe(true);
  });
});
