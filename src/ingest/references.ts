/**
 * APA 7 references from the CSL-JSON records, formatted by citation-js (not string-built by hand).
 * Our extra fields (number, database, method, citedAs, note) are not CSL: citation-js would print some of
 * them ("number" as "Article 6"), so only CSL fields are passed.
 */
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import type { CslRecord } from "./studies.ts";

const NOT_CSL = new Set(["number", "database", "method", "citedAs", "note"]);

export function formatReference(record: CslRecord): string {
  const csl = Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_CSL.has(key)));
  const cite = new Cite(csl);
  return String(cite.format("bibliography", { format: "text", template: "apa", lang: "en-US" })).trim();
}
