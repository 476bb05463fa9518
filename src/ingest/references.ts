/**
 * APA 7 references, formatted by citation-js from CSL-JSON (not string-built by hand): from a study's
 * enrichment record when corpus/studies.json has one, else from what the record read out of the table.
 */
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import type { StudyRecord } from "../domain/study.ts";
import { cslOnly, type CslRecord } from "./studies-json.ts";

/** At most this many formatted references are remembered (a reference list has tens to a few hundred). */
const FORMATTED_KEPT = 5000;
const formatted = new Map<string, string>();

/**
 * The APA text of a CSL record. citeproc takes milliseconds per reference, and the same reference lists are
 * formatted again by every ingest of their documents in a process (an eval's two indexes of the same PDFs),
 * so the text is remembered by the record's JSON.
 */
export function formatCsl(csl: Record<string, unknown>): string {
  const key = JSON.stringify(csl);
  const known = formatted.get(key);
  if (known !== undefined) return known;
  let text = "";
  try {
    text = String(new Cite(csl).format("bibliography", { format: "text", template: "apa", lang: "en-US" })).trim();
  } catch {
    text = "";
  }
  if (formatted.size >= FORMATTED_KEPT) formatted.clear();
  formatted.set(key, text);
  return text;
}

/**
 * The APA texts of several CSL records, in their order. One citeproc run formats them all: about 40% less
 * time than one run each (an ingest formats every study of every review). Remembered one by one as
 * formatCsl does.
 */
export function formatCslAll(csls: Record<string, unknown>[]): string[] {
  const keys = csls.map((csl) => JSON.stringify(csl));
  // (Two references with the same authors and year would be told apart as "2016a", "2016b" in one run: those
  // are formatted on their own, as a study's single reference is.)
  const authorYear = (csl: Record<string, unknown>) => JSON.stringify([csl.author ?? csl.editor ?? csl.title, csl.issued]);
  const unique = new Map<string, number>();
  for (const csl of csls) unique.set(authorYear(csl), (unique.get(authorYear(csl)) ?? 0) + 1);
  const missing = [...new Set(keys.filter((key, i) => !formatted.has(key) && unique.get(authorYear(csls[i])) === 1))];
  if (missing.length > 1) {
    try {
      const items = missing.map((key, i) => ({ ...(JSON.parse(key) as Record<string, unknown>), id: `item-${i}` }));
      const entries = new Cite(items).format("bibliography", { format: "text", template: "apa", lang: "en-US", asEntryArray: true }) as unknown as [string, string][];
      const byId = new Map(entries.map(([id, text]) => [id, String(text).trim()]));
      if (formatted.size + missing.length >= FORMATTED_KEPT) formatted.clear();
      missing.forEach((key, i) => formatted.set(key, byId.get(`item-${i}`) ?? ""));
    } catch {
      // One bad record spoils a shared run: each is then formatted on its own.
    }
  }
  return csls.map((csl) => formatCsl(csl));
}

/** "Yusuf Falaq" -> { given: "Yusuf", family: "Falaq" }; a single word is a literal name. */
function cslName(name: string): { given?: string; family: string } | { literal: string } {
  const words = name.trim().split(/\s+/);
  return words.length === 1 ? { literal: words[0] } : { given: words.slice(0, -1).join(" "), family: words.at(-1)! };
}

/** A study record as CSL: title, authors (the table's author column), year, venue. */
export function recordCsl(record: Pick<StudyRecord, "number" | "fields">): Record<string, unknown> {
  const first = (field: keyof StudyRecord["fields"]) => record.fields[field]?.find((v) => v.source === "table")?.text ?? record.fields[field]?.[0]?.text;
  const authors = (first("authors") ?? "")
    .split(/\s*(?:,|;|&|\band\b|\bdan\b)\s*/)
    .map((a) => a.trim())
    .filter((a) => a && !/^et\.?\s*al\.?$/i.test(a));
  const year = Number(record.fields.year?.[0]?.keys[0] ?? NaN);
  return {
    id: `study-${record.number}`,
    type: "article-journal",
    title: first("title") ?? `Study ${record.number}`,
    ...(authors.length > 0 ? { author: authors.map(cslName) } : {}),
    ...(Number.isFinite(year) ? { issued: { "date-parts": [[year]] } } : {}),
    ...(first("venue") ? { "container-title": first("venue") } : {}),
  };
}

/** A study's CSL: its enrichment record when corpus/studies.json has one, else what the record read out of the table. */
export function studyCsl(record: Pick<StudyRecord, "number" | "fields">, enrichment?: CslRecord): Record<string, unknown> {
  return enrichment ? cslOnly(enrichment) : recordCsl(record);
}

export function formatStudyReference(record: Pick<StudyRecord, "number" | "fields">, enrichment?: CslRecord): string {
  return formatCsl(studyCsl(record, enrichment));
}
