/**
 * A block of table text becomes a grid: rows by baseline, cells where a row's pieces stand apart, columns
 * where the body rows' cells leave a vertical gap no cell crosses, header rows on top (bold over plain, or
 * words over numbers), and each column named by the header cells over it (a header cell centred over several
 * columns names them all: "AutoScholarQuery" over "Crawler Recall", "Precision" and "Recall").
 */
import type { PdfLine } from "../types.ts";

/** A cell: text and where it stands on the row. */
export interface GridCell {
  text: string;
  x0: number;
  x1: number;
}

export interface GridRow {
  /** Baseline of the row's largest text. */
  y: number;
  /** Font size of the row's largest text. */
  size: number;
  /** Most of its characters are bold. */
  bold: boolean;
  cells: GridCell[];
}

export interface Grid {
  /** Each column's name: the header cells over it, top to bottom ("" when none). */
  columns: string[];
  /** Body rows, one text per column ("" where the row has no cell there). */
  rows: string[][];
  headerRows: number;
  /** The block's lines the grid was read from. */
  lines: PdfLine[];
  /** Where the grid stands on the page. */
  box: { left: number; right: number; top: number; bottom: number };
  /** Font size of most of its text. */
  size: number;
}

/** Baselines closer than this share of the font size are one row (rows are >= 1.1 em apart; a centred header cell between two header rows is ~0.6 em off). */
const SAME_ROW_EM = 0.4;
/** Pieces of a row further apart than this many em are two cells (word spaces are <= 0.5 em; table columns are >= 1 em apart). */
const CELL_GAP_EM = 0.7;
/** Two columns are at least this many em apart: a narrower gap between body cells is chance. */
const MIN_GUTTER_EM = 0.4;
/** A row with no first cell continues the row above (a cell on two lines) when it fills at most this share of the columns. */
const CONTINUATION_FILL = 0.5;
/** ...and stands at most this many of the table's usual row spacings below it. */
const CONTINUATION_PITCHES = 1.5;

const PLACEHOLDER = /^[-–—]$/;

/**
 * A number, a measured value or an empty-value dash ("0.7071", "2.20x", "94.0%", "1e-6", "-").
 *
 * @example isNumericCell("2.20x") // true; isNumericCell("Ans-50") // false
 */
export function isNumericCell(text: string): boolean {
  if (PLACEHOLDER.test(text)) return true;
  const core = text.replace(/e[-+−]?\d+$/i, "").replace(/(?:%|x|×)$/i, "");
  return /\d/.test(core) && !/\p{L}/u.test(core);
}

/** A number proper, not a dash (a header row has none). */
const hasNumber = (row: GridRow) => row.cells.some((c) => !PLACEHOLDER.test(c.text) && isNumericCell(c.text));

/**
 * Group lines into rows by baseline, top to bottom, each row's pieces cut into cells.
 *
 * @example rowsOf(lines).map((r) => r.cells.map((c) => c.text)) // [["Method", "Recall"], ["PaSa-7b", "0.6111"]]
 */
export function rowsOf(lines: readonly PdfLine[]): GridRow[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y);
  const groups: PdfLine[][] = [];
  for (const line of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(line.y - last[0].y) <= SAME_ROW_EM * Math.max(line.fontSize, last[0].fontSize)) last.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const top = group.reduce((a, b) => (b.fontSize > a.fontSize ? b : a));
    const chars = (ls: PdfLine[]) => ls.reduce((n, l) => n + l.text.length, 0);
    return { y: top.y, size: top.fontSize, bold: chars(group.filter((l) => l.bold)) * 2 > chars(group), cells: cellsOf(group) };
  });
}

function cellsOf(lines: readonly PdfLine[]): GridCell[] {
  const spans = lines.flatMap((l) => (l.spans.length > 0 ? l.spans : [{ text: l.text, x: l.x, width: l.width }]).map((s) => ({ ...s, size: l.fontSize })));
  spans.sort((a, b) => a.x - b.x);
  const cells: GridCell[] = [];
  for (const span of spans) {
    const last = cells.at(-1);
    if (last && span.x - last.x1 <= CELL_GAP_EM * span.size) {
      last.text += ` ${span.text}`;
      last.x1 = Math.max(last.x1, span.x + span.width);
    } else {
      cells.push({ text: span.text, x0: span.x, x1: span.x + span.width });
    }
  }
  return cells;
}

/**
 * How many rows on top are header rows: bold rows over plain ones; else the first row when it has no
 * number and rows below have some, with the rows under it while the row above leaves columns empty (a
 * two-level header: "AutoScholarQuery" over "Crawler Recall  Precision  Recall"); else the first row (a
 * table's first row names its columns).
 */
export function headerRowCount(rows: readonly GridRow[]): number {
  if (rows.length < 2) return 0;
  if (rows[0].bold && rows.some((r) => !r.bold)) {
    let n = 0;
    while (n < rows.length - 1 && rows[n].bold) n++;
    return n;
  }
  if (hasNumber(rows[0]) || !rows.slice(1).some(hasNumber)) return 1;
  const width = Math.max(...rows.map((r) => r.cells.length));
  let n = 1;
  while (n < rows.length - 1 && !hasNumber(rows[n]) && rows[n - 1].cells.length < width) n++;
  return n;
}

interface Extent {
  left: number;
  right: number;
}

/** Columns: the x-ranges the body cells cover, split where a gap no cell crosses is wide enough. */
function columnExtents(body: readonly GridRow[], size: number): Extent[] {
  const cells = body.flatMap((r) => r.cells).sort((a, b) => a.x0 - b.x0);
  const extents: Extent[] = [];
  for (const cell of cells) {
    const last = extents.at(-1);
    if (last && cell.x0 - last.right < MIN_GUTTER_EM * size) last.right = Math.max(last.right, cell.x1);
    else extents.push({ left: cell.x0, right: cell.x1 });
  }
  return extents;
}

const overlap = (a: Extent, x0: number, x1: number) => Math.min(a.right, x1) - Math.max(a.left, x0);

/** The column a body cell stands in: the one it overlaps most (cells are inside the extents they made). */
function columnOf(extents: readonly Extent[], cell: GridCell): number {
  let best = 0;
  for (let i = 1; i < extents.length; i++) if (overlap(extents[i], cell.x0, cell.x1) > overlap(extents[best], cell.x0, cell.x1)) best = i;
  return best;
}

/**
 * The columns a header cell names: a run of columns around those it overlaps, the one whose middle is
 * nearest the cell's middle (a spanning header is centred over its columns; a plain one over its own).
 */
function columnsNamedBy(extents: readonly Extent[], cell: GridCell): [number, number] {
  const middle = (cell.x0 + cell.x1) / 2;
  const touched = extents.flatMap((e, i) => (overlap(e, cell.x0, cell.x1) > 0 ? [i] : []));
  const ranges: [number, number][] = [];
  if (touched.length > 0) {
    const [first, last] = [touched[0], touched[touched.length - 1]];
    for (let a = Math.max(0, first - 1); a <= first; a++) for (let b = last; b <= Math.min(extents.length - 1, last + 1); b++) ranges.push([a, b]);
  } else {
    // A cell in a gutter names the column on either side of it, or both.
    const after = extents.findIndex((e) => e.left > middle);
    const right = after === -1 ? extents.length - 1 : after;
    const left = Math.max(0, right - 1);
    ranges.push([left, left], [right, right], [left, right]);
  }
  const distance = ([a, b]: [number, number]) => Math.abs((extents[a].left + extents[b].right) / 2 - middle);
  // The narrowest range wins a near tie.
  ranges.sort((x, y) => x[1] - x[0] - (y[1] - y[0]));
  return ranges.reduce((best, range) => (distance(range) < distance(best) - 0.5 ? range : best));
}

/** The header's bottom row widens each column it names one to one: spanning cells above are centred on those widths. */
function withHeaderWidths(extents: readonly Extent[], bottom: GridRow | undefined): Extent[] {
  const out = extents.map((e) => ({ ...e }));
  for (const cell of bottom?.cells ?? []) {
    const touched = out.filter((e) => overlap(e, cell.x0, cell.x1) > 0);
    if (touched.length === 1) Object.assign(touched[0], { left: Math.min(touched[0].left, cell.x0), right: Math.max(touched[0].right, cell.x1) });
  }
  return out;
}

/**
 * Name the columns from the header rows. The bottom row's cells name the columns they cover (most of a
 * column, or else the one they overlap most); a cell in a row above may be centred over several.
 */
function columnNames(header: readonly GridRow[], extents: readonly Extent[]): string[] {
  const widened = withHeaderWidths(extents, header.at(-1));
  const names: string[][] = extents.map(() => []);
  header.forEach((row, r) => {
    const bottom = r === header.length - 1;
    for (const cell of row.cells) {
      const [a, b] = bottom ? columnsCoveredBy(extents, cell) : columnsNamedBy(widened, cell);
      for (let i = a; i <= b; i++) names[i].push(cell.text);
    }
  });
  return names.map((n) => n.join(" "));
}

/** The columns a cell covers at least half of, or else the one it overlaps most. */
function columnsCoveredBy(extents: readonly Extent[], cell: GridCell): [number, number] {
  const covered = extents.flatMap((e, i) => (overlap(e, cell.x0, cell.x1) >= 0.5 * (e.right - e.left) ? [i] : []));
  if (covered.length > 0) return [covered[0], covered[covered.length - 1]];
  const one = columnOf(extents, cell);
  return [one, one];
}

/**
 * Body rows as texts per column. A row with no first cell, close under the row above, continues it (a cell
 * on two lines) when it fills few columns or holds no number; numbers there are a new row of a group
 * whose first cell spans several rows.
 */
function bodyTexts(body: readonly GridRow[], extents: readonly Extent[]): string[][] {
  const pitches = body.slice(1).map((r, i) => r.y - body[i].y).sort((a, b) => a - b);
  const pitch = pitches.length > 0 ? pitches[Math.floor(pitches.length / 2)] : Infinity;
  const out: string[][] = [];
  body.forEach((row, i) => {
    const texts = extents.map(() => "");
    for (const cell of row.cells) {
      const c = columnOf(extents, cell);
      texts[c] = texts[c] ? `${texts[c]} ${cell.text}` : cell.text;
    }
    const filled = texts.filter(Boolean).length;
    const sparse = filled <= CONTINUATION_FILL * extents.length || !hasNumber(row);
    const continues = i > 0 && !texts[0] && sparse && row.y - body[i - 1].y <= CONTINUATION_PITCHES * pitch;
    const previous = out.at(-1);
    if (continues && previous) texts.forEach((t, c) => (previous[c] = t ? (previous[c] ? `${previous[c]} ${t}` : t) : previous[c]));
    else out.push(texts);
  });
  return out;
}

/**
 * Read a block of table lines as a grid, or undefined when it has fewer than two columns or no body row.
 *
 * @example readGrid(lines)?.rows // [["PaSa-7b", "0.7071", "0.5146", "0.6111"], ...]
 */
export function readGrid(lines: readonly PdfLine[]): Grid | undefined {
  if (lines.length === 0) return undefined;
  const rows = rowsOf(lines);
  const headerRows = headerRowCount(rows);
  const header = rows.slice(0, headerRows);
  const body = rows.slice(headerRows);
  const size = typicalSize(lines);
  const extents = columnExtents(body, size);
  if (body.length === 0 || extents.length < 2) return undefined;
  const box = {
    left: Math.min(...lines.map((l) => l.x)),
    right: Math.max(...lines.map((l) => l.x + l.width)),
    top: Math.min(...lines.map((l) => l.y - l.fontSize)),
    bottom: Math.max(...lines.map((l) => l.y)),
  };
  return { columns: columnNames(header, extents), rows: bodyTexts(body, extents), headerRows, lines: [...lines], box, size };
}

/** The font size of most characters. */
export function typicalSize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.fontSize, (chars.get(l.fontSize) ?? 0) + l.text.length);
  return [...chars].reduce((a, b) => (b[1] > a[1] ? b : a), [10, -1])[0];
}
