/**
 * Text runs -> lines. Runs on one baseline (superscripts and subscripts included) form a row; a row is cut
 * where a gap is wider than any word space, so two columns sharing a baseline give two lines.
 */
import type { TextRun } from "./pdfjs.ts";
import type { LineSpan } from "./types.ts";

/** A line before it has a column and a role. */
export interface RawLine {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The size and font of most of its characters. */
  fontSize: number;
  font: string;
  upright: boolean;
  /** Share of its characters set in a fixed-width font. */
  monospace: number;
  /** Every font id used on the line, with how many characters each drew. */
  fontChars: Map<string, number>;
  /** Lines cut from one row share its id (table cells, figure labels, and lines of side-by-side columns). */
  row: number;
  /** The line's pieces between word spaces, where they stand (a table row's cells are runs of them). */
  spans: LineSpan[];
}

/** Runs whose baselines differ by less than this share of the larger font size sit on one row (superscripts rise 0.35-0.5 em; lines are >= 1.1 em apart). */
const ROW_TOLERANCE_EM = 0.55;
/** A gap wider than this (in em) ends a line: wider than stretched word spaces and heading number gaps (~1 em), narrower than column gutters (>= 2 em). */
const LINE_BREAK_GAP_EM = 1.3;
/** Inside a gutter that many rows show, a gap wider than this (in em) also ends a line (word spaces are < 0.6 em). */
const GUTTER_GAP_EM = 0.8;
/** A gutter shows in at least this many rows cut by a wide gap there... */
const GUTTER_HINT_ROWS = 5;
/** ...between two pieces of at least this many characters (column text, not table cells). */
const GUTTER_HINT_CHARS = 12;
/** A gap wider than this (in em) between runs is a space (word spaces are >= 0.2 em; kerning splits are ~0). */
const SPACE_GAP_EM = 0.15;
/** A run smaller than this share of its neighbour's size is a superscript or subscript. */
const SCRIPT_RATIO = 0.85;
/** Baselines closer than this (in em) are one baseline. */
const SAME_BASELINE_EM = 0.1;
/** Runs on different baselines overlapping by more than this share of the narrower one are stacked, not side by side. */
const STACKED_OVERLAP = 0.3;

interface Row {
  y: number;
  size: number;
  runs: TextRun[];
}

/**
 * Group runs into lines, top to bottom and left to right (not yet in reading order).
 *
 * @example groupLines(runs).map((l) => l.text) // ["Abstract", "We introduce PaSa, an advanced", ...]
 */
export function groupLines(runs: readonly TextRun[]): RawLine[] {
  const upright = runs.filter((r) => r.upright).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows = groupRows(upright);
  // Where many rows break with a wide gap, there is a gutter; there, a narrower gap also breaks a line
  // (a column line that starts with "(" or ends a little long leaves less than the usual gutter).
  const gutters = gutterHints(rows.map((r) => splitRow(r.runs, LINE_BREAK_GAP_EM)));
  const lines: RawLine[] = [];
  let row = 0;
  for (const { runs: rowRuns } of rows) {
    row++;
    for (const segment of splitRow(rowRuns, LINE_BREAK_GAP_EM, gutters)) lines.push({ ...makeLine(segment), row });
  }
  for (const run of runs.filter((r) => !r.upright)) lines.push({ ...makeLine([run]), upright: false, row: ++row });
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

function groupRows(sorted: readonly TextRun[]): Row[] {
  const done: Row[] = [];
  let open: Row[] = [];
  for (const run of sorted) {
    // Rows far above this run can take no more runs (runs come sorted by baseline).
    const reach = ROW_TOLERANCE_EM * Math.max(run.fontSize, ...open.map((r) => r.size));
    open = open.filter((row) => (run.y - row.y <= reach ? true : (done.push(row), false)));
    let best: Row | undefined;
    for (const row of open) {
      const dy = Math.abs(row.y - run.y);
      if (dy > ROW_TOLERANCE_EM * Math.max(row.size, run.fontSize)) continue;
      if (row.runs.some((other) => stacked(other, run))) continue;
      if (!best || dy < Math.abs(best.y - run.y)) best = row;
    }
    if (best) {
      best.runs.push(run);
      // The row's baseline is that of its largest text: a superscript does not move it.
      if (run.fontSize > best.size) Object.assign(best, { y: run.y, size: run.fontSize });
    } else if (!isDuplicate(open, run)) {
      open.push({ y: run.y, size: run.fontSize, runs: [run] });
    }
  }
  return [...done, ...open];
}

function stacked(a: TextRun, b: TextRun): boolean {
  // On one baseline, overlapping runs are an overstrike or an accent ("c" + "©"), not two lines; a much
  // smaller run over a larger one is a superscript drawn over the spaces left for it.
  if (Math.abs(a.y - b.y) <= SAME_BASELINE_EM * Math.max(a.fontSize, b.fontSize)) return false;
  if (Math.min(a.fontSize, b.fontSize) < SCRIPT_RATIO * Math.max(a.fontSize, b.fontSize)) return false;
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return overlap > STACKED_OVERLAP * Math.max(1, Math.min(a.width, b.width));
}

/** Some producers draw text twice, slightly offset, to fake bold: the second copy is dropped. */
function isDuplicate(rows: readonly Row[], run: TextRun): boolean {
  return rows.some((row) => row.runs.some((o) => o.text === run.text && Math.abs(o.x - run.x) < 1 && Math.abs(o.y - run.y) < 1));
}

/** Cut a row where a gap is wider than `gapEm` (or than GUTTER_GAP_EM inside one of `gutters`). */
function splitRow(rowRuns: readonly TextRun[], gapEm: number, gutters: readonly Interval[] = []): TextRun[][] {
  const runs = [...rowRuns].sort((a, b) => a.x - b.x);
  const rowSize = Math.max(...runs.map((r) => r.fontSize));
  const segments: TextRun[][] = [];
  let current: TextRun[] = [];
  let end = -Infinity;
  for (const run of runs) {
    const size = Math.max(run.fontSize, rowSize);
    const gap = run.x - end;
    const inGutter = gutters.some((g) => end < g.end && run.x > g.start);
    if (current.length > 0 && (gap > gapEm * size || (inGutter && gap > GUTTER_GAP_EM * size))) {
      segments.push(current);
      current = [];
    }
    current.push(run);
    end = Math.max(end, run.x + run.width);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

interface Interval {
  start: number;
  end: number;
}

/** The x-ranges covered by the gaps of at least GUTTER_HINT_ROWS cut rows. */
function gutterHints(cutRows: readonly TextRun[][][]): Interval[] {
  const gaps: Interval[] = [];
  // Only gaps between two pieces of running text count: table cells and labels have gaps of their own.
  const isText = (runs: readonly TextRun[]) => runs.reduce((n, r) => n + r.text.trim().length, 0) >= GUTTER_HINT_CHARS;
  for (const segments of cutRows) {
    for (let i = 1; i < segments.length; i++) {
      if (!isText(segments[i - 1]) || !isText(segments[i])) continue;
      const end = Math.max(...segments[i - 1].map((r) => r.x + r.width));
      gaps.push({ start: end, end: Math.min(...segments[i].map((r) => r.x)) });
    }
  }
  if (gaps.length < GUTTER_HINT_ROWS) return [];
  const out: Interval[] = [];
  for (const gap of gaps) {
    // The part of this gap that at least GUTTER_HINT_ROWS gaps share.
    const sharing = gaps.filter((o) => o.start < gap.end && gap.start < o.end);
    if (sharing.length < GUTTER_HINT_ROWS) continue;
    const starts = sharing.map((o) => o.start).sort((a, b) => b - a);
    const ends = sharing.map((o) => o.end).sort((a, b) => a - b);
    const common = { start: starts[GUTTER_HINT_ROWS - 1], end: ends[GUTTER_HINT_ROWS - 1] };
    if (common.end > common.start && !out.some((o) => o.start < common.end && common.start < o.end)) out.push(common);
  }
  return out;
}

function makeLine(all: readonly TextRun[]): RawLine {
  // A small run lying inside a larger one is a marker drawn over the spaces left for it ("ICLR 2023 ¹,"):
  // pdf.js gives no character positions to put it back in place, so it is left out.
  const runs = all.filter((r) => !all.some((o) => o !== r && o.fontSize * SCRIPT_RATIO > r.fontSize && r.x >= o.x && r.x + r.width <= o.x + o.width));
  let text = "";
  let end = -Infinity;
  const fontChars = new Map<string, number>();
  const sizeChars = new Map<number, number>();
  let monospaceChars = 0;
  const spans: LineSpan[] = [];
  for (const run of runs) {
    const piece = run.text.replace(/\s+/g, " ");
    const gap = run.x - end;
    const spaced = gap > SPACE_GAP_EM * run.fontSize;
    if (text && spaced && !text.endsWith(" ") && !piece.startsWith(" ")) text += " ";
    text += piece;
    // Runs that touch are one piece ("c" "(" "[Expand]" ")"); a space starts another.
    const last = spans.at(-1);
    if (last && !spaced) Object.assign(last, { text: last.text + piece, width: Math.max(last.width, run.x + run.width - last.x) });
    else spans.push({ text: piece, x: run.x, width: run.width });
    end = Math.max(end, run.x + run.width);
    const chars = piece.replace(/\s/g, "").length;
    fontChars.set(run.font, (fontChars.get(run.font) ?? 0) + chars);
    sizeChars.set(run.fontSize, (sizeChars.get(run.fontSize) ?? 0) + chars);
    if (run.monospace) monospaceChars += chars;
  }
  const x = Math.min(...runs.map((r) => r.x));
  // The baseline is that of the largest text: superscripts and subscripts do not move it.
  const baseline = runs.reduce((a, b) => (b.fontSize > a.fontSize ? b : a)).y;
  return {
    text: text.trim(),
    x,
    y: baseline,
    width: end - x,
    fontSize: mostCommon(sizeChars),
    font: mostCommon(fontChars),
    upright: true,
    monospace: monospaceChars / Math.max(1, [...sizeChars.values()].reduce((a, b) => a + b, 0)),
    fontChars,
    row: 0,
    spans: spans.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.text),
  };
}

/**
 * The key with the largest count (the first one on a tie).
 *
 * @example mostCommon(new Map([["f1", 3], ["f2", 9]])) // "f2"
 */
export function mostCommon<K>(counts: ReadonlyMap<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  if (best === undefined) throw new Error("mostCommon of an empty map");
  return best;
}
