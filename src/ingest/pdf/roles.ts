/**
 * The role of each line on a page, judged against the document's body style. Applied in order, each rule
 * only to lines no earlier rule claimed: table cells, footnotes, captions, figure labels, headings; what is
 * left is body text. Furniture and stamps are marked before (they need all pages).
 */
import type { RawLine } from "./lines.ts";
import { roundTo, type BodyStyle } from "./stats.ts";
import type { LineRole } from "./types.ts";

export interface PlacedLine extends RawLine {
  column: number;
  bold: boolean;
  role?: LineRole;
}

/** Smaller than this share of the body size is small print (footnotes, labels): 8/10 and 9/11 qualify, 9.96/10.91 not. */
const SMALL_RATIO = 0.9;
/** Larger than this share of the body size is a heading size (10.96/8.97 and 11.96/10.91 qualify). */
const HEADING_RATIO = 1.08;
/** A footnote block is set off from the text above by at least this many body line spacings (a rule and some space). */
const FOOTNOTE_GAP_LEADINGS = 1.2;
/** A footnote block is at most this share of its column's lines (a whole small-print column is not a footnote). */
const FOOTNOTE_MAX_SHARE = 0.5;
/** A table cell is narrower than this share of a body line (a full line is never a cell). */
const TABLE_CELL_SHARE = 0.8;
/** A table's rows (rows cut into cells) are at most this many font sizes apart; one cut row alone is a justified line. */
const TABLE_ROW_GAP_EM = 3;
/** A table grows to lines within this many font sizes of its cells (header rows sit ~1.5 lines apart). */
const TABLE_GROW_EM = 2;
/** A line is set in a fixed-width font when this share of its characters is. */
const CODE_SHARE = 0.8;
/** A short piece with fewer letters than this is not prose ("0.5", "%#", "(b)"). */
const MIN_LABEL_LETTERS = 2;
/** A figure label is narrower than this share of a body line. */
const LABEL_MAX_SHARE = 0.5;
/** Lines of one caption or heading are at most this many of their font sizes apart. */
const BLOCK_LEADING_EM = 1.6;
/** A figure label is a short piece of text: at most this many characters. */
const LABEL_MAX_CHARS = 40;
/** A heading has at most this many characters (two-line titles are two headings). */
const HEADING_MAX_CHARS = 120;
/** A heading runs over at most this many lines (a long title); more lines in a large size are a paragraph. */
const HEADING_MAX_LINES = 3;
/** A heading starts within this many em of its column's left edge, or is centred within it. */
const ALIGN_SLACK_EM = 2;
/** A label this short may end in a colon or period and still be a heading ("Editors:"). */
const SHORT_LABEL_WORDS = 3;
/** A heading has at most this many words when it is not set in a larger font. */
const HEADING_MAX_WORDS = 12;
/** A numbered heading in the body size is short: it stops before this share of a body line. */
const HEADING_MAX_FILL = 0.8;
/** Section numbers above this are not section numbers ("2009 ACM ..."). */
const MAX_SECTION_NUMBER = 40;

const CAPTION_START = /^(?:fig(?:ure)?\.?|table|tab\.|chart|scheme|plate|exhibit|gambar|tabel|grafik|bagan)\s*(?:[A-Z]?\d+[a-z]?|[IVXL]+)(?:\.\d+)*\s*(?:[.:|—–-]|$)/i;
const NUMBERED_HEADING = /^(?:(\d{1,3})(?:\.\d{1,3})*\.?|[IVXL]{1,5}\.|[A-Z](?:\.\d{1,3})+\.?|[A-Z]\.)\s+\p{Lu}/u;
const LETTER_HEADING = /^[A-Z]\s+\p{Lu}/u;
/** Addresses and links are front matter, not headings. */
const NOT_A_HEADING = /https?:\/\/|www\.|\S@\S/;

/**
 * Give every line of one page (in reading order, furniture and stamps already marked) its role.
 *
 * @example assignRoles(lines, style); lines.filter((l) => l.role === "heading").map((l) => l.text) // ["1 Introduction"]
 */
export function assignRoles(lines: PlacedLine[], style: BodyStyle): void {
  markTables(lines, style);
  markFootnotes(lines, style);
  markCaptions(lines, style);
  markCode(lines, style);
  markLabels(lines, style);
  markHeadings(lines, style);
  for (const line of lines) line.role ??= "body";
}

const isFigureText = (l: PlacedLine | undefined) => l?.role === "caption" || l?.role === "figure";
const isSmall = (l: RawLine, style: BodyStyle) => l.fontSize < SMALL_RATIO * style.fontSize;
const isLarge = (l: RawLine, style: BodyStyle) => l.fontSize > HEADING_RATIO * style.fontSize;
const sameSize = (a: RawLine, b: RawLine) => Math.abs(roundTo(a.fontSize, 0.25) - roundTo(b.fontSize, 0.25)) < 0.3;

function markTables(lines: PlacedLine[], style: BodyStyle): void {
  const groups = new Map<string, PlacedLine[]>();
  for (const line of lines) {
    if (line.role || !line.upright) continue;
    const key = `${line.row}:${line.column}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  // A row cut into two or more narrow pieces (a wide piece beside them may be merged cells).
  const cut = [...groups.values()].filter((g) => g.filter((l) => l.width < TABLE_CELL_SHARE * style.lineWidth).length >= 2);
  const cells: PlacedLine[] = [];
  for (const group of cut) {
    const [first] = group;
    const neighbour = cut.some((o) => o !== group && o[0].column === first.column && Math.abs(o[0].y - first.y) <= TABLE_ROW_GAP_EM * first.fontSize);
    if (neighbour) for (const line of group) cells.push(Object.assign(line, { role: "figure" as const }));
  }
  growTables(lines, cells, style);
}

/**
 * A table's single-cell rows (a header's first column) are not cut rows: take the lines right above or
 * below table cells, within the table's width, that are neither full body lines nor sentence ends nor captions.
 */
function growTables(lines: PlacedLine[], cells: readonly PlacedLine[], style: BodyStyle): void {
  // One step only: growing from grown lines could run on through a paragraph set close below a table.
  const grown = lines.filter(
    (line) =>
      !line.role &&
      line.upright &&
      line.width < TABLE_CELL_SHARE * style.lineWidth &&
      !/[.?!]$/.test(line.text) &&
      !CAPTION_START.test(line.text) &&
      cells.some((c) => c.column === line.column && Math.abs(c.y - line.y) <= TABLE_GROW_EM * c.fontSize && line.x < c.x + c.width + style.lineWidth / 2 && c.x < line.x + line.width + style.lineWidth / 2),
  );
  for (const line of grown) line.role = "figure";
}

/** Two or more lines in a row set in a fixed-width font are a listing (code, a prompt): figure content, not prose. */
function markCode(lines: PlacedLine[], style: BodyStyle): void {
  if (style.monospace) return;
  for (const column of new Set(lines.map((l) => l.column))) {
    const col = columnLines(lines, column);
    const isCode = (l: PlacedLine | undefined) => !!l && !l.role && l.monospace >= CODE_SHARE;
    col.forEach((line, i) => {
      if (isCode(line) && (isCode(col[i - 1]) || isCode(col[i + 1]) || isFigureText(col[i - 1]) || isFigureText(col[i + 1]))) line.role = "figure";
    });
  }
}

/** The lines of one column, top to bottom, without furniture and stamps. */
function columnLines(lines: readonly PlacedLine[], column: number): PlacedLine[] {
  return lines.filter((l) => l.column === column && l.upright && l.role !== "furniture" && l.role !== "stamp").sort((a, b) => a.y - b.y);
}

function markFootnotes(lines: PlacedLine[], style: BodyStyle): void {
  for (const column of new Set(lines.map((l) => l.column))) {
    const col = columnLines(lines, column);
    let top = col.length;
    // Small print up from the bottom; markers already taken as labels ("3") belong to the footnotes.
    while (top > 0 && isSmall(col[top - 1], style) && !CAPTION_START.test(col[top - 1].text) && (!col[top - 1].role || isFigureText(col[top - 1]))) top--;
    const block = col.slice(top);
    const above = col[top - 1];
    if (block.length === 0 || !above || block.length > FOOTNOTE_MAX_SHARE * col.length) continue;
    if (block[0].y - above.y < FOOTNOTE_GAP_LEADINGS * style.leading) continue;
    for (const line of block) line.role = "footnote";
  }
}

/** The next line of the same block below `line` in its column (same size, close below), if any. */
function nextInBlock(col: readonly PlacedLine[], index: number): PlacedLine | undefined {
  const line = col[index];
  const next = col[index + 1];
  if (!next || next.role || !sameSize(line, next)) return undefined;
  return next.y - line.y <= BLOCK_LEADING_EM * line.fontSize ? next : undefined;
}

function startsBlock(col: readonly PlacedLine[], index: number, style: BodyStyle): boolean {
  const prev = col[index - 1];
  if (!prev) return true;
  const line = col[index];
  return !sameSize(prev, line) || line.y - prev.y > Math.max(style.leading, line.fontSize) * 1.25 || prev.role === "heading";
}

function markCaptions(lines: PlacedLine[], style: BodyStyle): void {
  const flow = lines.filter((l) => l.upright && l.role !== "furniture" && l.role !== "stamp");
  for (const column of new Set(flow.map((l) => l.column))) {
    const col = columnLines(flow, column);
    col.forEach((line, i) => {
      if (line.role || !CAPTION_START.test(line.text) || !startsBlock(col, i, style)) return;
      line.role = "caption";
      // The caption runs on in reading order, also from a full-width block into the column below it.
      for (let k = flow.indexOf(line); k + 1 < flow.length && continuesCaption(flow[k], flow[k + 1]); k++) flow[k + 1].role = "caption";
    });
  }
}

function continuesCaption(line: PlacedLine, next: PlacedLine): boolean {
  const below = next.y - line.y;
  return !next.role && sameSize(line, next) && below > 0 && below <= BLOCK_LEADING_EM * line.fontSize && Math.abs(next.x - line.x) <= line.fontSize;
}

/** Short pieces of small print that are not part of a paragraph: labels inside figures, axis ticks, legends. */
function markLabels(lines: PlacedLine[], style: BodyStyle): void {
  const narrow = (l: RawLine) => l.text.length <= LABEL_MAX_CHARS && l.width < LABEL_MAX_SHARE * style.lineWidth;
  for (const line of lines) {
    // Rotated text inside the page, and short pieces without words (axis ticks, glyph debris), are figure text;
    // so is small print without words however wide (a chart's tick labels in a font with no Unicode map:
    // «!"# $!"# %!"# ...» across a column).
    const wordless = (line.text.match(/\p{L}/gu) ?? []).length < MIN_LABEL_LETTERS;
    if (!line.role && (!line.upright || (wordless && (narrow(line) || isSmall(line, style))))) line.role = "figure";
  }
  for (const column of new Set(lines.map((l) => l.column))) {
    const col = columnLines(lines, column);
    col.forEach((line, i) => {
      if (line.role || !isSmall(line, style) || !narrow(line)) return;
      // A short line of a small-print paragraph (a reference's last line) has a wide neighbour in its block.
      const inParagraph = [col[i - 1], col[i + 1]].some(
        (o) => o && !narrow(o) && sameSize(o, line) && Math.abs(o.y - line.y) <= BLOCK_LEADING_EM * line.fontSize,
      );
      if (!inParagraph) line.role = "figure";
    });
  }
}

function markHeadings(lines: PlacedLine[], style: BodyStyle): void {
  for (const column of new Set(lines.map((l) => l.column))) {
    const col = columnLines(lines, column);
    const edge = columnEdges(col, style);
    col.forEach((line, i) => {
      if (line.role || !startsBlock(col, i, style) || !isAligned(line, edge, col[i + 1])) return;
      // A heading is one to three lines in one size and weight; a longer block in a large size is a paragraph.
      const block = [line];
      for (let j = i; nextInBlock(col, j) && col[j + 1].bold === line.bold; j++) block.push(col[j + 1]);
      const large = isLarge(line, style);
      if (block.length > (large ? HEADING_MAX_LINES : 1)) return;
      if (isHeading(block.map((l) => l.text.trim()).join(" "), line, style)) for (const l of block) l.role = "heading";
    });
  }
}

/** Where a column's body lines start and end. */
function columnEdges(col: readonly PlacedLine[], style: BodyStyle): { left: number; right: number } {
  const body = col.filter((l) => !isSmall(l, style));
  const lines = body.length > 0 ? body : col;
  return { left: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.x + l.width)) };
}

/**
 * Headings start at the column's left edge (maybe indented a little), or where the text below them starts
 * (an indented sub-heading), or are centred in the column; table cells and figure labels are not.
 */
function isAligned(line: PlacedLine, edge: { left: number; right: number }, next: PlacedLine | undefined): boolean {
  const slack = ALIGN_SLACK_EM * line.fontSize;
  const centre = line.x + line.width / 2;
  const withNext = !!next && Math.abs(next.x - line.x) <= line.fontSize;
  return line.x - edge.left <= slack || withNext || Math.abs(centre - (edge.left + edge.right) / 2) <= slack;
}

function isHeading(text: string, line: PlacedLine, style: BodyStyle): boolean {
  const words = text.split(/\s+/).length;
  if (text.length > HEADING_MAX_CHARS || (text.match(/\p{L}/gu) ?? []).length < 3 || NOT_A_HEADING.test(text)) return false;
  // Sentences end in punctuation; headings do not, except a short label ("Editors:").
  if (/[.,;:-]$/.test(text) && words > SHORT_LABEL_WORDS) return false;
  if (isLarge(line, style)) return true;
  if (isSmall(line, style) || words > HEADING_MAX_WORDS) return false;
  const numbered = NUMBERED_HEADING.exec(text);
  const isNumbered = !!numbered && (numbered[1] === undefined || Number(numbered[1]) <= MAX_SECTION_NUMBER);
  const short = line.width < HEADING_MAX_FILL * style.lineWidth;
  if (line.bold && (isNumbered || LETTER_HEADING.test(text) || short)) return true;
  return isNumbered && short;
}
