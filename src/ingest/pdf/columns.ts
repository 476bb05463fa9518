/**
 * Columns and reading order, by recursive cuts. A region is first cut at a gutter: a vertical strip that
 * text lines on both sides stop short of and that few lines cross. Lines crossing it into both columns span
 * the region (titles, author blocks, wide figures and tables); they cut it into bands, and each band is read
 * left column first. A region with no gutter is cut at its widest horizontal gap (a full-width figure above
 * two columns), and each part is read on its own. A region with neither is one column, read top to bottom.
 */
import type { RawLine } from "./lines.ts";

export interface Gutter {
  start: number;
  end: number;
}

export interface OrderOptions {
  /** Lines below this font size (figure labels) do not show where columns are. */
  minTextSize: number;
  /** Usual baseline distance of body lines. */
  leading: number;
}

/** Lines shorter than this are labels, numbers or stray glyphs: they do not show where columns are. */
const MIN_TEXT_CHARS = 12;
/** A gutter is at least this wide in points (real gutters are 12-36 pt; word gaps are ~3 pt). */
const MIN_GUTTER_WIDTH = 8;
/** A gutter may be crossed by at most this share of the region's text lines (titles, author blocks, wide tables). */
const MAX_CROSSING_SHARE = 0.25;
/** ...in at most this many separate places (a title block, a wide figure, a wide table); two columns of a code listing interleave far more. */
const MAX_SPANNING_BLOCKS = 4;
/** Each column has at least this many text lines filling MIN_COLUMN_FILL of its width. */
const MIN_COLUMN_LINES = 5;
/** Justified column text fills its column; stray short lines do not. */
const MIN_COLUMN_FILL = 0.6;
/** A line spans the gutter when at least this share of it lies on each side (centred titles); less is an overflow. */
const SPAN_SIDE_SHARE = 0.1;
/** A region with no gutter is cut across where lines are at least this many body line spacings apart. */
const MIN_CUT_LEADINGS = 1.8;

export interface OrderedLine<T> {
  line: T;
  /** 0: spans the page or the page has one column; 1..n: the nth column from the left. */
  column: number;
}

/**
 * Lines in reading order, each with its column.
 *
 * @example orderLines(lines, { minTextSize: 7, leading: 10 }).map((o) => o.column) // [0, 0, 1, 1, ..., 2, 2]
 */
export function orderLines<T extends RawLine>(lines: readonly T[], options: OrderOptions): OrderedLine<T>[] {
  return orderRegion(lines, options, 0, 0).out;
}

interface Region<T> {
  out: OrderedLine<T>[];
  /** How many columns the region was read as. */
  width: number;
}

function orderRegion<T extends RawLine>(lines: readonly T[], options: OrderOptions, base: number, depth: number): Region<T> {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x - b.x);
  if (sorted.length === 0) return { out: [], width: 0 };
  const gutter = depth < 8 ? bestGutter(textLines(sorted, options)) : undefined;
  if (gutter) return splitAtGutter(sorted, gutter, options, base, depth);
  const cut = depth < 8 ? widestGap(sorted, options) : -1;
  if (cut > 0) {
    const top = orderRegion(sorted.slice(0, cut), options, base, depth + 1);
    const bottom = orderRegion(sorted.slice(cut), options, base, depth + 1);
    return { out: [...top.out, ...bottom.out], width: Math.max(top.width, bottom.width) };
  }
  return { out: sorted.map((line) => ({ line, column: base })), width: 1 };
}

function splitAtGutter<T extends RawLine>(sorted: readonly T[], gutter: Gutter, options: OrderOptions, base: number, depth: number): Region<T> {
  const out: OrderedLine<T>[] = [];
  let band: T[] = [];
  let width = 0;
  const first = Math.max(base, 1);
  const flush = () => {
    const left = orderRegion(band.filter((l) => side(l, gutter) < 0), options, first, depth + 1);
    const right = orderRegion(band.filter((l) => side(l, gutter) > 0), options, first + Math.max(1, left.width), depth + 1);
    out.push(...left.out, ...right.out);
    width = Math.max(width, Math.max(1, left.width) + right.width);
    band = [];
  };
  for (const line of sorted) {
    if (side(line, gutter) === 0) {
      flush();
      out.push({ line, column: base });
    } else {
      band.push(line);
    }
  }
  flush();
  return { out, width };
}

function textLines<T extends RawLine>(lines: readonly T[], options: OrderOptions): T[] {
  const text = lines.filter((l) => l.upright && l.text.length >= MIN_TEXT_CHARS && l.width > 0);
  const normal = text.filter((l) => l.fontSize >= options.minTextSize);
  // A region set all in small print (a reference list) has its columns in that print.
  return normal.length >= 2 * MIN_COLUMN_LINES ? normal : text;
}

/** -1 left of the gutter, 1 right of it, 0 spanning it (into both sides, by SPAN_SIDE_SHARE at least). */
function side(line: Pick<RawLine, "x" | "width">, gutter: Gutter): -1 | 0 | 1 {
  const end = line.x + line.width;
  const leftPart = Math.max(0, Math.min(end, gutter.start) - line.x);
  const rightPart = Math.max(0, end - Math.max(line.x, gutter.end));
  if (line.x < gutter.start && end > gutter.end && Math.min(leftPart, rightPart) >= SPAN_SIDE_SHARE * line.width) return 0;
  return line.x + line.width / 2 < (gutter.start + gutter.end) / 2 ? -1 : 1;
}

/** The valid gutter with the most column lines beside it, if any. */
function bestGutter(text: readonly RawLine[]): Gutter | undefined {
  if (text.length < 2 * MIN_COLUMN_LINES) return undefined;
  let best: { gutter: Gutter; support: number } | undefined;
  for (const gutter of candidateStrips(text)) {
    const support = columnSupport(text, gutter);
    if (support > 0 && (!best || support > best.support)) best = { gutter, support };
  }
  return best?.gutter;
}

/** Strips of low text coverage; within each, the part where coverage is lowest. */
function candidateStrips(text: readonly RawLine[]): Gutter[] {
  const left = Math.floor(Math.min(...text.map((l) => l.x)));
  const right = Math.ceil(Math.max(...text.map((l) => l.x + l.width)));
  const coverage = new Int32Array(right - left + 1);
  for (const line of text) {
    for (let x = Math.ceil(line.x) - left; x <= Math.floor(line.x + line.width) - left; x++) coverage[x]++;
  }
  const limit = Math.floor(MAX_CROSSING_SHARE * text.length);
  const out: Gutter[] = [];
  let start = -1;
  for (let i = 0; i <= coverage.length; i++) {
    const low = i < coverage.length && coverage[i] <= limit;
    if (low && start < 0) start = i;
    if (low || start < 0) continue;
    const run = coverage.subarray(start, i);
    const min = Math.min(...run);
    let s = -1;
    for (let j = 0; j <= run.length; j++) {
      const atMin = j < run.length && run[j] === min;
      if (atMin && s < 0) s = j;
      if (!atMin && s >= 0) {
        if (j - 1 - s >= MIN_GUTTER_WIDTH) out.push({ start: left + start + s, end: left + start + j - 1 });
        s = -1;
      }
    }
    start = -1;
  }
  return out;
}

/** How many lines stand as columns beside the gutter (0 when it is not a gutter). */
function columnSupport(text: readonly RawLine[], gutter: Gutter): number {
  const sides = text.map((l) => side(l, gutter));
  const crossing = sides.filter((s) => s === 0).length;
  if (crossing > MAX_CROSSING_SHARE * text.length) return 0;
  const blocks = sides.filter((s, i) => s === 0 && sides[i - 1] !== 0).length;
  if (blocks > MAX_SPANNING_BLOCKS) return 0;
  const left = text.filter((_, i) => sides[i] < 0);
  const right = text.filter((_, i) => sides[i] > 0);
  return isColumn(left) && isColumn(right) ? left.length + right.length : 0;
}

function isColumn(lines: readonly RawLine[]): boolean {
  if (lines.length < MIN_COLUMN_LINES) return false;
  const x0 = Math.min(...lines.map((l) => l.x));
  const x1 = Math.max(...lines.map((l) => l.x + l.width));
  return lines.filter((l) => l.width >= MIN_COLUMN_FILL * (x1 - x0)).length >= MIN_COLUMN_LINES;
}

/** Where to cut a region across: the index of the first line below its widest gap, or -1. */
function widestGap(sorted: readonly RawLine[], options: OrderOptions): number {
  let best = -1;
  let widest = MIN_CUT_LEADINGS * options.leading;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i].y - sorted[i - 1].y;
    if (gap >= widest) [best, widest] = [i, gap];
  }
  return best;
}
