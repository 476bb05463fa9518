/**
 * The dynamic program of column-major rows (table-cells.ts): a lattice of the best segmentations of a
 * row's prefixes, by state (pass, column) and point, filled pass by pass, and read back from the end.
 *
 * A block is skipped when even the best the rest of the row could add after it (an upper bound,
 * `completionBounds`) leaves it below a complete segmentation already known: the first pass's best when
 * filling the passes after it (used only by rows crossing a page, and most of the work otherwise), and the
 * row's segmentation of the round before, scored anew. Such a block lies on no best segmentation, so the
 * result is the same as the full lattice's (table-lattice.test.ts).
 */
import type { Block } from "./table-cells.ts";
import type { BlockScorer } from "./table-block-evidence.ts";
import { BlockScores } from "./table-block-score.ts";
import type { RowShape } from "./table-row-shape.ts";

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
/** A row spans at most this many pages (passes over the columns). */
export const MAX_PASSES = 3;

/** Opening a block at word a: a cost where it splits a line, more where it splits a broken word. */
function boundaryCost(shape: RowShape, a: number): number {
  return a === 0 ? 0 : !shape.lineStart[a] ? -SPLIT_COST : shape.glueBefore[a] ? -BROKEN_WORD_SPLIT_COST : 0;
}

/**
 * The best segmentations of a row's prefixes: for state s = pass * K + column and point b, the best score
 * of words [0, b) with a block of s ending at b, at best[s * (P + 1) + b]. Passes only go forward, so the
 * passes are computed in order, and a repair that forbids states of pass p keeps the passes before it.
 */
export interface Lattice {
  scorer: BlockScorer;
  scores: BlockScores;
  best: Float64Array;
  /** Where the last block of each best segmentation starts (the first start that gives the best score). */
  start: Int32Array;
  /** completionBounds of the row's blocks. */
  bounds: Float64Array;
}

/** Lattice tables given back by a segmentation done with them (`releaseLattice`), for the next. */
let spare: { best: Float64Array; start: Int32Array } | null = null;

export function newLattice(scorer: BlockScorer): Lattice {
  const size = (scorer.shape.words.length + 1) * scorer.fields.length * MAX_PASSES;
  const scores = new BlockScores(scorer);
  // The tables are written before they are read (each pass is filled afresh), so a used pair serves.
  const tables = spare !== null && spare.best.length >= size ? spare : { best: new Float64Array(size), start: new Int32Array(size) };
  if (tables === spare) spare = null;
  return { scorer, scores, best: tables.best, start: tables.start, bounds: completionBounds(scorer, scores) };
}

/** Give the lattice's tables back for the next segmentation; the lattice is not to be used after. */
export function releaseLattice(lattice: Lattice): void {
  lattice.scores.release();
  if (lattice.best.length <= SPARE_MAX_LENGTH && (spare === null || spare.best.length < lattice.best.length)) spare = { best: lattice.best, start: lattice.start };
}

/** Tables kept between segmentations are at most this long: an outsized row's are not held on to. */
const SPARE_MAX_LENGTH = 1 << 20;

/**
 * Entering the states of pass p with a block starting at word a: per column c, the best score of words
 * [0, a) to come from, with the cost of opening the block, into value[c] (-Infinity if there is no way in),
 * and the state it comes from into from[c].
 */
function enterPass(lattice: Lattice, a: number, p: number, value: Float64Array, from: Int32Array): void {
  const { lineStart, pageBreakBefore, pageChanges } = lattice.scorer.shape;
  const K = lattice.scorer.fields.length;
  const stride = lattice.scorer.shape.words.length + 1;
  const best = lattice.best;
  const boundary = boundaryCost(lattice.scorer.shape, a);
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

/**
 * Fill the lattice's pass p, never using the `forbidden` states, and skipping the blocks that cannot
 * reach `floor` (the score of a complete segmentation, less a margin) whatever follows them.
 */
function fillPass(lattice: Lattice, p: number, forbidden: ReadonlySet<number>, floor: number): void {
  const { best, start, scores, bounds } = lattice;
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
      if (entry + bounds[a * K + c] < floor) continue;
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
 * Per start a and column c (at a * K + c), an upper bound on what a block of c starting at a and the rest
 * of the row after it can score: the best over blocks [a, b) of the block's score and of the best
 * continuation from b, where continuations are relaxed (no empty-cell costs, the cheapest opening cost, a
 * restart allowed at any line start whatever the pass). Computed backwards from the row's end.
 */
function completionBounds(scorer: BlockScorer, scores: BlockScores): Float64Array {
  const { lineStart, pageBreakBefore, pageChanges } = scorer.shape;
  const P = scorer.shape.words.length;
  const K = scorer.fields.length;
  const opening = pageChanges ? Math.min(NEW_BLOCK_COST, CONTINUATION_BLOCK_COST) : NEW_BLOCK_COST;
  const bounds = new Float64Array(P * K);
  // The best continuation after a block of column c ends at point b, at c * (P + 1) + b: at the row's end, nothing.
  const after = new Float64Array(K * (P + 1)).fill(-Infinity);
  for (let c = 0; c < K; c++) after[c * (P + 1) + P] = 0;
  for (let a = P - 1; a >= 0; a--) {
    let bestColumn = -Infinity;
    for (let c = 0; c < K; c++) {
      const bound = scores.bestWith(a, c, after, c * (P + 1));
      bounds[a * K + c] = bound;
      bestColumn = Math.max(bestColumn, bound);
    }
    const boundary = boundaryCost(scorer.shape, a);
    const restart = lineStart[a] ? bestColumn - (pageBreakBefore[a] ? RESTART_AT_PAGE_BREAK_COST : RESTART_COST) : -Infinity;
    // After column c: a later column of the same pass, or a restart.
    let later = -Infinity;
    for (let c = K - 1; c >= 0; c--) {
      after[c * (P + 1) + a] = Math.max(later, restart) + boundary - opening;
      later = Math.max(later, bounds[a * K + c]);
    }
  }
  return bounds;
}

/** Bounds are summed in another order than the lattice's scores: a margin far above rounding errors. */
const BOUND_MARGIN = 1e-6;

/**
 * The best segmentation of a row's words into blocks, never using the `forbidden` states. Where several
 * are best, the one whose blocks start first (read from the end) is taken. `known` is the score of a
 * segmentation on the first pass only (which no forbidden state excludes), if one is known: blocks that
 * cannot beat it are skipped from the start.
 */
export function bestBlocks(lattice: Lattice, forbidden: ReadonlySet<number>, firstPass: number, known = -Infinity): Block[] {
  const P = lattice.scorer.shape.words.length;
  const K = lattice.scorer.fields.length;
  if (P === 0 || K === 0) return [];
  const best = lattice.best;
  // The score of a complete segmentation ending in state s.
  const complete = (s: number) => best[s * (P + 1) + P] - (s < K ? EMPTY_COST * (K - 1 - s) : 0);
  for (let p = firstPass; p < MAX_PASSES; p++) {
    let floor = known - BOUND_MARGIN;
    for (let s = 0; s < p * K; s++) floor = Math.max(floor, complete(s) - BOUND_MARGIN);
    fillPass(lattice, p, forbidden, floor);
  }
  const S = K * MAX_PASSES;
  let state = -1;
  let top = -Infinity;
  for (let s = 0; s < S; s++) {
    const v = complete(s);
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

/**
 * The score of a segmentation whose blocks are all on the first pass, as the lattice scores it, or
 * -Infinity if it is not one of the lattice's segmentations.
 */
export function firstPassScore(lattice: Lattice, blocks: readonly Block[]): number {
  const { scores } = lattice;
  const P = lattice.scorer.shape.words.length;
  const K = lattice.scorer.fields.length;
  let total = 0;
  let point = 0;
  let column = -1;
  for (const { column: c, pass, from: a, to: b } of blocks) {
    if (pass !== 0 || a !== point || c <= column || c >= K || b <= a || b >= scores.end(a, c)) return -Infinity;
    total += -EMPTY_COST * (c - column - 1) + boundaryCost(lattice.scorer.shape, a) - NEW_BLOCK_COST + scores.store[scores.offset(a, c) + b];
    point = b;
    column = c;
  }
  return point === P && column >= 0 ? total - EMPTY_COST * (K - 1 - column) : -Infinity;
}
