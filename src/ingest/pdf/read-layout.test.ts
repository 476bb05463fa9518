/**
 * readPdfLayout on real PDFs nobody on the team made (test/fixtures/pdfs/SOURCES.md): a two-column ACM
 * paper (tracemonkey), an arXiv paper with a margin stamp (pasa), and a review whose text layer is mostly
 * unmapped glyphs (TAMReview).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { proseText } from "../references/parse-references.ts";
import { readPdfLayout } from "./read-layout.ts";
import type { PdfLayout, PdfLine } from "./types.ts";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/pdfs/${name}`, import.meta.url));
const withRole = (layout: PdfLayout, role: PdfLine["role"]) => layout.pages.flatMap((p) => p.lines.filter((l) => l.role === role));
const texts = (lines: readonly PdfLine[]) => lines.map((l) => l.text);

let tracemonkey: PdfLayout;
let pasa: PdfLayout;
let tam: PdfLayout;
beforeAll(async () => {
  [tracemonkey, pasa, tam] = await Promise.all(["tracemonkey.pdf", "pasa.pdf", "TAMReview.pdf"].map(async (f) => readPdfLayout(fixture(f))));
});

describe("tracemonkey.pdf: two columns", () => {
  it("reads a sentence from the bottom of the left column on into the top of the right column", () => {
    const text = proseText(tracemonkey).text;
    expect(text).toContain("JavaScript, for example, is the de facto standard for client-side web programming and is used for the application logic of browser-based productivity applications");
  });

  it("keeps right-column lines out of left-column sentences", () => {
    const text = proseText(tracemonkey).text;
    const left = text.indexOf("Dynamic languages such as JavaScript, Python, and Ruby, are popular");
    const crossing = text.indexOf("client-side web programming and is used");
    const right = text.indexOf("Compilers for statically typed languages rely on type information");
    expect(left).toBeGreaterThan(-1);
    expect(left).toBeLessThan(crossing);
    expect(crossing).toBeLessThan(right);
    // On page 1, below the title block, every left-column line comes before every right-column line.
    const columns = tracemonkey.pages[0].lines.filter((l) => l.role === "body" && l.column > 0).map((l) => l.column);
    expect(columns.lastIndexOf(1)).toBeLessThan(columns.indexOf(2));
  });

  it("takes the ACM permission block as a footnote, out of the prose", () => {
    const permission = tracemonkey.pages[0].lines.filter((l) => /Permission to make digital|Copyright/.test(l.text));
    expect(permission.map((l) => l.role)).toEqual(["footnote", "footnote"]);
    const text = proseText(tracemonkey).text;
    expect(text).not.toMatch(/Permission to make digital|PLDI’09|978-1-60558/);
  });

  it("takes a chart's tick labels in a font with no Unicode map out of the sentence they sit beside", () => {
    // Page 10: the left column ends "... handling of type-unstable", the right one goes on "loops and ...";
    // between them in reading order, Figure 11's ticks («!"# $!"# %!"# ...», small print, no letters).
    expect(texts(withRole(tracemonkey, "figure"))).toContain('!"# $!"# %!"# &!"# \'!"# (!"# )!"# *!"# +!"# ,!"# $!!"#');
    expect(proseText(tracemonkey).text).toContain("handling of type-unstable loops and heavily branching code");
  });

  it("takes numbered footnotes and figure captions out of the prose", () => {
    expect(texts(withRole(tracemonkey, "footnote"))).toContain("1 Arrays are actually worse than this: if the index value is a number, it must");
    expect(texts(withRole(tracemonkey, "caption"))).toContain("Figure 2. State machine describing the major activities of Trace-");
    const text = proseText(tracemonkey).text;
    expect(text).not.toMatch(/Arrays are actually worse than this|State machine describing|Symbol Key/);
  });

  it("finds the numbered headings with their numbers and text", () => {
    const headings = texts(withRole(tracemonkey, "heading"));
    for (const h of ["1. Introduction", "2. Overview: Example Tracing Run", "3.1 Traces", "4.1 Nesting Algorithm", "6.4 Preemption", "10. Future Work", "References"]) {
      expect(headings).toContain(h);
    }
    expect(headings.every((h) => h.length <= 120)).toBe(true);
  });
});

describe("pasa.pdf: arXiv stamp, page numbers, appendix headings", () => {
  it("takes the rotated arXiv stamp as a stamp and keeps it out of the prose", () => {
    expect(texts(withRole(pasa, "stamp"))).toEqual(["arXiv:2501.10120v1 [cs.IR] 17 Jan 2025"]);
    expect(proseText(pasa).text).not.toContain("2501.10120");
  });

  it("takes every page's number as furniture and no other line", () => {
    for (const page of pasa.pages) expect(texts(page.lines.filter((l) => l.role === "furniture"))).toEqual([String(page.number)]);
    const body = withRole(pasa, "body");
    expect(body.some((l) => /^\d{1,2}$/.test(l.text))).toBe(false);
  });

  it("finds numbered and lettered headings", () => {
    const headings = texts(withRole(pasa, "heading"));
    for (const h of ["1 Introduction", "2 Related Work", "3.1 AutoScholarQuery", "4.2 Crawler", "5.4 Ablation study", "A Implementation Details of the Crawler", "A.1 Imitation learning data generation", "E.2 Prompt for Paper Selection"]) {
      expect(headings).toContain(h);
    }
  });

  it("reads on across a column break in the middle of a citation", () => {
    expect(proseText(pasa).text).toContain("optimizing and training these agents (Feng et al., 2024; Putta et al., 2024; Liu et al., 2023). Among these efforts, AGILE");
  });

  it("keeps figure labels and footnote links out of the prose", () => {
    const text = proseText(pasa).text;
    expect(text).not.toMatch(/https:\/\/iclr\.cc|Select \/ Drop|Equal contribution/);
    expect(texts(withRole(pasa, "footnote"))).toContain("∗Equal contribution.");
  });
});

describe("TAMReview.pdf: garbled text layer", () => {
  it("refuses the pages whose text is unmapped glyphs and keeps the readable cover and back pages", () => {
    expect(tam.pages.filter((p) => p.quality.ok).map((p) => p.number)).toEqual([1, 23]);
    for (const page of tam.pages.filter((p) => !p.quality.ok)) expect(page.quality.reason).toMatch(/control characters/);
  });

  it("leaves refused pages out of the prose", () => {
    const text = proseText(tam).text;
    expect(text).toContain("User acceptance of technology has been an important field of study");
    // Control characters other than the newlines between paragraphs.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe("loading pdf.js", () => {
  it("leaves the engine's own Array.prototype.push, JSON.parse and Function.prototype.toString in place, after reading a PDF too", () => {
    // A fresh process: here pdf.js is already loaded, and the polyfills would make the snapshot themselves.
    // Reading a document matters: pdf.js loads its worker module then, unless it was handed one.
    const script = `
      const natives = [Array.prototype.push, JSON.parse, Function.prototype.toString];
      const { makePdf } = await import(${JSON.stringify(new URL("../../../test/helpers/pdf.ts", import.meta.url).href)});
      const { readPdfLayout } = await import(${JSON.stringify(new URL("./read-layout.ts", import.meta.url).href)});
      await readPdfLayout(new Uint8Array(await makePdf([["A page of text."]])));
      const now = [Array.prototype.push, JSON.parse, Function.prototype.toString];
      console.log(JSON.stringify(now.map((f, i) => f === natives[i])));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual([true, true, true]);
  });
});
