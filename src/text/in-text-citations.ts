/**
 * In-text citations and the reference entries they point to. Numbered lists are cited by number
 * ("[12]", "[3, 7]", "[12-14]", or "(12)" in documents that cite in parentheses); author-year lists by
 * name and year ("(Author, 2019)", "(Author et al., 2019; Other, 2020)", "Author et al. (2019)",
 * "Author and Other (2019a)"), linked by the first author's family name, the year and its letter.
 */
import { foldCase } from "./tokenize.ts";

/** What a citation is resolved against: an entry of a reference list (as parsed at ingest, or as stored). */
export interface CitableEntry {
  /** 1-based position in the list. */
  index: number;
  /** The entry's own label ("[12]", "12."), when numbered. */
  label?: string | null;
  /** Family names, first author first. */
  authors: string[];
  year?: number | null;
  /** "a" of "2019a". */
  yearSuffix?: string;
}

export interface InTextCitation {
  start: number;
  end: number;
  /** The `index` of each entry cited (unresolved names or numbers are left out). */
  entries: number[];
}

const NUMBERS = String.raw`\s*\d{1,4}(?:\s*[-–,;]\s*\d{1,4})*\s*`;
// A citation's bracket follows a space, a bracket or the start, never a word ("v0[4]", "ebx(748)").
const BRACKETED = new RegExp(String.raw`(?<![\p{L}\d_\])])\[(${NUMBERS})\]`, "gu");
const PARENTHESISED = new RegExp(String.raw`(?<![\p{L}\d_\])])\((${NUMBERS})\)`, "gu");
const YEAR = String.raw`(?:1[89]|20)\d{2}[a-z]?`;
const YEARS = String.raw`${YEAR}(?:\s*[,;]\s*${YEAR})*`;
const SURNAME = String.raw`(?:\p{Lu}\.\s*)*(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]el|[Dd]a|[Dd]i|[Ll]e|[Ll]a)\s+)?\p{Lu}[\p{L}'’\-]+`;
const AUTHORS = String.raw`${SURNAME}(?:\s+(?:et\.?\s*al\.?|dkk\.?)|\s+(?:and|&|dan)\s+${SURNAME})?`;
const GROUP = new RegExp(String.raw`^(?:(?:e\.g\.|i\.e\.|see(?:\s+also)?|cf\.|lihat)[,:]?\s+)?(${AUTHORS}),?\s+(${YEARS})(?:\s*[,:]\s*(?:p|pp|hal)\.?\s*[\d–-]+)?$`, "u");
const NARRATIVE = new RegExp(String.raw`(${AUTHORS})\s+\((${YEARS})\)`, "gu");
const PARENTHESES = /\(([^()]{4,400})\)/g;
/** A range wider than this is not a citation range ("1990-2020" is caught as years, not cited 1..2020). */
const MAX_RANGE = 50;

/**
 * Citations in `text`, each linked to the entries it cites.
 *
 * @example findCitations("as shown in [2, 4-5].", numberedEntries) // [{ start: 12, end: 20, entries: [2, 4, 5] }]
 * @example findCitations("(Feng et al., 2024)", authorYearEntries) // [{ start: 0, end: 19, entries: [8] }]
 */
export function findCitations(text: string, entries: readonly CitableEntry[]): InTextCitation[] {
  if (entries.length === 0) return [];
  const labelled = entries.filter((e) => e.label).length;
  return labelled >= entries.length / 2 ? numericCitations(text, entries) : authorYearCitations(text, entries);
}

function numericCitations(text: string, entries: readonly CitableEntry[]): InTextCitation[] {
  const byNumber = new Map(entries.flatMap((e) => (e.label ? [[Number(e.label.replace(/\D/g, "")), e.index] as const] : [])));
  const scan = (pattern: RegExp) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const numbers = expandNumbers(m[1]);
      if (numbers.length === 0 || !numbers.every((n) => byNumber.has(n))) return [];
      const start = m.index ?? 0;
      return [{ start, end: start + m[0].length, entries: numbers.map((n) => byNumber.get(n) ?? 0) }];
    });
  const bracketed = scan(BRACKETED);
  const parenthesised = scan(PARENTHESISED);
  // A document cites in one style; the other style's matches are equation numbers or list items.
  return bracketed.length >= parenthesised.length ? bracketed : parenthesised;
}

/**
 * "3, 7" -> [3, 7]; "12-14" -> [12, 13, 14].
 *
 * @example expandNumbers("3, 7, 12-14") // [3, 7, 12, 13, 14]
 */
export function expandNumbers(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/[,;]/)) {
    const [a, b] = part.split(/[-–]/).map((s) => Number(s.trim()));
    if (!Number.isInteger(a)) return [];
    if (b === undefined) out.push(a);
    else if (Number.isInteger(b) && b >= a && b - a <= MAX_RANGE) for (let n = a; n <= b; n++) out.push(n);
    else return [];
  }
  return out;
}

function authorYearCitations(text: string, entries: readonly CitableEntry[]): InTextCitation[] {
  const out: InTextCitation[] = [];
  for (const m of text.matchAll(PARENTHESES)) {
    const groups = m[1].split(";").map((g) => GROUP.exec(g.trim()));
    if (groups.length === 0 || groups.some((g) => !g)) continue;
    const start = m.index ?? 0;
    const cited = groups.flatMap((g) => (g ? resolve(g[1], g[2], entries) : []));
    out.push({ start, end: start + m[0].length, entries: unique(cited) });
  }
  for (const m of text.matchAll(NARRATIVE)) {
    const start = m.index ?? 0;
    if (out.some((c) => start < c.end && c.start < start + m[0].length)) continue;
    out.push({ start, end: start + m[0].length, entries: unique(resolve(m[1], m[2], entries)) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The entries cited by one name part ("Gusenbauer and Haddaway") with one or more years ("2021, 2020"). */
function resolve(names: string, years: string, entries: readonly CitableEntry[]): number[] {
  const [first, second] = names
    .replace(/\s+(?:et\.?\s*al\.?|dkk\.?)$/, "")
    .split(/\s+(?:and|&|dan)\s+/)
    .map(lastWord);
  const out: number[] = [];
  for (const year of years.split(/\s*[,;]\s*/)) {
    const [, digits, suffix] = /^(\d{4})([a-z]?)$/.exec(year.trim()) ?? [];
    let found = entries.filter((e) => e.year === Number(digits) && lastWord(e.authors[0] ?? "") === first);
    if (suffix && found.length > 1) found = found.filter((e) => e.yearSuffix === suffix);
    if (second && found.length > 1) found = found.filter((e) => e.authors.length > 1 && lastWord(e.authors[1]) === second);
    out.push(...found.map((e) => e.index));
  }
  return out;
}

/** The last word of a name, folded: "M. Bran" -> "bran", "Van Noorden" -> "noorden". */
function lastWord(name: string): string {
  const words = name.trim().split(/\s+/);
  return foldCase(words[words.length - 1] ?? "").replace(/[^\p{L}]/gu, "");
}

const unique = (xs: number[]) => [...new Set(xs)];
