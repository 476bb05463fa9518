/**
 * A reference list becomes entries, one passage each (kind "reference", section "references"): entries
 * start at a label ("[12]", "12.") or, in author-year lists, at a line that opens with a surname and
 * initials. Reference text is searchable as references, never quoted as an answer to a content question.
 */
import type { Draft } from "./drafts.ts";
import { joinLines, type Vocabulary } from "./clean.ts";
import type { Segment } from "./sections.ts";
import { hardSplit } from "./table-passages.ts";

export interface ParsedReference {
  index: number;
  label: string | null;
  raw: string;
  authors: string[];
  year: number | null;
  title: string | null;
  venue: string | null;
  doi: string | null;
}

const LABEL = /^\s*(\[\d{1,3}\]|\d{1,3}\.)\s+/;
const AUTHOR_START = /^\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.|\p{Lu}[\p{L}-]+)/u;
const YEAR = /\b((?:19|20)\d\d)[a-z]?\b/;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;])/;

export function parseEntry(raw: string, index: number): ParsedReference {
  const label = LABEL.exec(raw)?.[1] ?? null;
  const body = label ? raw.slice(raw.indexOf(label) + label.length).trim() : raw.trim();
  const yearMatch = YEAR.exec(body);
  const head = yearMatch ? body.slice(0, yearMatch.index) : body.split(/\.\s/)[0];
  const authors = head
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((a) => a.trim())
    .filter((a) => /^\p{Lu}[\p{L}'’-]{1,}$/u.test(a) && a.length > 1);
  const afterYear = yearMatch ? body.slice(yearMatch.index + yearMatch[0].length).replace(/^[).,\s]+/, "") : body.slice(head.length).replace(/^[.\s]+/, "");
  const title = afterYear.split(/\.\s/)[0]?.trim() || null;
  const venue = afterYear.split(/\.\s/)[1]?.trim() || null;
  return { index, label, raw, authors, year: yearMatch ? Number(yearMatch[1]) : null, title, venue, doi: DOI.exec(body)?.[1] ?? null };
}

export function referenceDrafts(segment: Segment, vocabulary: Vocabulary, maxChars: number): { drafts: Draft[]; entries: ParsedReference[] } {
  const groups: { lines: string[]; page: number | null }[] = [];
  const labelled = segment.lines.filter((l) => LABEL.test(l.text)).length >= 3;
  for (const line of segment.lines) {
    const starts = labelled ? LABEL.test(line.text) : AUTHOR_START.test(line.text) || groups.length === 0;
    if (starts || groups.length === 0) groups.push({ lines: [line.text], page: line.page });
    else groups[groups.length - 1].lines.push(line.text);
  }
  const entries = groups.map((g, i) => parseEntry(joinLines(g.lines, vocabulary), i + 1));
  const drafts: Draft[] = entries.flatMap((entry, i) =>
    hardSplit(entry.raw, maxChars).map((text) => ({
      text,
      section: "references" as const,
      heading: segment.heading,
      page: groups[i].page,
      studies: [],
      kind: "reference" as const,
      cells: [],
      context: "",
      continues: false,
      referenceIndex: entry.index,
    })),
  );
  return { drafts, entries };
}
