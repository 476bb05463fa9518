import { describe, expect, it } from "vitest";
import { familyNames, referenceFields } from "./reference-fields.ts";

describe("referenceFields", () => {
  it("reads an ACL-style entry (Given Family names, year after them)", () => {
    expect(referenceFields("Shubham Agarwal, Issam H Laradji, Laurent Charlin, and Christopher Pal. 2024. Litllm: A toolkit for scientific literature review. arXiv preprint arXiv:2402.01788.")).toEqual({
      authors: ["Agarwal", "Laradji", "Charlin", "Pal"],
      year: 2024,
      title: "Litllm: A toolkit for scientific literature review",
      venue: "arXiv preprint arXiv:2402.01788",
    });
  });

  it("reads a year letter and et al.", () => {
    const f = referenceFields("Yidong Wang, Qi Guo, Wenjin Yao, et al. 2024b. Autosurvey: Large language models can automatically write surveys. arXiv preprint arXiv:2406.10252.");
    expect(f).toMatchObject({ authors: ["Wang", "Guo", "Yao"], year: 2024, yearSuffix: "b", title: "Autosurvey: Large language models can automatically write surveys" });
  });

  it("reads an APA entry (Family, I. names, year in parentheses) with its DOI", () => {
    const f = referenceFields("Davis, F. D., Bagozzi, R. P., & Warshaw, P. R. (1989). User acceptance of computer technology: A comparison of two theoretical models. Management Science, 35(8), 982-1003. https://doi.org/10.1287/mnsc.35.8.982");
    expect(f).toMatchObject({ authors: ["Davis", "Bagozzi", "Warshaw"], year: 1989, title: "User acceptance of computer technology: A comparison of two theoretical models", doi: "10.1287/mnsc.35.8.982" });
  });

  it("reads a numbered ACM entry (I. Family names, year at the end)", () => {
    expect(referenceFields("[7] V. Bala, E. Duesterwald, and S. Banerjia. Dynamo: A transparent dynamic optimization system. In Proceedings of PLDI, pages 1–12. ACM Press, 2000.")).toMatchObject({
      label: "[7]",
      authors: ["Bala", "Duesterwald", "Banerjia"],
      year: 2000,
      title: "Dynamo: A transparent dynamic optimization system",
      venue: "Proceedings of PLDI",
    });
  });

  it("reads a web page with no authors", () => {
    expect(referenceFields("[3] SPECJVM98 - http://www.spec.org/jvm98/.")).toEqual({ label: "[3]", authors: [], title: "SPECJVM98" });
  });

  it("reads an Indonesian entry with dkk. and a dotted label", () => {
    expect(referenceFields("12. Wijaya, B., dkk. (2020). Perlindungan anak korban perdagangan. Jurnal Kesehatan, 4(1), 1-9.")).toMatchObject({
      label: "12.",
      authors: ["Wijaya"],
      year: 2020,
      title: "Perlindungan anak korban perdagangan",
    });
  });
});

describe("familyNames", () => {
  it("takes the last word of Given Family names and the first of Family, I. names", () => {
    expect(familyNames("Richard Van Noorden and Jeffrey M Perkel")).toEqual(["Noorden", "Perkel"]);
    expect(familyNames("Venkatesh, V., & Bala, H.")).toEqual(["Venkatesh", "Bala"]);
    expect(familyNames("A. D. Brown")).toEqual(["Brown"]);
  });

  it("refuses what is not a list of names", () => {
    expect(familyNames("LuaJIT roadmap 2008 - http://lua-users.org/lists")).toEqual([]);
  });
});
