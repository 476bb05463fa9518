/**
 * The reference list of a laid-out PDF, split into entries. The list starts at a "References" heading
 * (or Bibliography, Daftar Pustaka, ...) and ends at the next heading (an appendix) or the document's end.
 * Entries are split by their labels ("[12]", "12.") when the list is numbered, else by layout: a hanging
 * indent (continuation lines indented), a wider gap between entries, or an author name opening a line
 * after a full stop. Entries run on across lines, columns and pages.
 */
import { DocumentWords, joinTwo } from "../pdf/join.ts";
import { layoutText, type LayoutText, type LayoutTextOptions } from "../pdf/layout-text.ts";
import type { PdfLayout, PdfLine } from "../pdf/types.ts";
import { referenceFields, type ReferenceFields } from "./reference-fields.ts";

export interface ReferenceEntry extends ReferenceFields {
  /** 1-based position in the list. */
  index: number;
  /** The entry's text, lines joined. */
  raw: string;
  /** The page the entry starts on. */
  page: number;
}

const HEADING = /^(?:\d{1,2}\.?\s+|[IVX]{1,4}\.\s+)?(?:references?(?:\s+cited)?|bibliography|literature(?:\s+cited)?|works\s+cited|daftar\s+(?:pustaka|referensi|rujukan)|referensi|rujukan|kepustakaan)\s*:?$/i;
const BRACKET_LABEL = /^\[(\d{1,4})\]/;
const DOT_LABEL = /^(\d{1,4})\.\s+\S/;
/** A line opening with a name: "Agarwal, S.", "Shubham Agarwal,", "van Dijk, J.", "OpenAI." */
const AUTHOR_START = /^(?:(?:van|von|de|da|di|du|le|la)\s+)?\p{Lu}[\p{L}'’-]+(?:,\s+\p{Lu}|\s+\p{Lu}[\p{L}'’-]*[,.]|\s+\p{Lu}\.|\.\s)/u;
/** A numbered list has at least this many labelled lines (fewer are numbers that happen to start lines). */
const MIN_LABELS = 3;
/** Continuation lines indented by this much (in em) or more, up to HANGING_MAX_EM, are a hanging indent. */
const HANGING_MIN_EM = 0.4;
const HANGING_MAX_EM = 4;
/** A list uses a hanging indent when at least this share of its lines is indented. */
const HANGING_SHARE = 0.25;
/** A gap this much wider than the list's usual line spacing separates two entries. */
const ENTRY_GAP_RATIO = 1.25;

interface RefLine extends PdfLine {
  page: number;
}

/**
 * The entries of the document's reference list (none when there is no list).
 *
 * @example parseReferences(layout)[0] // { index: 1, label: "[1]", authors: [...], year: 2008, title: "LuaJIT roadmap 2008", page: 14, ... }
 */
export function parseReferences(layout: PdfLayout): ReferenceEntry[] {
  const section = findReferenceSection(layout);
  if (!section) return [];
  const words = new DocumentWords(layout.pages.flatMap((p) => p.lines.map((l) => l.text)));
  return splitEntries(section.lines).map((group, i) => {
    const raw = group.reduce((text, line, k) => (k === 0 ? line.text.trim() : joinTwo(text, line.text.trim(), words)), "");
    return { index: i + 1, ...referenceFields(raw), raw, page: group[0].page };
  });
}

export interface ReferenceSection {
  /** The list's lines in reading order, each with its page. */
  lines: RefLine[];
  /** The layout's own line objects of the section, heading included (to leave them out of the prose). */
  members: ReadonlySet<PdfLine>;
}

/**
 * The lines after the last reference heading, up to the next heading (readable pages only).
 *
 * @example findReferenceSection(layout)?.lines[0].text // "[1] LuaJIT roadmap 2008 - http://lua-users.org/lists/lua-l/2008-"
 */
export function findReferenceSection(layout: PdfLayout): ReferenceSection | undefined {
  const all = layout.pages
    .filter((p) => p.quality.ok)
    .flatMap((p) => p.lines.filter((l) => l.role !== "furniture" && l.role !== "stamp").map((line) => ({ line, page: p.number })));
  let start = -1;
  all.forEach(({ line }, i) => {
    if (HEADING.test(line.text.trim())) start = i;
  });
  if (start < 0) return undefined;
  const members = new Set<PdfLine>([all[start].line]);
  const lines: RefLine[] = [];
  for (const { line, page } of all.slice(start + 1)) {
    if (line.role === "heading") break;
    members.add(line);
    if (line.text.trim()) lines.push({ ...line, page });
  }
  return { lines, members };
}

/**
 * The document's running text without its reference list (entries are not prose, and their labels
 * would read as citations).
 *
 * @example findCitations(proseText(layout).text, parseReferences(layout))
 */
export function proseText(layout: PdfLayout, options: LayoutTextOptions = {}): LayoutText {
  const section = findReferenceSection(layout);
  return layoutText(layout, { ...options, exclude: section?.members });
}

/**
 * Group the list's lines into entries.
 *
 * @example splitEntries(findReferenceSection(layout)?.lines ?? []).length // 37
 */
export function splitEntries(lines: readonly RefLine[]): RefLine[][] {
  const numbered = numberingOf(lines);
  const hanging = numbered ? false : usesHangingIndent(lines);
  const spacing = usualSpacing(lines);
  const entries: RefLine[][] = [];
  let expected = 1;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    let starts: boolean;
    if (numbered) {
      const label = numbered.exec(line.text.trim());
      starts = !!label && Number(label[1]) >= expected && Number(label[1]) <= expected + 2;
      if (starts) expected = Number(label?.[1]) + 1;
    } else if (!previous) {
      starts = true;
    } else {
      const sameColumn = previous.page === line.page && previous.column === line.column && line.y > previous.y;
      const indent = line.x - leftEdge(lines, line);
      const gap = sameColumn ? line.y - previous.y : 0;
      const afterStop = /[.)]$/.test(previous.text.trim());
      starts = hanging
        ? indent < HANGING_MIN_EM * line.fontSize
        : (gap > ENTRY_GAP_RATIO * spacing && afterStop) || (afterStop && AUTHOR_START.test(line.text.trim()) && (gap === 0 || gap > spacing * 1.05));
    }
    if (starts || entries.length === 0) entries.push([line]);
    else entries[entries.length - 1].push(line);
  });
  return entries.filter((e) => e.some((l) => /\p{L}{2}/u.test(l.text)));
}

/** The label pattern when most entries are numbered ("[1]" or "1."), else undefined. */
function numberingOf(lines: readonly RefLine[]): RegExp | undefined {
  for (const pattern of [BRACKET_LABEL, DOT_LABEL]) {
    const numbers = lines.map((l) => pattern.exec(l.text.trim())?.[1]).filter((n): n is string => !!n).map(Number);
    const rising = numbers.filter((n, i) => i === 0 || n > numbers[i - 1]).length;
    if (numbers.length >= MIN_LABELS && rising >= 0.8 * numbers.length && numbers[0] <= 2) return pattern;
  }
  return undefined;
}

/** The leftmost start of the list's lines in the same page and column. */
function leftEdge(lines: readonly RefLine[], line: RefLine): number {
  return Math.min(...lines.filter((l) => l.page === line.page && l.column === line.column).map((l) => l.x));
}

function usesHangingIndent(lines: readonly RefLine[]): boolean {
  const indented = lines.filter((l) => {
    const indent = l.x - leftEdge(lines, l);
    return indent >= HANGING_MIN_EM * l.fontSize && indent <= HANGING_MAX_EM * l.fontSize;
  });
  return indented.length >= HANGING_SHARE * lines.length && indented.length < lines.length;
}

/** The most common distance between consecutive lines of one column. */
function usualSpacing(lines: readonly RefLine[]): number {
  const gaps = new Map<number, number>();
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || previous.page !== line.page || previous.column !== line.column || line.y <= previous.y) return;
    const gap = Math.round((line.y - previous.y) * 2) / 2;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  });
  let best = 0;
  let count = 0;
  for (const [gap, n] of gaps) if (n > count || (n === count && gap < best)) [best, count] = [gap, n];
  return best || 12;
}
