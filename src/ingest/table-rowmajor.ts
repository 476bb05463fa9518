/**
 * Row-major cells: the PDF text runs across the columns, so one line can hold pieces of several cells, left
 * to right ("7. Featured counter-trafficking program: Arpan Hasil yang di dapatkan ..."), and the next line
 * may go back to the first column (a cell continued beside another, or after a page break).
 *
 * Each line is cut into pieces, one per column it holds, by a dynamic program over the row: within a line
 * columns only go left to right; at a line start any column may follow, staying in the same cell being
 * cheapest; every column should be reached, and a cell starts with a capital or a digit. Evidence per word
 * is the same as for column-major rows (table-text.ts: other tables' cells, name shapes) plus year and
 * citation shapes and repeated values; per piece, the column's learned width (a piece longer than the
 * column is wide belongs to more than one column).
 */
import { overflowPenalty, pieceRepeatScore, type ColumnModel } from "./table-model.ts";
import type { Block, RowEvidence } from "./table-cells.ts";
import { citationStarts, columnWordScores, isYear, rowWords, type Word } from "./table-text.ts";
import type { RowSpan } from "./table-types.ts";
import { squash } from "../text/tokenize.ts";

/** Two cells on one line: common in row-major text, still worth some evidence. */
const SPLIT_COST = 1.5;
/** A line starting in a later column than the last line ended in. */
const FORWARD_COST = 0.5;
/** A line starting in an earlier column: the next line of a cell beside another, or after a page break. */
const BACK_COST = 0.5;
/** A column the row never reaches (or skips): cells are rarely empty. */
const EMPTY_COST = 3;
/** A cell starting with a lower-case word: cells start with a capital or a digit. */
const LOWER_START_COST = 1.5;
/** A year-shaped word in a year column. */
const YEAR_BONUS = 2;
/** A word of a year column that is not a year. */
const YEAR_MISMATCH = 2;
/** A word of an in-text citation "(Name et al., 2016)" in a venue column. */
const CITATION_WORD_BONUS = 1;
/** Repeated-value evidence is learned from lines; for single words it is weaker. */
const WORD_REPEAT_SHARE = 0.5;

/** Prefix sums of value(0), ..., value(n - 1), in a typed array (one kind of array for the compiled loops). */
function prefixSums(n: number, value: (i: number) => number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i] + value(i);
  return out;
}

/**
 * Each column's learned width, 0 without one. Read apart from the segmentation's loops, which would
 * otherwise be compiled again when the first models (after a first round without) reach them.
 */
function learnedWidths(models: readonly ColumnModel[] | null, columns: number): Float64Array {
  return Float64Array.from({ length: columns }, (_, c) => models?.[c]?.width ?? 0);
}

/** The row's words labelled with columns, as blocks of consecutive words of one column (pass 0). */
export function segmentRowMajor(row: RowSpan, fields: readonly (string | null)[], evidence: RowEvidence): { words: Word[]; blocks: Block[] } {
  const words = rowWords(row.lines);
  const n = words.length;
  const K = fields.length;
  if (n === 0 || K === 0) return { words, blocks: [] };
  const scores = columnWordScores(words, fields, evidence.references);
  const citation = citationStarts(words);
  const inCitation = new Array<boolean>(n).fill(false);
  citation.forEach((start, end) => start >= 0 && inCitation.fill(true, start, end));
  const emit = (c: number, i: number) => {
    let s = scores[c][i];
    if (fields[c] === "year") s += isYear(words[i].text) ? YEAR_BONUS : -YEAR_MISMATCH;
    if (fields[c] === "venue" && inCitation[i]) s += CITATION_WORD_BONUS;
    s += WORD_REPEAT_SHARE * pieceRepeatScore(evidence.models, c, squash(words[i].text), row.number);
    return s;
  };

  const lower = Uint8Array.from(words, (w) => (/^\p{Ll}/u.test(w.text) ? 1 : 0));
  const cumulative = prefixSums(n, (i) => words[i].text.length + 1);
  const sums = Array.from({ length: K }, (_, c) => prefixSums(n, (i) => emit(c, i)));
  const widths = learnedWidths(evidence.models, K);
  // Where each word's line starts.
  const lineStart = new Int32Array(n);
  for (let i = 1; i < n; i++) lineStart[i] = words[i - 1].line === words[i].line ? lineStart[i - 1] : i;

  // Semi-Markov over pieces (a run of one line's words in one column), in states (column, furthest column
  // reached): within a line columns go left to right; every column should be reached.
  const S = K * K;
  const state = (c: number, m: number) => c * K + m;
  // Per point b and state s, at b * S + s: the best score of words [0, b) ending in s, where its last piece
  // starts, and the state before it.
  const value = new Float64Array((n + 1) * S).fill(-Infinity);
  const backFrom = new Int32Array((n + 1) * S);
  const backState = new Int32Array((n + 1) * S);
  const improve = (b: number, s: number, v: number, from: number, previous: number) => {
    if (v > value[b * S + s]) {
      value[b * S + s] = v;
      backFrom[b * S + s] = from;
      backState[b * S + s] = previous;
    }
  };
  for (let b = 1; b <= n; b++) {
    for (let a = b - 1; a >= lineStart[b - 1]; a--) {
      const length = cumulative[b] - cumulative[a] - 1;
      for (let c = 0; c < K; c++) {
        const width = widths[c];
        const piece = sums[c][b] - sums[c][a] - (width ? overflowPenalty(width, length) : 0);
        const enter = (lower[a] ? LOWER_START_COST : 0);
        if (a === 0) {
          improve(b, state(c, c), piece - EMPTY_COST * c - enter, 0, -1);
          continue;
        }
        const newLine = a === lineStart[a];
        for (let p = 0; p < K; p++) {
          if (!newLine && p >= c) continue;
          for (let mp = p; mp < K; mp++) {
            const from = value[a * S + state(p, mp)];
            if (from === -Infinity) continue;
            let cost = c === p ? 0 : !newLine ? SPLIT_COST : c > p ? FORWARD_COST : BACK_COST;
            if (c > mp) cost += EMPTY_COST * (c - mp - 1) + enter;
            improve(b, state(c, Math.max(mp, c)), from - cost + piece, a, state(p, mp));
          }
        }
      }
    }
  }
  let s = 0;
  const final = (k: number) => value[n * S + k] - EMPTY_COST * (K - 1 - (k % K));
  for (let k = 1; k < S; k++) if (final(k) > final(s)) s = k;
  const labels = new Array<number>(n);
  for (let b = n; b > 0 && s >= 0; ) {
    const from = backFrom[b * S + s];
    const previous = backState[b * S + s];
    labels.fill(Math.floor(s / K), from, b);
    b = from;
    s = previous;
  }
  const blocks: Block[] = [];
  labels.forEach((column, i) => {
    const last = blocks.at(-1);
    if (last && last.column === column && last.to === i) last.to = i + 1;
    else blocks.push({ column, pass: 0, from: i, to: i + 1 });
  });
  return { words, blocks };
}
