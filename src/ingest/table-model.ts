/**
 * What a table's rows teach about its columns, learned from a first segmentation of all rows and used to
 * score the next: each column's line width (narrow columns have short lines, and a cell's line is as full
 * as the next word allows), and the lines each column repeats across rows (a database column says
 * "Google" / "scholar" row after row; a venue column often starts "Journal of").
 */
import { squash } from "../text/tokenize.ts";
import type { Block } from "./table-cells.ts";
import type { Word } from "./table-text.ts";

export interface ColumnModel {
  /** The column's line width in characters, or null when no line was seen. */
  width: number | null;
  /** Each line (letters only) seen in the column, with the row numbers it was seen in. */
  pieces: Map<string, Set<number>>;
}

/** A line whose next word would have fitted within this share of the width is a wrong fit. */
const WRAP_TOLERANCE = 0.1;
/** Beyond the tolerance, the penalty grows to its full size over this share of the width. */
const WRAP_RAMP = 0.2;
/** A line that could have taken the next word: the column is probably wider than this cell's. */
const WRAP_PENALTY = 1.5;
/** A line ending a sentence may end early by choice (a new paragraph or list item in the cell). */
const SENTENCE_END_DISCOUNT = 0.3;
/** Proportional fonts: a line may exceed the learned width by this share without penalty. */
const OVERFLOW_TOLERANCE = 0.12;
/** Beyond the tolerance, the penalty reaches one unit over this share of the width. */
const OVERFLOW_RAMP = 0.2;
/** A line too long for the column. */
const OVERFLOW_PENALTY = 1.5;
/** At most this many units of overflow penalty per line. */
const OVERFLOW_CAP = 3;
/** The width is this quantile of the column's (non-last) line lengths: robust to a few odd lines. */
const WIDTH_QUANTILE = 0.9;
/** Fewer lines than this say nothing reliable about a column's width. */
const MIN_WIDTH_SAMPLES = 5;
/** Lines shorter than this (letters) repeat by chance ("dan", "of"). */
const MIN_REPEAT_KEY = 4;
/** A line seen in this column in other rows (and not in others): evidence of the column. */
const REPEAT_BONUS = 1.5;

function wrapPenalty(width: number, fitted: number, sentenceEnd: boolean): number {
  const slack = (width - fitted) / width;
  if (slack <= WRAP_TOLERANCE) return 0;
  return WRAP_PENALTY * Math.min(1, (slack - WRAP_TOLERANCE) / WRAP_RAMP) * (sentenceEnd ? SENTENCE_END_DISCOUNT : 1);
}

function overflowPenalty(width: number, length: number): number {
  const excess = (length - width) / width;
  if (excess <= OVERFLOW_TOLERANCE) return 0;
  return OVERFLOW_PENALTY * Math.min(OVERFLOW_CAP, (excess - OVERFLOW_TOLERANCE) / OVERFLOW_RAMP);
}

/** Scores a growing block's lines against a column width (learned, or the block's own widest line). */
export interface WidthScorer {
  /** A line of the block is complete: its length, the next line's first word, how they join. */
  finishPiece(length: number, nextWord: number, glued: boolean, sentenceEnd: boolean): void;
  /** The block's score (a penalty, <= 0) if its current last line were its last. */
  score(lastLength: number): number;
}

export function blockWidthScorer(model: ColumnModel | null): WidthScorer {
  const learned = model?.width ?? null;
  const done: { length: number; fitted: number; sentenceEnd: boolean }[] = [];
  let sum = 0;
  let widest = 0;
  const penalty = (width: number, d: (typeof done)[number]) =>
    wrapPenalty(width, d.fitted, d.sentenceEnd) + (learned === null ? 0 : overflowPenalty(width, d.length));
  return {
    finishPiece(length, nextWord, glued, sentenceEnd) {
      const d = { length, fitted: length + (glued ? 0 : 1) + nextWord, sentenceEnd };
      done.push(d);
      if (learned !== null) sum += penalty(learned, d);
      else if (length > widest) {
        widest = length;
        sum = done.reduce((s, x) => s + penalty(widest, x), 0);
      } else sum += penalty(widest, d);
    },
    score(lastLength) {
      if (learned !== null) return -(sum + overflowPenalty(learned, lastLength));
      if (lastLength <= widest) return -sum;
      // The last line is the widest: the earlier lines are judged against it (not cached: it may not last).
      return -done.reduce((s, x) => s + penalty(lastLength, x), 0);
    },
  };
}

/**
 * Evidence that a line (`key`: its letters and digits) belongs to column `c`: it is seen there in other
 * rows, and not in other columns.
 */
export function pieceRepeatScore(models: readonly ColumnModel[] | null, c: number, key: string, row: number): number {
  if (!models || key.length < MIN_REPEAT_KEY) return 0;
  let own = 0;
  let other = 0;
  models.forEach((m, k) => {
    const rows = m.pieces.get(key);
    if (!rows) return;
    const n = rows.size - (rows.has(row) ? 1 : 0);
    if (k === c) own += n;
    else other += n;
  });
  return own + other === 0 ? 0 : (REPEAT_BONUS * (own - other)) / (own + other);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Learn each column's width and repeated lines from segmented rows; `firstPassOnly` learns from the blocks
 * of each row's first pass (a first segmentation knows little about which column a page's continuation is).
 */
export function learnModels(rows: readonly { number: number; words: Word[]; blocks: Block[] }[], columns: number, firstPassOnly = false): ColumnModel[] {
  const lengths: number[][] = Array.from({ length: columns }, () => []);
  const pieces = Array.from({ length: columns }, () => new Map<string, Set<number>>());
  // A column of one-line cells (database, year) has no full lines to learn from: its widest line will do.
  const widest = new Array<number>(columns).fill(0);
  for (const row of rows) {
    for (const block of row.blocks) {
      if (firstPassOnly && block.pass > 0) continue;
      const lines: string[][] = [];
      for (let w = block.from; w < block.to; w++) {
        if (w === block.from || row.words[w].line !== row.words[w - 1].line) lines.push([]);
        lines[lines.length - 1].push(row.words[w].text);
      }
      lines.forEach((line, k) => {
        const text = line.join(" ");
        if (k < lines.length - 1) lengths[block.column].push(text.length);
        widest[block.column] = Math.max(widest[block.column], text.length);
        const key = squash(text);
        if (key.length >= MIN_REPEAT_KEY) {
          const seen = pieces[block.column].get(key) ?? new Set<number>();
          seen.add(row.number);
          pieces[block.column].set(key, seen);
        }
      });
    }
  }
  return lengths.map((l, c) => ({
    width: l.length >= MIN_WIDTH_SAMPLES ? quantile(l, WIDTH_QUANTILE) : widest[c] > 0 ? widest[c] : null,
    pieces: pieces[c],
  }));
}

/**
 * For each row, how many of its first words it shares with some other row ("Google scholar ..." in seven
 * rows, "Neliti ..." in two): a first column of repeated values (a database, a country). Zero for every
 * row unless at least half the rows share a start with another, so chance agreement says nothing.
 */
export function sharedRowStarts(rows: readonly Word[][]): number[] {
  const keys = rows.map((words) => words.map((w) => squash(w.text)));
  const shared = keys.map((a, r) =>
    Math.max(0, ...keys.map((b, s) => {
      if (s === r) return 0;
      let n = 0;
      while (n < a.length && n < b.length && a[n] && a[n] === b[n]) n++;
      return n;
    })),
  );
  return shared.filter((n) => n > 0).length * 2 >= rows.length ? shared : shared.map(() => 0);
}
