/**
 * Row-major cells: the PDF text runs across the columns, so one line can hold pieces of several cells, left
 * to right ("7. Featured counter-trafficking program: Arpan Hasil yang di dapatkan ..."), and the next line
 * may go back to the first column (a cell continued beside another, or after a page break).
 *
 * Each word of the row gets a column by a Viterbi pass: within a line columns only go left to right; at a
 * line start any column may follow, staying in the same cell being cheapest; every column should be
 * reached, and a cell starts with a capital or a digit. Evidence per word is the same as for column-major
 * rows (table-text.ts: other tables' cells, name shapes) plus year and citation shapes, repeated values and
 * learned column widths (a line too long for a column is not that column's alone).
 */
import { pieceRepeatScore } from "./table-model.ts";
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
const LOWER_START_COST = 2;
/** A line longer than the column's learned width by more than this share cannot be the column's alone. */
const OVERFLOW_TOLERANCE = 0.1;
/** Per line too long for the column (spread over its words). */
const OVERFLOW_PENALTY = 3;
/** A year-shaped word in a year column. */
const YEAR_BONUS = 2;
/** A word of a year column that is not a year. */
const YEAR_MISMATCH = 2;
/** A word of an in-text citation "(Name et al., 2016)" in a venue column. */
const CITATION_WORD_BONUS = 1;
/** Repeated-value evidence is learned from lines; for single words it is weaker. */
const WORD_REPEAT_SHARE = 0.5;

/** The row's words labelled with columns, as blocks of consecutive words of one column. */
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

  // Learned widths: a line longer than a column's width is not that column's alone.
  const lineLength = row.lines.map((l) => l.text.length);
  const lineWords = row.lines.map((l) => l.text.split(/\s+/).filter(Boolean).length);
  const overflow = (c: number, i: number) => {
    const width = evidence.models?.[c]?.width;
    const line = words[i].line;
    return width && lineLength[line] > width * (1 + OVERFLOW_TOLERANCE) ? OVERFLOW_PENALTY / lineWords[line] : 0;
  };
  const lower = words.map((w) => /^\p{Ll}/u.test(w.text));

  // Viterbi over states (column, furthest column reached so far): every column should be reached.
  const S = K * K;
  const state = (c: number, m: number) => c * K + m;
  const value: Float64Array[] = words.map(() => new Float64Array(S).fill(-Infinity));
  const back: Int32Array[] = words.map(() => new Int32Array(S).fill(-1));
  for (let c = 0; c < K; c++) value[0][state(c, c)] = emit(c, 0) - overflow(c, 0) - EMPTY_COST * c - (lower[0] ? LOWER_START_COST : 0);
  for (let i = 1; i < n; i++) {
    const newLine = words[i].line !== words[i - 1].line;
    for (let p = 0; p < K; p++) {
      for (let mp = p; mp < K; mp++) {
        const from = value[i - 1][state(p, mp)];
        if (from === -Infinity) continue;
        for (let c = newLine ? 0 : p; c < K; c++) {
          const m = Math.max(mp, c);
          let cost = c === p ? 0 : !newLine ? SPLIT_COST : c > p ? FORWARD_COST : BACK_COST;
          if (c > mp) cost += EMPTY_COST * (c - mp - 1) + (lower[i] ? LOWER_START_COST : 0);
          const v = from - cost;
          const s = state(c, m);
          if (v > value[i][s]) {
            value[i][s] = v;
            back[i][s] = state(p, mp);
          }
        }
      }
    }
    for (let c = 0; c < K; c++) {
      const e = emit(c, i) - overflow(c, i);
      for (let m = c; m < K; m++) value[i][state(c, m)] += e;
    }
  }
  let s = 0;
  for (let k = 0; k < S; k++) {
    const m = k % K;
    if (value[n - 1][k] - EMPTY_COST * (K - 1 - m) > value[n - 1][s] - EMPTY_COST * (K - 1 - (s % K))) s = k;
  }
  const labels = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = Math.floor(s / K);
    s = back[i][s];
  }
  const blocks: Block[] = [];
  labels.forEach((column, i) => {
    const last = blocks.at(-1);
    if (last && last.column === column && last.to === i) last.to = i + 1;
    else blocks.push({ column, pass: 0, from: i, to: i + 1 });
  });
  return { words, blocks };
}
