/**
 * What a table's rows teach about its columns, learned from a first segmentation of all rows and used to
 * score the next: each column's line width (narrow columns have short lines, and a cell's line is as full
 * as the next word allows), and the lines each column repeats across rows (a database column says
 * "Google" / "scholar" row after row; a venue column often starts "Journal of").
 */
import { squash } from "../text/tokenize.ts";
import type { Block } from "./table-cells.ts";
import type { Word } from "./table-text.ts";

/** A line seen in a column: the rows it was seen in, and how specific it is. */
type SeenPiece = { rows: Set<number>; weight: number };

export interface ColumnModel {
  /** The column's line width in characters, or null when no line was seen. */
  width: number | null;
  /**
   * Each line (letters only) seen in the column: the row numbers it was seen in, and how specific it is
   * (1 when its rarest word is no more frequent in the whole document than rows in the table: "Elsevier",
   * "Journal"; small for a topic word that runs through the text: "program").
   */
  pieces: Map<string, SeenPiece>;
}

/** How often each word (letters only, lower case) occurs in the whole document. */
export type WordCounts = ReadonlyMap<string, number>;

export function countWords(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const word of line.split(/\s+/)) {
      const key = squash(word);
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
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
/** Lines shorter than this (letters) repeat by chance ("dan", "of"). */
export const MIN_REPEAT_KEY = 4;
/** A specific line seen in this column in other rows (and not in others): evidence of the column. */
const REPEAT_BONUS = 1.5;

function wrapPenalty(width: number, fitted: number, sentenceEnd: boolean): number {
  const slack = (width - fitted) / width;
  if (slack <= WRAP_TOLERANCE) return 0;
  return WRAP_PENALTY * Math.min(1, (slack - WRAP_TOLERANCE) / WRAP_RAMP) * (sentenceEnd ? SENTENCE_END_DISCOUNT : 1);
}

export function overflowPenalty(width: number, length: number): number {
  const excess = (length - width) / width;
  if (excess <= OVERFLOW_TOLERANCE) return 0;
  return OVERFLOW_PENALTY * Math.min(OVERFLOW_CAP, (excess - OVERFLOW_TOLERANCE) / OVERFLOW_RAMP);
}

/**
 * The width penalty of one finished line of a block against a column width: `fitted` is its length had it
 * taken the next line's first word. Overflow counts only against a `learned` width (a block's own widest
 * line never overflows itself).
 */
export function linePenalty(width: number, learned: boolean, length: number, fitted: number, sentenceEnd: boolean): number {
  return wrapPenalty(width, fitted, sentenceEnd) + (learned ? overflowPenalty(width, length) : 0);
}

/** Models' pieces indexed by key: the columns holding each key, in column order, and the longest key. */
interface PieceIndex {
  holders: Map<string, { column: number; seen: SeenPiece }[]>;
  longest: number;
}

/** The index of each set of models (models are not edited once learned). */
const pieceIndexes = new WeakMap<readonly ColumnModel[], PieceIndex>();

function pieceIndex(models: readonly ColumnModel[]): PieceIndex {
  let index = pieceIndexes.get(models);
  if (!index) {
    index = { holders: new Map(), longest: 0 };
    for (let column = 0; column < models.length; column++) {
      for (const [key, seen] of models[column].pieces) {
        const holders = index.holders.get(key);
        if (holders) holders.push({ column, seen });
        else index.holders.set(key, [{ column, seen }]);
        index.longest = Math.max(index.longest, key.length);
      }
    }
    pieceIndexes.set(models, index);
  }
  return index;
}

/** The longest line key any column's model holds: a longer key is seen in no column. */
export function longestPieceKey(models: readonly ColumnModel[]): number {
  return pieceIndex(models).longest;
}

/**
 * Evidence that a line (`key`: its letters and digits) belongs to column `c`: it is seen there in other
 * rows, and not in other columns, weighted by how specific the line is.
 */
export function pieceRepeatScore(models: readonly ColumnModel[] | null, c: number, key: string, row: number): number {
  if (!models || key.length < MIN_REPEAT_KEY) return 0;
  const holders = pieceIndex(models).holders.get(key);
  if (!holders) return 0;
  let own = 0;
  let other = 0;
  let weight = 0;
  for (const { column, seen } of holders) {
    const n = seen.rows.size - (seen.rows.has(row) ? 1 : 0);
    if (n === 0) continue;
    weight = seen.weight;
    if (column === c) own += n;
    else other += n;
  }
  return own + other === 0 ? 0 : (REPEAT_BONUS * weight * (own - other)) / (own + other);
}

/**
 * pieceRepeatScore of a line for every one of `columns` columns at once, into out[at + c]: the rows the
 * line is seen in (this row aside) are counted once, then shared out by column.
 */
export function pieceRepeatScoresOf(models: readonly ColumnModel[], key: string, row: number, columns: number, out: Float64Array, at: number): void {
  out.fill(0, at, at + columns);
  const holders = key.length < MIN_REPEAT_KEY ? undefined : pieceIndex(models).holders.get(key);
  if (!holders) return;
  let total = 0;
  let weight = 0;
  for (const { seen } of holders) {
    const n = seen.rows.size - (seen.rows.has(row) ? 1 : 0);
    if (n === 0) continue;
    weight = seen.weight;
    total += n;
  }
  if (total === 0) return;
  // As pieceRepeatScore computes it: own rows against the other columns' rows.
  const own = new Array<number>(columns).fill(0);
  for (const { column, seen } of holders) own[column] += seen.rows.size - (seen.rows.has(row) ? 1 : 0);
  for (let c = 0; c < columns; c++) out[at + c] = (REPEAT_BONUS * weight * (own[c] - (total - own[c]))) / total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A line of a row (its words from..to): its length as text, its key, and its rarest word's count in the document. */
interface LinePiece {
  length: number;
  key: string;
  rarest: number;
}

/** Lines of rows already read, by the rows' words (each round reads mostly the same lines again). */
const linePieces = new WeakMap<readonly Word[], { counts: WordCounts; lines: Map<number, LinePiece> }>();

function linePiece(words: readonly Word[], from: number, to: number, wordCounts: WordCounts): LinePiece {
  let known = linePieces.get(words);
  if (!known || known.counts !== wordCounts) linePieces.set(words, (known = { counts: wordCounts, lines: new Map() }));
  const at = from * (words.length + 1) + to;
  let piece = known.lines.get(at);
  if (!piece) {
    const line = words.slice(from, to).map((w) => w.text);
    const text = line.join(" ");
    piece = { length: text.length, key: squash(text), rarest: Math.min(...line.map((w) => wordCounts.get(squash(w)) ?? 1)) };
    known.lines.set(at, piece);
  }
  return piece;
}

/**
 * Learn each column's width and repeated lines from segmented rows; `firstPassOnly` learns from the blocks
 * of each row's first pass (a first segmentation knows little about which column a page's continuation is).
 */
export function learnModels(
  rows: readonly { number: number; words: Word[]; blocks: Block[] }[],
  columns: number,
  wordCounts: WordCounts,
  firstPassOnly = false,
): ColumnModel[] {
  // Per row and column, the widest line: a column's width is the median over rows, so one badly read row
  // (a cell that swallowed another column's lines) does not set it.
  const rowWidths: number[][] = Array.from({ length: columns }, () => []);
  const pieces = Array.from({ length: columns }, () => new Map<string, SeenPiece>());
  // How specific a line is: 1 when its rarest word is no more frequent in the document than rows in the table.
  const specificity = (rarest: number) => Math.min(1, rows.length / Math.max(1, rarest));
  for (const row of rows) {
    const widest = new Array<number>(columns).fill(0);
    for (const block of row.blocks) {
      if (firstPassOnly && block.pass > 0) continue;
      // The block's lines: runs of its words on one line of the row.
      for (let from = block.from, to = from; from < block.to; from = to) {
        while (to < block.to && row.words[to].line === row.words[from].line) to++;
        const { length, key, rarest } = linePiece(row.words, from, to, wordCounts);
        widest[block.column] = Math.max(widest[block.column], length);
        if (key.length >= MIN_REPEAT_KEY) {
          const seen = pieces[block.column].get(key) ?? { rows: new Set<number>(), weight: specificity(rarest) };
          seen.rows.add(row.number);
          pieces[block.column].set(key, seen);
        }
      }
    }
    widest.forEach((w, c) => w > 0 && rowWidths[c].push(w));
  }
  // Built by push, not map(): one kind of array whatever runs compiled (the segmentations read it).
  const models: ColumnModel[] = [];
  for (let c = 0; c < columns; c++) models.push({ width: rowWidths[c].length ? median(rowWidths[c]) : null, pieces: pieces[c] });
  return models;
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
