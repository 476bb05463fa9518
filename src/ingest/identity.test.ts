/**
 * What a first page says of its document beyond title and authors: institutions, the corresponding author,
 * where and when it was published, and the acronym its title spells out. Lines written for this test in the
 * shapes real first pages print them (numbered and symbol marks, brace-grouped emails, ACM and arXiv lines).
 */
import { describe, expect, it } from "vitest";
import { affiliationsIn, correspondingAuthorIn, doiOnFirstPage, readIdentity, titleAcronyms, venueOnFirstPage } from "./identity.ts";
import type { LineRole, RawDocument } from "./types.ts";

/** A PDF whose first page has these lines (text, font size, role), in reading order. */
function pdfWith(lines: [string, number, LineRole][]): RawDocument {
  return {
    id: "spec.pdf", source: "spec.pdf", format: "pdf", sha256: "",
    pages: [{ number: 1, text: lines.map(([t]) => t).join("\n"), lines: lines.map(([text, fontSize, role]) => ({ text, fontSize, bold: false, role })) }],
  };
}

describe("affiliationsIn", () => {
  it("splits institutions at the marks the author names point to, and leaves out names and emails", () => {
    const block = ["Ana Lestari∗1 Budi Santoso†1 Citra Dewi2", "1Institut Teknologi Bandung 2Universitas Gadjah Mada", "{ana,budi}@itb.ac.id, citra@ugm.ac.id"];
    expect(affiliationsIn(block)).toEqual(["Institut Teknologi Bandung", "Universitas Gadjah Mada"]);
  });

  it("keeps an institution whole across its commas, with the mark after it removed", () => {
    const block = ["Jane Roe+, John Doe#", "University of California, Irvine+", "{jroe}@uci.edu", "Acme Research Corporation#"];
    expect(affiliationsIn(block)).toEqual(["University of California, Irvine", "Acme Research Corporation"]);
  });

  it("finds none in a block of names and links", () => {
    expect(affiliationsIn(["Jane Roe and John Doe", "Demo: https://example.org"])).toEqual([]);
  });
});

describe("correspondingAuthorIn", () => {
  const block = ["Ana Lestari∗1 Budi Santoso†1 Citra Dewi2", "1Institut Teknologi Bandung"];
  const authors = ["Ana Lestari", "Budi Santoso", "Citra Dewi"];

  it("is the author carrying the mark a 'Corresponding author' note explains", () => {
    expect(correspondingAuthorIn(block, ["∗Equal contribution.", "†Corresponding author."], authors)).toBe("Budi Santoso");
  });

  it("is the author a 'Penulis korespondensi:' line names", () => {
    expect(correspondingAuthorIn(["Ana Lestari, Budi Santoso"], ["Penulis korespondensi: Budi Santoso, budi@example.ac.id"], ["Ana Lestari", "Budi Santoso"])).toBe("Budi Santoso");
  });

  it("is nobody when no note says so (a mark for an institution is no such note)", () => {
    expect(correspondingAuthorIn(block, ["∗Equal contribution."], authors)).toBeNull();
  });
});

describe("venueOnFirstPage", () => {
  it("reads an ACM conference line: the venue with its place and date, and the year", () => {
    expect(venueOnFirstPage(["Permission to make digital or hard copies ...", "CHI’21, May 8–13, 2021, Yokohama, Japan.", "© 2021 ACM"])).toEqual({ venue: "CHI’21, May 8–13, 2021, Yokohama, Japan", year: 2021 });
  });

  it("names the series an ISSN belongs to, from the same line or the one before", () => {
    expect(venueOnFirstPage(["Jurnal Kesehatan Masyarakat, ISSN 2087-1234"]).venue).toBe("Jurnal Kesehatan Masyarakat");
    expect(venueOnFirstPage(["Working Papers on Health Systems", "ISSN 1535-6078"]).venue).toBe("Working Papers on Health Systems");
  });

  it("reads an arXiv stamp as the venue, and its date as the year", () => {
    expect(venueOnFirstPage(["arXiv:2401.01234v2 [cs.CL] 3 Feb 2024"])).toEqual({ venue: "arXiv:2401.01234v2 [cs.CL]", year: 2024 });
  });

  it("takes the year of the document citing itself before any other", () => {
    const lines = ["Reference: Roe J. (2009). \"A Survey of Surveys,\" Working Papers, 9(3).", "arXiv:1001.01234v1 [cs.CL] 3 Feb 2010"];
    expect(venueOnFirstPage(lines).year).toBe(2009);
  });

  it("finds nothing on a page that prints none of them", () => {
    expect(venueOnFirstPage(["Abstract", "We study shelters in 2019 and 2020."])).toEqual({ venue: null, year: null });
  });
});

describe("titleAcronyms", () => {
  it("spells out a run of capitalised title words when the text uses the acronym", () => {
    expect(titleAcronyms("Overview of the Technology Acceptance Model: Origins and Directions", "This paper reviews the Technology Acceptance Model (TAM).")).toEqual(["TAM"]);
  });

  it("skips function words inside the run (Theory of Planned Behavior: TPB)", () => {
    expect(titleAcronyms("Applying the Theory of Planned Behavior to Shelters", "Under the TPB, intention ...")).toEqual(["TPB"]);
  });

  it("keeps none the text never uses", () => {
    expect(titleAcronyms("Trace-based Just-in-Time Type Specialization for Dynamic Languages", "We present a compiler.")).toEqual([]);
  });

  it("keeps an acronym the title writes out in parentheses", () => {
    expect(titleAcronyms("A Study of Child Protection (CPS) Programs", "")).toEqual(["CPS"]);
  });
});

describe("readIdentity on a PDF's first page", () => {
  it("takes a three-word title in the largest type, and a group under it as the authors' institution, not an author", () => {
    const raw = pdfWith([
      ["Shared Shelter Database", 24.8, "heading"],
      ["X Desktop Group (http://www.example.org)", 17.2, "body"],
      ["Thomas Leonard", 17.2, "heading"],
      ["1. Introduction", 17.2, "heading"],
      ["This is version 0.21 of the specification.", 10, "body"],
    ]);
    const identity = readIdentity(raw, [], undefined);
    expect(identity).toMatchObject({ title: "Shared Shelter Database", authors: ["Thomas Leonard"], affiliations: ["X Desktop Group"] });
  });
});

describe("doiOnFirstPage", () => {
  it("reads the DOI a line labels, not one the text cites", () => {
    expect(doiOnFirstPage(["As shown before (10.1000/xyz123).", "DOI: 10.1016/j.chiabu.2019.104123.", "Received 3 May 2019"])).toBe("10.1016/j.chiabu.2019.104123");
    expect(doiOnFirstPage(["https://doi.org/10.1145/1542476.1542528"])).toBe("10.1145/1542476.1542528");
    expect(doiOnFirstPage(["As shown before (10.1000/xyz123)."])).toBeNull();
  });
});
