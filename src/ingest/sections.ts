/**
 * Sections, generically: a heading is a short line that is a known section name in English or Indonesian
 * (headings.json), possibly numbered ("1 Introduction", "4.2 Crawler", "II. METHODS") or in capitals, or a
 * line the PDF layout marked as a heading (larger or bold font). A numbered heading the vocabulary does
 * not know takes the section of its parent number ("4.2 Crawler" under "4 Methodology"); an unknown
 * top-level heading starts `other`. Tables found by the table parser are segments of their own.
 *
 * @example splitSections(lines, []) // [{ section: "abstract", heading: "ABSTRAK", kind: "prose", lines }, ...]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataFileError } from "../domain/errors.ts";
import { SECTION_IDS, type SectionId } from "../domain/sections.ts";
import { HEADING_NUMBER } from "../text/heading.ts";
import { foldCase } from "../text/tokenize.ts";
import type { SourceLine } from "./types.ts";

export type SegmentKind = "prose" | "table" | "references";

export interface Segment {
  section: SectionId;
  /** The document's own heading ("Pembahasan", "4.2 Crawler"); "" before the first heading. */
  heading: string;
  kind: SegmentKind;
  lines: SourceLine[];
  /** Index of the table (in the list given to splitSections) for a table segment. */
  table?: number;
}

export interface TableRegion {
  /** Index of the first and last line of the table (header included) in the document's lines. */
  startLine: number;
  endLine: number;
}

const headingsFile = new URL("./headings.json", import.meta.url);
const HeadingsSchema = z.record(z.string(), z.union([z.array(z.string()), z.string()]));

let headingIndex: Map<string, SectionId> | undefined;

function headings(): Map<string, SectionId> {
  if (headingIndex) return headingIndex;
  const parsed = HeadingsSchema.safeParse(JSON.parse(readFileSync(headingsFile, "utf8")));
  if (!parsed.success) throw new DataFileError(headingsFile.pathname, undefined, parsed.error.issues[0].message);
  const index = new Map<string, SectionId>();
  for (const [section, names] of Object.entries(parsed.data)) {
    if (typeof names === "string") continue;
    if (!(SECTION_IDS as readonly string[]).includes(section)) throw new DataFileError(headingsFile.pathname, undefined, `unknown section id "${section}"`);
    for (const name of names) index.set(foldCase(name), section as SectionId);
  }
  return (headingIndex = index);
}

/** Longest line that can be a heading (characters, words). */
const MAX_HEADING_CHARS = 70;
const MAX_HEADING_WORDS = 9;

export interface HeadingMatch {
  section: SectionId | null;
  number: string | null;
  /** The heading as written, without surrounding space. */
  text: string;
}

/** The heading a line is, if any. `marked`: the layout says it is a heading (font size or weight). */
export function headingOf(line: string, marked = false): HeadingMatch | undefined {
  const text = line.trim();
  if (!text || text.length > MAX_HEADING_CHARS || /[.,;]$/.test(text)) return undefined;
  const numbered = HEADING_NUMBER.exec(text);
  const rest = numbered ? text.slice(numbered[0].length) : text;
  const name = foldCase(rest).replace(/[:：]\s*$/, "").replace(/\s+/g, " ").trim();
  if (!name || name.split(" ").length > MAX_HEADING_WORDS || !/^\p{L}/u.test(name)) return undefined;
  const known = headings().get(name) ?? null;
  // A lone capital letter "A" numbering only counts for a known heading or a marked one ("A Appendix").
  if (known) return { section: known, number: numbered?.[1] ?? null, text };
  if (marked && /^\p{Lu}/u.test(rest)) return { section: null, number: numbered?.[1] ?? null, text };
  return undefined;
}

/** The section of an unknown numbered heading: that of its parent number ("4.2" -> "4"), else other. */
function sectionByNumber(number: string | null, known: Map<string, SectionId>): SectionId | undefined {
  if (!number || !number.includes(".")) return undefined;
  const parent = number.split(".").slice(0, -1).join(".");
  return known.get(parent) ?? sectionByNumber(parent, known);
}

/**
 * Split a document's lines into sections and table segments. Text before the first heading is `other`
 * (a title page, authors). A table with no heading of its own between the methods and a later section is
 * the review's results.
 */
export function splitSections(lines: SourceLine[], tables: TableRegion[] = []): Segment[] {
  const segments: Segment[] = [];
  const numbered = new Map<string, SectionId>();
  let current: Segment = { section: "other", heading: "", kind: "prose", lines: [] };
  let sawResultsHeading = false;
  const push = () => {
    if (current.lines.length > 0) segments.push(current);
  };
  const tableAt = new Map(tables.map((t, i) => [t.startLine, i]));
  for (let i = 0; i < lines.length; i++) {
    const t = tableAt.get(i);
    if (t !== undefined) {
      push();
      const previous = current;
      const section: SectionId = previous.section === "methods" && !sawResultsHeading ? "results" : previous.section === "results" ? "results" : "table";
      segments.push({ section, heading: lines[i].text.trim(), kind: "table", lines: lines.slice(i, tables[t].endLine + 1), table: t });
      i = tables[t].endLine;
      current = { ...previous, lines: [] };
      continue;
    }
    const line = lines[i];
    const heading = line.role === "body" || line.role === undefined || line.role === "heading" ? headingOf(line.text, line.role === "heading") : undefined;
    if (heading) {
      // A heading set over two lines ("Trace-based ... for Dynamic" / "Languages"): an unnumbered,
      // unknown line in the same type right under a heading finishes it.
      const previous = lines[i - 1];
      if (current.lines.length === 0 && current.heading && previous?.role === "heading" && line.role === "heading" && previous.fontSize === line.fontSize && !heading.section && !heading.number) {
        current = { ...current, heading: `${current.heading} ${heading.text}` };
        continue;
      }
      push();
      const section = heading.section ?? sectionByNumber(heading.number, numbered) ?? "other";
      if (heading.number && !heading.number.includes(".")) numbered.set(heading.number, section);
      if (section === "results") sawResultsHeading = true;
      current = { section, heading: heading.text, kind: section === "references" ? "references" : "prose", lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  push();
  return segments;
}
