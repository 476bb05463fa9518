/**
 * What reading a PDF's layout gives: pages of lines in reading order, each line with its place, its font
 * and its role (body text, heading, or something that is not part of the running text).
 */

/**
 * - body: running text.
 * - heading: a section heading (numbered, or larger/bolder than the body font, on a short line).
 * - furniture: running headers, footers and page numbers (repeated in the margins across pages).
 * - footnote: small-font blocks at the bottom of a column (footnotes, copyright/permission blocks).
 * - caption: figure and table captions ("Table 2. Results by page.") with their continuation lines.
 * - figure: text inside figures and tables (labels, axis ticks, cells, code listings), and side-by-side
 *   blocks such as a title page's author grid.
 * - stamp: rotated text in the margin (e.g. a repository's side stamp).
 */
export type LineRole = "body" | "heading" | "furniture" | "footnote" | "caption" | "figure" | "stamp";

/** A piece of a line between word spaces, where it stands: a table row's cells are made of these. */
export interface LineSpan {
  text: string;
  /** Left edge, in PDF points from the page's left. */
  x: number;
  width: number;
}

export interface PdfLine {
  text: string;
  /** Left edge, in PDF points from the page's left. */
  x: number;
  /** Baseline, in PDF points from the page's top. */
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
  /** 0: spans the page (or the page has one column); 1..n: the nth column from the left. */
  column: number;
  role: LineRole;
  /** Most of its characters are set in a fixed-width font (code, a listing). */
  monospace: boolean;
  /** Its pieces between word spaces, left to right. */
  spans: LineSpan[];
}

export interface PageQuality {
  /** Share of non-space characters that are letters. */
  letters: number;
  /** Share of non-space characters that are control characters (unmapped glyphs). */
  control: number;
  /** Share of non-space characters in the Unicode private-use areas (unmapped glyphs). */
  privateUse: number;
  /** Share of word tokens that are English or Indonesian words; null when its glyphs already refuse the page. */
  dictionaryRate: number | null;
  ok: boolean;
  /** Why the page was refused, when it was. */
  reason?: string;
}

export interface PdfPage {
  /** 1-based page number in the file. */
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
  quality: PageQuality;
  /** The tables read from the page's figure text (grids of at least 2 columns and 2 rows). */
  tables: PdfTable[];
}

/**
 * A table read from a page: its columns (named by the header rows above them), its body rows (one cell per
 * column, "" where a row has none) and its caption.
 */
export interface PdfTable {
  /** 1-based page number. */
  page: number;
  /** The caption's lines ("Table 6: Results on RealScholarQuery."), [] when the table has none. */
  caption: string[];
  /** Each column's name: the header cells over it, top to bottom, joined by a space ("" when none). */
  columns: string[];
  rows: string[][];
  /** Index in the page's lines (reading order) of the table's first line: where the table stands in the text. */
  firstLine: number;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creationYear?: number;
}

export interface PdfLayout {
  info: PdfInfo;
  pages: PdfPage[];
}
