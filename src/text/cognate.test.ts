import { describe, expect, it } from "vitest";
import { cognatesIn, loanwordSkeleton } from "./cognate.ts";
import { stem } from "./stem.ts";

describe("cognatesIn", () => {
  // An English paper's stems (porter), as an index holds them.
  const english = Object.fromEntries(["query", "compilation", "recursion", "systematic", "system", "precision", "academic", "algorithm", "prism"].map((w) => [stem(w), 1]));
  const of = (word: string) => cognatesIn(stem(word), english);

  it("finds the English stem of an Indonesian loanword", () => {
    expect(of("kueri")).toEqual([stem("query")]);
    expect(of("kompilasi")).toEqual([stem("compilation")]);
    expect(of("rekursi")).toEqual([stem("recursion")]);
    expect(of("sistematis")).toEqual([stem("systematic")]);
    expect(of("presisi")).toEqual([stem("precision")]);
    expect(of("akademik")).toEqual([stem("academic")]);
    expect(of("algoritma")).toEqual([stem("algorithm")]);
  });

  it("does not take a longer word for a shorter one unless the rest is a loanword ending", () => {
    // "systematic" is no "system" + "at"; "prisma" is no "prism"ish word of another meaning unless spelled so
    expect(cognatesIn(stem("systematic"), { [stem("system")]: 1 })).toEqual([]);
    expect(of("anak")).toEqual([]);
    expect(of("sistem")).toEqual([stem("system")]);
  });

  it("spells the two languages' differences alike", () => {
    expect(loanwordSkeleton("psychoeducation")).toBe(loanwordSkeleton("psikoedukation"));
    expect(loanwordSkeleton("query")).toBe(loanwordSkeleton("kueri"));
  });
});
