import { describe, expect, it } from "vitest";
import { findAuthorYear, formatAuthorYear } from "./author-year.ts";

describe("findAuthorYear", () => {
  it.each([
    ["Journal of Educational Social Studies (Falaq et al., 2016)", ["Falaq"], 2016],
    ["(Aprilianzah & Bantarti, 2020)", ["Aprilianzah", "Bantarti"], 2020],
    ["hutang (Rusyidi et al., 2017).", ["Rusyidi"], 2017],
    ["(Maswita Djaja, Byarlina Gyamirti, 2016)", ["Djaja", "Gyamirti"], 2016],
    ["as Rothman et al. (2020) found", ["Rothman"], 2020],
    ["Smith and Jones (2019) argue", ["Smith", "Jones"], 2019],
  ])("reads %s", (text, surnames, year) => {
    const [c] = findAuthorYear(text);
    expect(c.surnames).toEqual(surnames);
    expect(c.year).toBe(year);
    expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("finds no citation in a year range or a bare year", () => {
    expect(findAuthorYear("dari tahun 2004-2017 dalam menangani")).toEqual([]);
    expect(findAuthorYear("Periode 2009-2014")).toEqual([]);
  });

  it("formats one, two and more authors", () => {
    expect(formatAuthorYear({ surnames: ["Rafferty"], year: 2018 })).toBe("Rafferty, 2018");
    expect(formatAuthorYear({ surnames: ["A", "B"], year: 2020 })).toBe("A & B, 2020");
    expect(formatAuthorYear({ surnames: ["A", "B", "C"], year: 2020 })).toBe("A et al., 2020");
    expect(formatAuthorYear({ surnames: ["Falaq"], etAl: true, year: 2016 })).toBe("Falaq et al., 2016");
  });
});
