/**
 * Column-major cells: within a row, the PDF text gives all lines of the first column's cell, then all
 * lines of the next, and so on; when a row crosses a page the columns still running start again in order.
 *
 * A row is a stream of words. A dynamic program (semi-Markov: one step per block of words) chooses
 * contiguous blocks for the columns in order, in one or more passes (a new pass is a page break inside the
 * row), and a block may end in the middle of a line (two columns on one line, "2016 Peneliti"). Blocks are
 * scored by evidence learned from the table itself (see table-model.ts) and by shapes (table-text.ts), in
 * table-block-score.ts.
 */
import type { Vocabulary } from "./clean.ts";
import { BlockScores, blockScorer, type BlockScorer } from "./table-block-score.ts";
import type { ColumnModel } from "./table-model.ts";
import { rowShape } from "./table-row-shape.ts";
import type { Word } from "./table-text.ts";
import type { RowSpan } from "./table-types.ts";

/** A row spans at most this many pages (passes over the columns). */
const MAX_PASSES = 3;
/** A column continued after a page break had at least this share of the tallest column's lines before it. */
const CONTINUATION_MIN_SHARE = 0.6;
/** Re-segmentations of a row after forbidding continuations that break the page-height rule. */
const MAX_REPAIRS = 4;
/** Opening a block: a cell is few blocks, so a column is not cut into many for small gains. */
const NEW_BLOCK_COST = 1;
/** Opening a block after a page break, in a row where pages are seen to change: there, every column still running opens one. */
const CONTINUATION_BLOCK_COST = 0.25;
/** A column left empty on the row's first pass: cells are rarely empty. */
const EMPTY_COST = 3;
/** Starting the columns again (a page break inside the row) where no page change is seen. */
const RESTART_COST = 6;
/** Starting again where the lines' pages show a page change: what a page change inside a row means. */
const RESTART_AT_PAGE_BREAK_COST = 0;
/** Two cells on one line: it happens where one cell's last line meets the next's first (cheaper than an empty cell). */
const SPLIT_COST = 1.5;
/** A cell boundary between the halves of a word broken across lines ("Peneliti" / "an"). */
const BROKEN_WORD_SPLIT_COST = 4;

/** What a row's segmentation may use besides its own lines. */
export interface RowEvidence {
  vocabulary: Vocabulary;
  /** Per data column, what the table's other rows taught (null on the first round). */
  models: ColumnModel[] | null;
  /** Per data column, another table's cell for this row's number (same column), if any. */
  references: (string | undefined)[];
  /** How many of the row's first words other rows start with too (see sharedRowStarts), 0 if none. */
  sharedStart: number;
}

/** A block of words [from, to) of the row assigned to data column `column` on pass `pass`. */
export interface Block {
  column: number;
  pass: number;
  from: number;
  to: number;
}

/**
 * The best segmentations of a row's prefixes: for state s = pass * K + column and point b, the best score
 * of words [0, b) with a block of s ending at b, at best[s * (P + 1) + b]. Passes only go forward, so the
 * passes are computed in order, and a repair that forbids states of pass p keeps the passes before it.
 */
interface Lattice {
  scorer: BlockScorer;
  scores: BlockScores;
  best: Float64Array;
  /** Where the last block of each best segmentation starts (the first start that gives the best score). */
  start: Int32Array;
}

/**
 * Entering the states of pass p with a block starting at word a: per column c, the best score of words
 * [0, a) to come from, with the cost of opening the block, into value[c] (-Infinity if there is no way in),
 * and the state it comes from into from[c].
 */
function enterPass(lattice: Lattice, a: number, p: number, value: Float64Array, from: Int32Array): void {
  const { lineStart, glueBefore, pageBreakBefore, pageChanges } = lattice.scorer.shape;
  const K = lattice.scorer.fields.length;
  const stride = lattice.scorer.shape.words.length + 1;
  const best = lattice.best;
  const boundary = a === 0 ? 0 : !lineStart[a] ? -SPLIT_COST : glueBefore[a] ? -BROKEN_WORD_SPLIT_COST : 0;
  const cost = p > 0 && pageChanges ? CONTINUATION_BLOCK_COST : NEW_BLOCK_COST;
  // Starting the columns again, from any state of the pass before (the same for every column).
  let restartValue = -Infinity;
  let restartFrom = -1;
  if (a > 0 && p > 0 && lineStart[a]) {
    const restart = pageBreakBefore[a] ? RESTART_AT_PAGE_BREAK_COST : RESTART_COST;
    for (let c2 = 0; c2 < K; c2++) {
      // Every column has lines on a row's first page: columns left out of pass 0 are empty cells.
      const v = best[((p - 1) * K + c2) * stride + a] - restart - (p === 1 ? EMPTY_COST * (K - 1 - c2) : 0);
      if (v > restartValue) {
        restartValue = v;
        restartFrom = (p - 1) * K + c2;
      }
    }
  }
  // After a page break, columns may be skipped freely: the best earlier column of the pass so far.
  let earlierValue = -Infinity;
  let earlierFrom = -1;
  for (let c = 0; c < K; c++) {
    let v = -Infinity;
    let source = -1;
    if (a === 0) {
      if (p === 0) v = -EMPTY_COST * c;
    } else if (p === 0) {
      for (let c2 = 0; c2 < c; c2++) {
        const u = best[c2 * stride + a] - EMPTY_COST * (c - c2 - 1);
        if (u > v) {
          v = u;
          source = c2;
        }
      }
    } else {
      v = earlierValue;
      source = earlierFrom;
      const own = best[(p * K + c) * stride + a];
      if (own > earlierValue) {
        earlierValue = own;
        earlierFrom = p * K + c;
      }
    }
    if (restartValue > v) {
      v = restartValue;
      source = restartFrom;
    }
    value[c] = v === -Infinity ? v : v + boundary - cost;
    from[c] = source;
  }
}

/** Fill the lattice's pass p, never using the `forbidden` states. */
function fillPass(lattice: Lattice, p: number, forbidden: ReadonlySet<number>): void {
  const { best, start, scores } = lattice;
  const P = lattice.scorer.shape.words.length;
  const K = lattice.scorer.fields.length;
  const open = new Float64Array(K);
  const from = new Int32Array(K);
  const allowed = Uint8Array.from({ length: K }, (_, c) => (forbidden.has(p * K + c) ? 0 : 1));
  best.fill(-Infinity, p * K * (P + 1), (p + 1) * K * (P + 1));
  for (let a = 0; a < P; a++) {
    enterPass(lattice, a, p, open, from);
    for (let c = 0; c < K; c++) {
      const entry = open[c];
      if (entry === -Infinity || !allowed[c]) continue;
      const end = scores.end(a, c);
      const store = scores.store;
      const offset = scores.offset(a, c);
      const base = (p * K + c) * (P + 1);
      for (let b = a + 1; b < end; b++) {
        const v = entry + store[offset + b];
        if (v > best[base + b]) {
          best[base + b] = v;
          start[base + b] = a;
        }
      }
    }
  }
}

/**
 * The best segmentation of a row's words into blocks, never using the `forbidden` states. Where several
 * are best, the one whose blocks start first (read from the end) is taken.
 */
function bestBlocks(lattice: Lattice, forbidden: ReadonlySet<number>, firstPass: number): Block[] {
  const P = lattice.scorer.shape.words.length;
  const K = lattice.scorer.fields.length;
  if (P === 0 || K === 0) return [];
  for (let p = firstPass; p < MAX_PASSES; p++) fillPass(lattice, p, forbidden);
  const best = lattice.best;
  const S = K * MAX_PASSES;
  let state = -1;
  let top = -Infinity;
  for (let s = 0; s < S; s++) {
    const v = best[s * (P + 1) + P] - (s < K ? EMPTY_COST * (K - 1 - s) : 0);
    if (v > top) [top, state] = [v, s];
  }
  // Back from the end: each block's start, and the state entered from there.
  const blocks: Block[] = [];
  const open = new Float64Array(K);
  const from = new Int32Array(K);
  for (let b = P; b > 0 && state >= 0; ) {
    const p = Math.floor(state / K);
    const c = state % K;
    const a = lattice.start[state * (P + 1) + b];
    enterPass(lattice, a, p, open, from);
    blocks.unshift({ column: c, pass: p, from: a, to: b });
    b = a;
    state = from[c];
  }
  return blocks;
}

/** Lines (of the row) a block covers. */
const height = (words: readonly Word[], b: Block) => new Set(words.slice(b.from, b.to).map((w) => w.line)).size;

/**
 * The row's blocks: the best segmentation of its words into column cells, such that a column continued
 * after a page break ran to the foot of the page before it. All columns of a page share its height, so a
 * column continued on pass p + 1 must have about as many lines on pass p as the tallest column there (a
 * short title cell that ended on the page does not take result lines after the break).
 */
export function segmentColumnMajor(row: RowSpan, fields: readonly (string | null)[], evidence: RowEvidence): { words: Word[]; blocks: Block[] } {
  const shape = rowShape(row, evidence.vocabulary);
  const words = shape.words;
  const K = fields.length;
  const forbidden = new Set<number>();
  const scorer = blockScorer(shape, fields, evidence.models, evidence.references, row.number, evidence.sharedStart);
  const lattice: Lattice = { scorer, scores: new BlockScores(scorer), best: new Float64Array((words.length + 1) * K * MAX_PASSES), start: new Int32Array((words.length + 1) * K * MAX_PASSES) };
  let blocks = bestBlocks(lattice, forbidden, 0);
  for (let repair = 0; repair < MAX_REPAIRS; repair++) {
    // Forbidding states of pass p changes nothing before it.
    let firstPass = MAX_PASSES;
    for (const b of blocks.filter((x) => x.pass > 0)) {
      const previous = blocks.filter((x) => x.pass === b.pass - 1);
      const tallest = Math.max(0, ...previous.map((x) => height(words, x)));
      const own = previous.filter((x) => x.column === b.column).reduce((n, x) => n + height(words, x), 0);
      const s = b.pass * K + b.column;
      if (own < CONTINUATION_MIN_SHARE * tallest && !forbidden.has(s)) {
        forbidden.add(s);
        firstPass = Math.min(firstPass, b.pass);
      }
    }
    if (firstPass === MAX_PASSES) break;
    blocks = bestBlocks(lattice, forbidden, firstPass);
  }
  return { words, blocks };
}
