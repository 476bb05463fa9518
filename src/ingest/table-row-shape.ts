/**
 * What the column-major segmentation (table-cells.ts) reads of a row, prepared once instead of once per
 * block it tries: the row's words and their shapes (computed once per row and reused by every model round,
 * exchange round and repair), and per segmentation the models' evidence for each piece of a line (repeated
 * lines) and each full line (learned widths). The values are exactly those the segmentation would compute
 * block by block; only when they are computed changes.
 */
import type { Vocabulary } from "./clean.ts";
import { findPlaces } from "../vocab/places.ts";
import { isVenueCue } from "./table-header.ts";
import { linePenalty, longestPieceKey, MIN_REPEAT_KEY, overflowPenalty, pieceRepeatScoresOf, type ColumnModel } from "./table-model.ts";
import { citationStarts, decideJoin, isYear, rowWords, type Word } from "./table-text.ts";
import type { RowLine, RowSpan } from "./table-types.ts";
import { squash } from "../text/tokenize.ts";

/** A line ending a sentence or clause may end early by the author's choice. */
const SENTENCE_END = /[.!?:;]["”’)]*$/;

/** Per word of a row (flags are 0 or 1). */
export interface RowShape {
  words: Word[];
  /** The first word on the word's line. */
  lineFirst: Int32Array;
  /** One past the last word on the word's line. */
  lineEnd: Int32Array;
  /** The word opens a line. */
  lineStart: Uint8Array;
  /** The word opens a line that continues a word broken at the end of the line before. */
  glueBefore: Uint8Array;
  /** The word opens a line on another page than the line before (pages known for both). */
  pageBreakBefore: Uint8Array;
  /** Some line of the row starts a new page. */
  pageChanges: boolean;
  /** The word ends a sentence or clause. */
  sentenceEnd: Uint8Array;
  /** Characters of the words before it, each with a space after: words a..b-1 as a line are offset[b] - offset[a] - 1 long. */
  offset: Int32Array;
  /** Length of the word. */
  length: Int32Array;
  /** citationStarts of the row's words (one entry per point 0..words.length). */
  citation: number[];
  /** The word's letters and digits (squash). */
  keys: string[];
  /** The word names a kind of venue ("Journal"). */
  cue: Uint8Array;
  /** The word names a country or its people ("American", "Indonesia"): venue names often open with one. */
  place: Uint8Array;
  /** The word is year-shaped. */
  year: Uint8Array;
  /** Where the pieces ending at each word start in a per-piece table: see `pieceIndex`. */
  pieceBase: Int32Array;
  /** Pieces (a run of one line's words) in the row. */
  pieces: number;
}

/** Shapes of rows already seen, with the lines and vocabulary they were computed from. */
const shapes = new WeakMap<RowSpan, { lines: readonly RowLine[]; vocabulary: Vocabulary; shape: RowShape }>();

/** The row's shape, computed on first use (a row's lines are not edited once segmentation starts). */
export function rowShape(row: RowSpan, vocabulary: Vocabulary): RowShape {
  const hit = shapes.get(row);
  if (hit && hit.lines === row.lines && hit.vocabulary === vocabulary) return hit.shape;
  const shape = computeShape(row, vocabulary);
  shapes.set(row, { lines: row.lines, vocabulary, shape });
  return shape;
}

const placeWords = new Map<string, boolean>();
/** A capitalised word that is a country or its demonym ("American", "Indonesian", "Europe" is not a country). */
function namesPlace(word: string): boolean {
  let known = placeWords.get(word);
  if (known === undefined) {
    known = /^\p{Lu}/u.test(word) && findPlaces(word, { demonyms: true }).some((p) => p.start === 0 && p.end === word.replace(/[^\p{L}\p{N}'’]+$/u, "").length);
    placeWords.set(word, known);
  }
  return known;
}

function computeShape(row: RowSpan, vocabulary: Vocabulary): RowShape {
  const words = rowWords(row.lines);
  const P = words.length;
  const lineFirst = new Int32Array(P);
  const lineStart = new Uint8Array(P);
  const glueBefore = new Uint8Array(P);
  const pageBreakBefore = new Uint8Array(P);
  const sentenceEnd = new Uint8Array(P);
  const offset = new Int32Array(P + 1);
  const length = new Int32Array(P);
  const cue = new Uint8Array(P);
  const place = new Uint8Array(P);
  const year = new Uint8Array(P);
  const pieceBase = new Int32Array(P);
  // Filled in a loop, not by map(): one kind of array for the compiled loops that read it.
  const keys = new Array<string>(P);
  let pieces = 0;
  for (let w = 0; w < P; w++) {
    const { text, line } = words[w];
    const starts = w === 0 || words[w - 1].line !== line;
    lineStart[w] = starts ? 1 : 0;
    lineFirst[w] = starts ? w : lineFirst[w - 1];
    if (starts && w > 0) {
      const before = row.lines[words[w - 1].line];
      const here = row.lines[line];
      glueBefore[w] = decideJoin(before.text, here.text, vocabulary) !== "space" ? 1 : 0;
      // Pages are evidence only where they change: a text file's pages, recovered from running headers,
      // miss the page breaks that have none.
      pageBreakBefore[w] = here.page !== null && before.page !== null && here.page !== before.page ? 1 : 0;
    }
    sentenceEnd[w] = SENTENCE_END.test(text) ? 1 : 0;
    length[w] = text.length;
    offset[w + 1] = offset[w] + text.length + 1;
    cue[w] = isVenueCue(text) ? 1 : 0;
    place[w] = namesPlace(text) ? 1 : 0;
    keys[w] = squash(text);
    year[w] = isYear(text) ? 1 : 0;
    pieceBase[w] = pieces;
    pieces += w - lineFirst[w] + 1;
  }
  const lineEnd = new Int32Array(P);
  for (let w = P - 1; w >= 0; w--) lineEnd[w] = w + 1 < P && !lineStart[w + 1] ? lineEnd[w + 1] : w + 1;
  return {
    words, lineFirst, lineEnd, lineStart, glueBefore, pageBreakBefore, pageChanges: pageBreakBefore.includes(1), sentenceEnd,
    offset, length, citation: citationStarts(words), keys, cue, place, year, pieceBase, pieces,
  };
}

/** Index of the piece of words from..to (inclusive, on one line) in a per-piece table. */
export const pieceIndex = (shape: RowShape, from: number, to: number) => shape.pieceBase[to] + to - from;

/**
 * pieceRepeatScore of every piece of the row for every column: entry pieceIndex * columns + c. Null when
 * there are no models (every score is 0).
 */
export function pieceRepeatScores(shape: RowShape, models: readonly ColumnModel[] | null, columns: number, rowNumber: number): Float64Array | null {
  if (!models) return null;
  const out = new Float64Array(shape.pieces * columns);
  const longest = longestPieceKey(models);
  const { keys, lineFirst } = shape;
  for (let from = 0; from < keys.length; from++) {
    let key = "";
    for (let to = from; to < keys.length && lineFirst[to] === lineFirst[from]; to++) {
      key += keys[to];
      // A key shorter than the shortest counted or longer than any model holds scores 0.
      if (key.length < MIN_REPEAT_KEY) continue;
      if (key.length > longest) break;
      pieceRepeatScoresOf(models, key, rowNumber, columns, out, pieceIndex(shape, from, to) * columns);
    }
  }
  return out;
}

/**
 * For columns with a learned width, the width penalty of each full line of the row, finished when the next
 * line starts at word w: entry c * words + w (0 where no full line ends, or the column has no width).
 */
export function fullLinePenalties(shape: RowShape, widths: readonly (number | null)[]): Float64Array {
  const P = shape.words.length;
  const out = new Float64Array(widths.length * P);
  widths.forEach((width, c) => {
    if (width === null) return;
    for (let w = 1; w < P; w++) {
      if (!shape.lineStart[w]) continue;
      const length = shape.offset[w] - shape.offset[shape.lineFirst[w - 1]] - 1;
      const fitted = length + (shape.glueBefore[w] ? 0 : 1) + shape.length[w];
      out[c * P + w] = linePenalty(width, true, length, fitted, shape.sentenceEnd[w - 1] === 1);
    }
  });
  return out;
}

/** overflowPenalty against `width` of a line of each length up to the row's longest line, or null without a width. */
export function overflowByLength(shape: RowShape, width: number | null): Float64Array | null {
  if (width === null) return null;
  let longest = 0;
  for (let w = 0; w < shape.words.length; w++) longest = Math.max(longest, shape.offset[w + 1] - shape.offset[shape.lineFirst[w]] - 1);
  const out = new Float64Array(longest + 1);
  for (let n = 0; n <= longest; n++) out[n] = overflowPenalty(width, n);
  return out;
}
