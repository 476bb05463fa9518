/**
 * Row-major cells: the PDF text runs across the columns, so one line can hold pieces of several cells, left
 * to right ("7. Featured counter-trafficking program: Arpan Hasil yang di dapatkan ..."), and the next line
 * may go back to the first column (a cell continued beside another, or after a page break).
 *
 * Each word of the row gets a column by a Viterbi pass: within a line columns only go left to right; at a
 * line start any column may follow, staying in the same cell being cheapest. Evidence per word is the same
 * as for column-major rows (table-text.ts: other tables' cells, name shapes) plus year and citation shapes.
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
/** Per column skipped before the row's first word: a row starts in its first column. */
const SKIP_START_COST = 1;
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

  const value: Float64Array[] = words.map(() => new Float64Array(K).fill(-Infinity));
  const back: Int32Array[] = words.map(() => new Int32Array(K).fill(-1));
  for (let c = 0; c < K; c++) value[0][c] = emit(c, 0) - SKIP_START_COST * c;
  for (let i = 1; i < n; i++) {
    const newLine = words[i].line !== words[i - 1].line;
    for (let c = 0; c < K; c++) {
      for (let p = 0; p < K; p++) {
        if (!newLine && p > c) continue;
        const cost = p === c ? 0 : !newLine ? SPLIT_COST : c > p ? FORWARD_COST : BACK_COST;
        const v = value[i - 1][p] - cost;
        if (v > value[i][c]) {
          value[i][c] = v;
          back[i][c] = p;
        }
      }
      value[i][c] += emit(c, i);
    }
  }
  const labels = new Array<number>(n);
  let c = value[n - 1].indexOf(Math.max(...value[n - 1]));
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = c;
    c = back[i][c];
  }
  const blocks: Block[] = [];
  labels.forEach((column, i) => {
    const last = blocks.at(-1);
    if (last && last.column === column && last.to === i) last.to = i + 1;
    else blocks.push({ column, pass: 0, from: i, to: i + 1 });
  });
  return { words, blocks };
}
