/**
 * Column-major cells: within a row, the PDF text gives all lines of the first column's cell, then all
 * lines of the next, and so on; when a row crosses a page the columns still running start again in order.
 *
 * A row is a stream of words. A dynamic program (semi-Markov: one step per block of words) chooses
 * contiguous blocks for the columns in order, in one or more passes (a new pass is a page break inside the
 * row), and a block may end in the middle of a line (two columns on one line, "2016 Peneliti"). Blocks are
 * scored by evidence learned from the table itself (see table-model.ts) and by shapes (table-text.ts).
 */
import type { Vocabulary } from "./clean.ts";
import { columnWordScores, type Word } from "./table-text.ts";
import { linePenalty, type ColumnModel } from "./table-model.ts";
import { fullLinePenalties, overflowByLength, pieceRepeatScores, rowShape, type RowShape } from "./table-row-shape.ts";
import type { RowSpan } from "./table-types.ts";

/** A row spans at most this many pages (passes over the columns). */
const MAX_PASSES = 3;
/** A column continued after a page break had at least this share of the tallest column's lines before it. */
const CONTINUATION_MIN_SHARE = 0.6;
/** Re-segmentations of a row after forbidding continuations that break the page-height rule. */
const MAX_REPAIRS = 4;
/** A block whose lines misfit the column this much (in line units) is abandoned, whatever else it has. */
const MAX_WIDTH_PENALTY = 30;
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
/** The first column's cell ending where the start the row shares with other rows ends ("Google scholar"). */
const SHARED_START_BONUS = 2;
/** A venue cell whose first or second line names a kind of venue ("Journal of", "American" / "Journal of"). */
const VENUE_CUE_BONUS = 2;
/** On the second line a little less: where nothing else tells, the venue starts at the line that names it. */
const VENUE_CUE_SECOND_LINE_SHARE = 0.85;
/** A year column holding exactly one year-shaped word. */
const YEAR_BONUS = 4;
/** Per word of a year column that is not one year. */
const YEAR_MISMATCH = 3;
/** A venue cell ending with an in-text citation "(Name et al., 2016)". */
const CITATION_BONUS = 4;

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

/** Per-word scores for a column, summed over a block with prefix sums. */
function prefixSums(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, i) => (out[i + 1] = out[i] + v));
  return out;
}

/** What the models say of the row's pieces and lines, for one segmentation (see table-row-shape.ts). */
interface ModelTables {
  /** pieceRepeatScore per piece and column, or null (no models: all 0). */
  repeat: Float64Array | null;
  /** Width penalty per column of each full line, by the word that starts the next line. */
  fullLine: Float64Array;
  /** Per column, the learned width or null. */
  widths: (number | null)[];
  /** Per column with a learned width, overflowPenalty of a line by its length (up to the row's longest line). */
  overflow: (Float64Array | null)[];
}

/**
 * Width scores of the blocks starting at word `a` judged against their own widest line (a column without a
 * learned width; the same for every such column): the score of block [a, b) in out[b], for b up to the
 * returned end (exclusive), where the penalty first passes MAX_WIDTH_PENALTY.
 */
function ownWidthScores(shape: RowShape, a: number, out: Float64Array, done: { length: Int32Array; fitted: Int32Array; sentenceEnd: Uint8Array }): number {
  const { lineStart, glueBefore, sentenceEnd, offset, length } = shape;
  const P = shape.words.length;
  let penalty = 0;
  let count = 0;
  let widest = 0;
  let pieceStart = a;
  for (let b = a + 1; b <= P; b++) {
    const w = b - 1;
    if (w > a && lineStart[w]) {
      const finished = offset[w] - offset[pieceStart] - 1;
      const fitted = finished + (glueBefore[w] ? 0 : 1) + length[w];
      done.length[count] = finished;
      done.fitted[count] = fitted;
      done.sentenceEnd[count] = sentenceEnd[w - 1];
      count++;
      if (finished > widest) {
        // A wider line: the lines before are judged again against it.
        widest = finished;
        penalty = 0;
        for (let k = 0; k < count; k++) penalty += linePenalty(widest, false, done.length[k], done.fitted[k], done.sentenceEnd[k] === 1);
      } else penalty += linePenalty(widest, false, finished, fitted, sentenceEnd[w - 1] === 1);
      pieceStart = w;
    }
    // A last line wider than the others is not used as the width (judging the others against it would
    // cost a pass over them at every step).
    if (-penalty < -MAX_WIDTH_PENALTY) return b;
    out[b] = -penalty;
  }
  return P + 1;
}

/** The best segmentation of a row's words into blocks, never using the `forbidden` states (pass * K + column). */
function bestBlocks(shape: RowShape, tables: ModelTables, fields: readonly (string | null)[], evidence: RowEvidence, forbidden: ReadonlySet<number>): Block[] {
  const { words, lineStart, glueBefore, pageBreakBefore, pageChanges, sentenceEnd, offset, length, citation, cue, year, lineFirst, pieceBase } = shape;
  const P = words.length;
  const K = fields.length;
  if (P === 0 || K === 0) return [];
  const { repeat: repeatTable, fullLine, widths, overflow } = tables;

  const wordScore = columnWordScores(words, fields, evidence.references).map(prefixSums);

  const S = K * MAX_PASSES;
  const best = new Float64Array((P + 1) * S).fill(-Infinity);
  const backPoint = new Int32Array((P + 1) * S).fill(-1);
  const backState = new Int32Array((P + 1) * S).fill(-1);
  const entry = new Float64Array(S);
  const entryFrom = new Int32Array(S);
  // The passes a block of the current column may be opened on, and their entries.
  const openPass = new Int32Array(MAX_PASSES);
  const openValue = new Float64Array(MAX_PASSES);
  const ownWidth = new Float64Array(P + 1);
  const done = { length: new Int32Array(P), fitted: new Int32Array(P), sentenceEnd: new Uint8Array(P) };
  const needOwnWidth = widths.some((w) => w === null);

  for (let a = 0; a < P; a++) {
    const boundary = a === 0 ? 0 : !lineStart[a] ? -SPLIT_COST : glueBefore[a] ? -BROKEN_WORD_SPLIT_COST : 0;
    const restart = pageBreakBefore[a] ? RESTART_AT_PAGE_BREAK_COST : RESTART_COST;
    for (let p = 0; p < MAX_PASSES; p++) {
      for (let c = 0; c < K; c++) {
        const s = p * K + c;
        let value = -Infinity;
        let from = -1;
        if (a === 0) {
          if (p === 0) value = -EMPTY_COST * c;
        } else {
          for (let c2 = 0; c2 < c; c2++) {
            const v = best[a * S + p * K + c2] - (p === 0 ? EMPTY_COST * (c - c2 - 1) : 0);
            if (v > value) {
              value = v;
              from = p * K + c2;
            }
          }
          if (p > 0 && lineStart[a]) {
            for (let c2 = 0; c2 < K; c2++) {
              // Every column has lines on a row's first page: columns left out of pass 0 are empty cells.
              const v = best[a * S + (p - 1) * K + c2] - restart - (p === 1 ? EMPTY_COST * (K - 1 - c2) : 0);
              if (v > value) {
                value = v;
                from = (p - 1) * K + c2;
              }
            }
          }
        }
        entry[s] = value === -Infinity ? value : value + boundary - (p > 0 && pageChanges ? CONTINUATION_BLOCK_COST : NEW_BLOCK_COST);
        entryFrom[s] = from;
      }
    }
    const ownEnd = needOwnWidth ? ownWidthScores(shape, a, ownWidth, done) : 0;
    for (let c = 0; c < K; c++) {
      let opened = 0;
      for (let p = 0; p < MAX_PASSES; p++) {
        const s = p * K + c;
        if (entry[s] === -Infinity || forbidden.has(s)) continue;
        openPass[opened] = s;
        openValue[opened++] = entry[s];
      }
      if (opened === 0) continue;
      const venue = fields[c] === "venue";
      const yearColumn = fields[c] === "year";
      const learned = widths[c];
      const overflowOf = overflow[c];
      const end = learned === null ? ownEnd : P + 1;
      const scores = wordScore[c];
      const before = scores[a];
      let penalty = 0;
      let pieceStart = a;
      let repeat = 0;
      let piece = 0;
      let cueBonus = 0;
      for (let b = a + 1; b < end; b++) {
        const w = b - 1;
        if (w > a && lineStart[w]) {
          if (learned !== null) {
            const finished = offset[w] - offset[pieceStart] - 1;
            penalty += pieceStart === lineFirst[w - 1] ? fullLine[c * P + w] : linePenalty(learned, true, finished, finished + (glueBefore[w] ? 0 : 1) + length[w], sentenceEnd[w - 1] === 1);
          }
          if (repeatTable) repeat += repeatTable[(pieceBase[w - 1] + w - 1 - pieceStart) * K + c];
          pieceStart = w;
          piece++;
        }
        if (venue && piece < 2 && cue[w]) cueBonus = Math.max(cueBonus, piece === 0 ? VENUE_CUE_BONUS : VENUE_CUE_BONUS * VENUE_CUE_SECOND_LINE_SHARE);
        let widthScore = ownWidth[b];
        if (overflowOf !== null) {
          widthScore = -(penalty + overflowOf[offset[b] - offset[pieceStart] - 1]);
          // Width penalties only grow with the block: past this, no evidence makes the block worth having.
          if (widthScore < -MAX_WIDTH_PENALTY) break;
        }
        let score = widthScore + repeat + (repeatTable ? repeatTable[(pieceBase[w] + w - pieceStart) * K + c] : 0);
        score += scores[b] - before;
        if (yearColumn) score += b - a === 1 && year[a] ? YEAR_BONUS : -YEAR_MISMATCH * (b - a);
        if (venue) score += cueBonus + (citation[b] >= a ? CITATION_BONUS : 0);
        if (c === 0 && a === 0 && b === evidence.sharedStart) score += SHARED_START_BONUS;
        for (let k = 0; k < opened; k++) {
          const v = openValue[k] + score;
          const at = b * S + openPass[k];
          if (v > best[at]) {
            best[at] = v;
            backPoint[at] = a;
            backState[at] = entryFrom[openPass[k]];
          }
        }
      }
    }
  }

  let state = -1;
  let top = -Infinity;
  for (let s = 0; s < S; s++) {
    const v = best[P * S + s] - (s < K ? EMPTY_COST * (K - 1 - s) : 0);
    if (v > top) [top, state] = [v, s];
  }
  const blocks: Block[] = [];
  for (let b = P; b > 0 && state >= 0; ) {
    const a = backPoint[b * S + state];
    blocks.unshift({ column: state % K, pass: Math.floor(state / K), from: a, to: b });
    const prev = backState[b * S + state];
    b = a;
    state = prev;
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
  const tables: ModelTables = {
    repeat: pieceRepeatScores(shape, evidence.models, K, row.number),
    fullLine: fullLinePenalties(shape, evidence.models, K),
    widths: fields.map((_, c) => evidence.models?.[c]?.width ?? null),
    overflow: fields.map((_, c) => overflowByLength(shape, evidence.models?.[c]?.width ?? null)),
  };
  let blocks = bestBlocks(shape, tables, fields, evidence, forbidden);
  for (let repair = 0; repair < MAX_REPAIRS; repair++) {
    const before = forbidden.size;
    for (const b of blocks.filter((x) => x.pass > 0)) {
      const previous = blocks.filter((x) => x.pass === b.pass - 1);
      const tallest = Math.max(0, ...previous.map((x) => height(words, x)));
      const own = previous.filter((x) => x.column === b.column).reduce((n, x) => n + height(words, x), 0);
      if (own < CONTINUATION_MIN_SHARE * tallest) forbidden.add(b.pass * K + b.column);
    }
    if (forbidden.size === before) break;
    blocks = bestBlocks(shape, tables, fields, evidence, forbidden);
  }
  return { words, blocks };
}
