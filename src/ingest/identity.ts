/**
 * A document's identity: title, authors, year, venue, language. Read from the PDF's own metadata when it
 * is plausible, else from the first page (the largest type at the top is the title; the lines under it
 * that look like names are the authors), or from a text's first line and its running header ("Buletin
 * Kesehatan Vol.6 No.1 Januari-Juli 2022"); an optional CSL record (studies.json) overrides what it gives.
 *
 * @example readIdentity(raw, lines, header) // { title: "Trace-based Just-in-Time ...", authors: ["Andreas Gal", ...], year: 2009, ... }
 */
import type { Lang } from "../domain/lang.ts";
import { detectLanguage } from "../text/language.ts";
import { headingOf } from "./sections.ts";
import type { CslRecord } from "./studies-json.ts";
import type { RawDocument, SourceLine } from "./types.ts";

export interface Identity {
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  lang: Lang;
}

/** PDF metadata titles that are not titles ("Microsoft Word - draft3.docx", "untitled"). */
const PLACEHOLDER_TITLE = /^(?:untitled|microsoft word|document\d*|title|\s*$)|\.(?:docx?|pdf|tex|dvi|indd)\b/i;
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
/** A person's name: two to five capitalised words, initials allowed ("Emily F. Rothman", "Andreas Gal", "Weinan E"). */
const PERSON = /^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,4}\p{Lu}[\p{L}'’-]*$/u;
/** Marks after an author's name pointing to an affiliation or a note: digits, asterisks, daggers, +, $, #. */
const AFFILIATION_MARKS = /[\d*∗†‡§¶+$#]+/g;
/** A title has at least this many words, on at most this many lines. */
const MIN_TITLE_WORDS = 4;
const MAX_TITLE_LINES = 4;
const AFFILIATION = /\b(?:university|universitas|institute|institut|department|departemen|fakultas|faculty|school|college|laboratory|lab|inc\.|corporation|research|@)\b/i;

function plausibleTitle(title: string | undefined): string | undefined {
  const t = title?.replace(/\s+/g, " ").trim();
  return t && t.length >= 8 && !PLACEHOLDER_TITLE.test(t) ? t : undefined;
}

/** Names in an author line: split at commas, "and", "dan", "&", and at affiliation marks ("Yichen He∗1 Guanhua Huang∗1"). */
export function splitAuthors(line: string): string[] {
  return line
    .replace(AFFILIATION_MARKS, ",")
    .split(/\s*(?:,|;|\band\b|\bdan\b|&)\s*/i)
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter((n) => PERSON.test(n));
}

/** Title and authors from the first page of a PDF with layout: the largest type near the top. */
function fromFirstPage(raw: RawDocument): { title?: string; authors: string[] } {
  const lines = raw.pages[0]?.lines?.filter((l) => l.role !== "furniture" && l.role !== "stamp" && l.text.trim()) ?? [];
  if (lines.length === 0) return { authors: [] };
  const top = lines.slice(0, 25);
  // The title: the largest type near the top that reads like one (a logo or a two-word banner does not).
  const runs: { start: number; end: number; size: number; words: number }[] = [];
  for (let i = 0; i < top.length; i++) {
    const size = top[i].fontSize;
    let end = i;
    while (end + 1 < top.length && Math.abs(top[end + 1].fontSize - size) < 0.5) end++;
    runs.push({ start: i, end, size, words: top.slice(i, end + 1).map((l) => l.text).join(" ").split(/\s+/).length });
    i = end;
  }
  const best = runs.filter((r) => r.words >= MIN_TITLE_WORDS && r.end - r.start < MAX_TITLE_LINES).sort((a, b) => b.size - a.size)[0];
  if (!best) return { authors: [] };
  const start = best.start;
  const end = best.end;
  const title = top.slice(start, end + 1).map((l) => l.text.trim()).join(" ");
  const authors: string[] = [];
  for (const line of top.slice(end + 1, end + 8)) {
    if (headingOf(line.text) || /^abstract/i.test(line.text.trim())) break;
    if (AFFILIATION.test(line.text)) continue;
    authors.push(...splitAuthors(line.text));
  }
  return { title: plausibleTitle(title), authors: [...new Set(authors)] };
}

/** Venue and year from a journal's running header: "Buletin Kesehatan Vol.6 No.1 Januari-Juli 2022 ...". */
export function fromRunningHeader(header: string | undefined): { venue: string | null; year: number | null } {
  if (!header) return { venue: null, year: null };
  const venue = /^(.*?)\s*\bvol(?:ume)?\.?\s*\d/i.exec(header)?.[1]?.trim() || null;
  const years = [...header.matchAll(YEAR)].map((m) => Number(m[1]));
  return { venue, year: years.length > 0 ? Math.max(...years) : null };
}

/** "review-child-trafficking-programs.txt" -> "Review child trafficking programs". */
function titleFromFileName(id: string): string {
  const base = id.split("/").at(-1)!.replace(/\.[a-z0-9]+$/i, "").replace(/[-_]+/g, " ").trim();
  return base.charAt(0).toUpperCase() + base.slice(1);
}

function cslAuthors(csl: CslRecord): string[] {
  return (csl.author ?? []).map((a) => ("literal" in a ? a.literal : `${a.given ?? ""} ${a.family}`.trim()));
}

export function readIdentity(raw: RawDocument, lines: SourceLine[], runningHeader: string | undefined, csl?: CslRecord): Identity {
  const text = lines.slice(0, 400).map((l) => l.text).join(" ");
  const lang = detectLanguage(text);
  const header = fromRunningHeader(runningHeader);
  let title = plausibleTitle(raw.info?.title);
  let authors = raw.info?.author ? splitAuthors(raw.info.author) : [];
  if (raw.format === "pdf" && (!title || authors.length === 0)) {
    const page = fromFirstPage(raw);
    title ??= page.title;
    if (authors.length === 0) authors = page.authors;
  }
  if (!title && raw.format === "md") title = plausibleTitle(/^#\s+(.+)$/m.exec(raw.pages[0]?.text ?? "")?.[1]);
  if (!title && raw.format !== "pdf") {
    const first = lines[0]?.text ?? "";
    if (!headingOf(first) && first.length <= 200 && !/[.!?]$/.test(first)) title = plausibleTitle(first);
  }
  const firstPageYears = [...(raw.pages[0]?.text ?? "").slice(0, 4000).matchAll(YEAR)].map((m) => Number(m[1]));
  const year = header.year ?? raw.info?.creationYear ?? (firstPageYears.length > 0 ? Math.max(...firstPageYears) : null);
  const venue = header.venue;
  const read = { title: title ?? titleFromFileName(raw.id), authors, year, venue, lang };
  return csl ? withCsl(read, csl) : read;
}

/** An identity with what a CSL record (corpus/studies.json) says in place of what was read. */
export function withCsl(identity: Identity, csl: CslRecord): Identity {
  return {
    ...identity,
    title: csl.title ?? identity.title,
    authors: cslAuthors(csl).length > 0 ? cslAuthors(csl) : identity.authors,
    year: csl.issued?.["date-parts"]?.[0]?.[0] ?? identity.year,
    venue: csl["container-title"] ?? identity.venue,
  };
}
