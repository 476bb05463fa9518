/**
 * Finding a table header in a run of lines and reconstructing its column names.
 *
 * A PDF's narrow header cells come out one fragment per line ("Datab" / "ase", "Tah" / "un"); a wide table
 * header comes out on one line ("No. Judul Artikel Hasil"). Either way the header is read as a stream of
 * words, and consecutive words are rejoined (with or without a space) when together they spell a column
 * phrase of the vocabulary in table-columns.json (generic review-table vocabulary, kept as data).
 */
import { readFileSync } from "node:fs";
import { squash } from "../text/tokenize.ts";
import type { TableColumn, TableLine } from "./table-types.ts";

interface ColumnVocabulary {
  columns: { field: string; phrases: string[] }[];
  sectionHeadings: string[];
  venueCues: string[];
}

const VOCABULARY: ColumnVocabulary = JSON.parse(readFileSync(new URL("./table-columns.json", import.meta.url), "utf8"));

/** Phrase key (letters and digits only) -> the phrase as written in the vocabulary and its field. */
const PHRASES = new Map<string, { phrase: string; field: string }>();
for (const { field, phrases } of VOCABULARY.columns) {
  for (const phrase of phrases) {
    const key = squash(phrase);
    if (key && !PHRASES.has(key)) PHRASES.set(key, { phrase, field });
  }
}
const HEADINGS = new Set(VOCABULARY.sectionHeadings.map(squash));

/** A text that is a column name ("Desain Studi" left in a cell): a label, never a value. */
export function isColumnLabel(text: string): boolean {
  const key = squash(text);
  return key.length > 0 && PHRASES.has(key);
}
const VENUE_CUES = VOCABULARY.venueCues.map(squash);
/** A word cut by a narrow column still names a venue kind when this much of it is left ("Associati"). */
const MIN_CUE_PREFIX = 6;

/** The longest vocabulary phrase is four words; a broken phrase may span a few more fragments. */
const MAX_PHRASE_WORDS = 5;
/** A header has at most this many words (a 12-column header with two-word names and fragments). */
const MAX_HEADER_WORDS = 40;
/** Words of a header that are not column vocabulary: a few unknown column names, no more (prose is not a header). */
const MAX_UNKNOWN_WORDS = 3;
/** And at most one unknown column per this many known ones ("Hasil penelitian ini ... program" is prose). */
const KNOWN_PER_UNKNOWN = 3;
/** A header names at least this many distinct known fields besides the row number. */
const MIN_KNOWN_FIELDS = 2;

/** The field a header phrase names ("Nama Jurnal" -> "venue"), or null. */
export function fieldOfPhrase(phrase: string): string | null {
  return PHRASES.get(squash(phrase))?.field ?? null;
}

/** A line that is a generic paper section heading on its own ("Pembahasan", "Discussion"). */
export function isSectionHeading(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length <= 4 && HEADINGS.has(squash(text));
}

/** A word naming a kind of publication venue ("Journal", "Jurnal", "Bulletin"), or the start of one cut off by a narrow column. */
export function isVenueCue(word: string): boolean {
  const key = squash(word);
  return key.length > 0 && VENUE_CUES.some((c) => c === key || (key.length >= MIN_CUE_PREFIX && c.startsWith(key)));
}

/** A line that starts row 1 of a numbered table ("1. Google", "1.", "1) Smith"). */
export function startsFirstRow(text: string): boolean {
  return /^\s*1\s*[.)](\s|$)/.test(text);
}

export interface TableHeader {
  columns: TableColumn[];
  /** Index of the line that starts the first row. */
  firstRowLine: number;
  /** Index of the header's first line. */
  startLine: number;
}

interface HeaderWord {
  text: string;
  line: number;
}

/**
 * Group header words into columns: at each word the longest run of up to MAX_PHRASE_WORDS words that,
 * joined, spells a vocabulary phrase ("N"+"o", "Judul"+"Artikel"); other words are unknown column names,
 * consecutive unknown words on one line making one name. Returns null when too many words are unknown.
 */
export function groupHeaderWords(words: readonly { text: string; line: number }[]): TableColumn[] | null {
  const columns: TableColumn[] = [];
  let unknown = 0;
  let lastUnknownLine = -1;
  for (let k = 0; k < words.length; ) {
    let matched = 0;
    for (let span = Math.min(MAX_PHRASE_WORDS, words.length - k); span >= 1; span--) {
      const key = squash(words.slice(k, k + span).map((w) => w.text).join(""));
      if (key && PHRASES.has(key)) {
        const { phrase, field } = PHRASES.get(key)!;
        columns.push({ name: phrase, field });
        matched = span;
        break;
      }
    }
    if (matched) {
      k += matched;
      lastUnknownLine = -1;
      continue;
    }
    const word = words[k].text;
    if (squash(word)) {
      unknown++;
      const previous = columns.at(-1);
      if (previous && previous.field === null && lastUnknownLine === words[k].line) previous.name += ` ${word}`;
      else columns.push({ name: word, field: null });
      lastUnknownLine = words[k].line;
    }
    k++;
  }
  const known = new Set(columns.flatMap((c) => (c.field && c.field !== "number" ? [c.field] : [])));
  const knownColumns = columns.filter((c) => c.field !== null).length;
  const unknownColumns = columns.length - knownColumns;
  if (unknown > MAX_UNKNOWN_WORDS || unknownColumns > Math.floor(knownColumns / KNOWN_PER_UNKNOWN)) return null;
  return known.size >= MIN_KNOWN_FIELDS ? columns : null;
}

/** Read a header starting at line `start`: its words up to the line that starts row 1. */
function headerAt(lines: readonly TableLine[], start: number): (TableHeader & { unknown: number }) | null {
  const words: HeaderWord[] = [];
  for (let i = start; i < lines.length; i++) {
    const text = lines[i].text.trim();
    if (!text) continue;
    if (i > start && startsFirstRow(text)) {
      const columns = groupHeaderWords(words);
      if (!columns) return null;
      return { columns, firstRowLine: i, startLine: start, unknown: columns.filter((c) => c.field === null).length };
    }
    for (const w of text.split(/\s+/)) words.push({ text: w, line: i });
    if (words.length > MAX_HEADER_WORDS) return null;
  }
  return null;
}

/**
 * The header's first word is capitalised (column names are; the last word of a sentence, "tujuan.", is
 * not) and begins some column phrase ("N" of "No", "Datab" of "Database").
 */
function mayStartHeader(text: string): boolean {
  const first = text.trim().split(/\s+/)[0] ?? "";
  const key = squash(first);
  return /^[\p{Lu}#]/u.test(first) && key.length > 0 && [...PHRASES.keys()].some((p) => p.startsWith(key));
}

/**
 * The first table header at or after line `from`: a run of lines, beginning with a column phrase, made of
 * column names (at least MIN_KNOWN_FIELDS known fields) and followed by a line starting row 1. A sentence
 * ending in a column word can pass for the header's first line, and a header's last line alone can pass for
 * a header ("Intervensi Hasil"), so of the starts that lead to the same first row, the one with the fewest
 * unknown words, then the earliest, is the header.
 */
export function findTableHeader(lines: readonly TableLine[], from = 0): TableHeader | null {
  for (let i = from; i < lines.length; i++) {
    if (!mayStartHeader(lines[i].text)) continue;
    let best = headerAt(lines, i);
    if (!best) continue;
    for (let j = i + 1; j < best.firstRowLine; j++) {
      if (!mayStartHeader(lines[j].text)) continue;
      const other = headerAt(lines, j);
      if (other && other.firstRowLine === best.firstRowLine && other.unknown < best.unknown) best = other;
    }
    const { columns, firstRowLine, startLine } = best;
    return { columns, firstRowLine, startLine };
  }
  return null;
}
