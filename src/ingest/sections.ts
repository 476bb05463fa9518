/**
 * Sections: the review's own headings ("ABSTRAK", "Pendahuluan", "Metode Penelitian", ...) and the starts
 * of its two tables. The short table (No, Judul Artikel, Hasil) is the review's results section `hasil`;
 * the long table of the 10 studies (No, Database, Judul Artikel, ... Intervensi, Hasil) is `tabel`.
 */
import { joinLines, type Vocabulary } from "./clean.ts";
import type { SectionId, SourceLine } from "./types.ts";
import { foldCase } from "../text/tokenize.ts";

export type SegmentKind = "prose" | "results-table" | "study-table";

export interface Segment {
  section: SectionId;
  kind: SegmentKind;
  lines: SourceLine[];
}

/** Heading text (lower case, without punctuation) -> section. Other reviews' usual headings included. */
const HEADINGS: Record<string, SectionId> = {
  abstrak: "abstrak",
  abstract: "abstract",
  pendahuluan: "pendahuluan",
  introduction: "pendahuluan",
  "latar belakang": "pendahuluan",
  metode: "metode",
  "metode penelitian": "metode",
  "metode penulisan": "metode",
  metodologi: "metode",
  methods: "metode",
  method: "metode",
  hasil: "hasil",
  "hasil penelitian": "hasil",
  results: "hasil",
  pembahasan: "pembahasan",
  discussion: "pembahasan",
  simpulan: "simpulan",
  kesimpulan: "simpulan",
  "kesimpulan dan saran": "simpulan",
  conclusion: "simpulan",
  conclusions: "simpulan",
};

/** Column names of the review's tables; a table header is a "No" line followed by these. */
const COLUMN_WORDS = new Set(["judul", "artikel", "hasil", "database", "nama", "jurnal", "penulis", "tahun", "metode", "intervensi"]);
/** Columns that only the study table has. */
const STUDY_TABLE_COLUMNS = ["database", "penulis", "tahun", "intervensi"];

/** A heading is a line of words only ("Metode Penelitian", "ABSTRAK", "Simpulan:"), no numbers. */
function headingKey(line: string): string | undefined {
  const text = foldCase(line).trim().replace(/[:.]$/, "");
  return /^[\p{L} ]+$/u.test(text) ? text.replace(/\s+/g, " ") : undefined;
}

/**
 * A table header starting at `i`: a line that is "No" (possibly broken "N" / "o", possibly followed by
 * column names on the same line), then column names until the first row ("1. ..."). Returns the
 * table kind and the index of the first row line.
 */
function tableHeaderAt(lines: SourceLine[], i: number, vocabulary: Vocabulary): { kind: SegmentKind; firstRow: number } | undefined {
  if (!/^N(o\.?)?(\s|$)/.test(lines[i].text)) return undefined;
  let end = i + 1;
  while (end < lines.length && end - i <= 24 && !/^1\s*\.(\s|$)/.test(lines[end].text)) end++;
  if (end >= lines.length || end - i > 24) return undefined;
  const header = joinLines(lines.slice(i, end).map((l) => l.text), vocabulary);
  const words = new Set(foldCase(header).split(/[^\p{L}]+/u).filter((w) => COLUMN_WORDS.has(w)));
  if (!/^no\b/.test(foldCase(header)) || words.size < 2) return undefined;
  const kind = STUDY_TABLE_COLUMNS.some((c) => words.has(c)) ? "study-table" : "results-table";
  return { kind, firstRow: end };
}

/** Split a document's lines into sections. Text before any heading is `body` (other documents). */
export function splitSections(lines: SourceLine[], vocabulary: Vocabulary): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { section: "body", kind: "prose", lines: [] };
  const open = (section: SectionId, kind: SegmentKind) => {
    if (current.lines.length > 0) segments.push(current);
    current = { section, kind, lines: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    const key = headingKey(lines[i].text);
    const heading = key === undefined ? undefined : HEADINGS[key];
    // Inside a table, a column name on a line of its own ("Hasil") is a cell, not a heading.
    const isColumnName = current.kind !== "prose" && key !== undefined && COLUMN_WORDS.has(key);
    if (heading && !isColumnName) {
      open(heading, "prose");
      continue;
    }
    const table = tableHeaderAt(lines, i, vocabulary);
    if (table) {
      open(table.kind === "study-table" ? "tabel" : "hasil", table.kind);
      i = table.firstRow - 1;
      continue;
    }
    current.lines.push(lines[i]);
  }
  if (current.lines.length > 0) segments.push(current);
  return segments;
}
