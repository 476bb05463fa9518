/**
 * The score of a block of a column-major row (table-cells.ts): the words [a, b) of the row as the cell of
 * one column. Evidence is the column's learned width (each line of the block against it, or against the
 * block's own widest line before any width is learned), the lines the column repeats across rows, the
 * words' own evidence (table-text.ts) and the shapes of year and venue cells.
 *
 * For one start a and column, the scores of all blocks [a, b) are computed in one pass over b, each line's
 * evidence read from tables prepared per row (table-row-shape.ts) and per segmentation
 * (table-block-evidence.ts), and kept for the segmentation's passes and repairs (`BlockScores`).
 */
import type { BlockScorer } from "./table-block-evidence.ts";
import { linePenalty } from "./table-model.ts";

/** A block whose lines misfit the column this much (in line units) is abandoned, whatever else it has. */
const MAX_WIDTH_PENALTY = 30;
/** The first column's cell ending where the start the row shares with other rows ends ("Google scholar"). */
const SHARED_START_BONUS = 2;
/** A venue cell whose first lines name a kind of venue ("Journal of", "American" / "Journal of"). */
const VENUE_CUE_BONUS = 2;
/**
 * On each later line a share less: where nothing else tells, the venue starts at the line that names it. A
 * venue's name may take three lines before its kind word ("American" / "Psycholog-ical" / "Association").
 */
const VENUE_CUE_LINE_SHARE = 0.85;
/** Lines of a venue cell (after its first) in which its kind word may stand. */
const VENUE_CUE_LATER_LINES = 2;
/** A year column holding exactly one year-shaped word. */
const YEAR_BONUS = 4;
/** Per word of a year column that is not one year. */
const YEAR_MISMATCH = 3;
/** A venue cell ending with an in-text citation "(Name et al., 2016)". */
const CITATION_BONUS = 4;

/** A block's finished lines, for judging them against its widest. */
interface FinishedLines {
  length: Int32Array;
  fitted: Int32Array;
  sentenceEnd: Uint8Array;
}

/**
 * Width scores of the blocks starting at word `a` judged against their own widest line (a column without a
 * learned width; the same for every such column): the score of block [a, b) in out[b], for b up to the
 * returned end (exclusive), where the penalty first passes MAX_WIDTH_PENALTY.
 */
function ownWidthScores(scorer: BlockScorer, a: number, out: Float64Array, done: FinishedLines): number {
  const { shape } = scorer;
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

/**
 * The scores of the blocks [a, b) of column c, into out[base + b] for b from a + 1 up to the returned end
 * (exclusive): past it the block's lines misfit the column too much. `ownEnd` is what ownWidthScores
 * returned for `a`, into `ownWidth` (used by columns without a learned width). The block grows a line at a
 * time: its first line starts at a, the others are whole lines of the row. With `after` (per point b, at
 * after[b + afterBase]), the best of score + after over the blocks goes into `best.value` on the way.
 */
function blockScores(scorer: BlockScorer, a: number, c: number, ownEnd: number, ownWidth: Float64Array, out: Float64Array, base: number, after: Float64Array | null, afterBase: number, best: { value: number }): number {
  const { shape, fields, repeat: pieces, lineRepeat, lineOverflow, fullLine } = scorer;
  const { lineStart, lineEnd, glueBefore, sentenceEnd, offset, length, citation, cue, place, year, pieceBase } = shape;
  const P = shape.words.length;
  const K = fields.length;
  const venue = fields[c] === "venue";
  const yearColumn = fields[c] === "year";
  // Extra evidence of year and venue cells, and of the first column's shared start.
  const extras = venue || yearColumn || (c === 0 && a === 0 && scorer.sharedStart > 0);
  const sharedStart = c === 0 && a === 0 ? scorer.sharedStart : -1;
  const learned = scorer.widths[c];
  const overflowOf = scorer.overflow[c];
  const end = learned === null ? ownEnd : P + 1;
  const scores = scorer.wordScore[c];
  const before = scores[a];
  const row = c * P;
  const repeats = pieces !== null && lineRepeat !== null;
  const bounded = after !== null;
  const afterOf = after ?? out;
  // The width penalties and repeat scores of the block's finished lines.
  let penalty = 0;
  let repeat = 0;
  let cueBonus = 0;
  let top = -Infinity;
  let stop = end;
  let w = a;
  // The block's first line, from a: its overflow and repeat score are the piece's own.
  for (const lineStop = lineEnd[a]; w < lineStop; w++) {
    const b = w + 1;
    if (b >= end) break;
    if (venue && cue[w]) cueBonus = Math.max(cueBonus, VENUE_CUE_BONUS);
    let widthScore = ownWidth[b];
    if (overflowOf !== null) {
      widthScore = -overflowOf[offset[b] - offset[a] - 1];
      // Width penalties only grow with the block: past this, no evidence makes the block worth having.
      if (widthScore < -MAX_WIDTH_PENALTY) {
        stop = b;
        break;
      }
    }
    let score = widthScore + 0 + (repeats ? pieces[(pieceBase[w] + w - a) * K + c] : 0);
    score += scores[b] - before;
    if (extras) {
      if (yearColumn) score += b - a === 1 && year[a] ? YEAR_BONUS : -YEAR_MISMATCH * (b - a);
      if (venue) score += cueBonus + (citation[b] >= a ? CITATION_BONUS : 0);
      if (b === sharedStart) score += SHARED_START_BONUS;
    }
    out[base + b] = score;
    if (bounded) top = Math.max(top, score + afterOf[afterBase + b]);
  }
  // Whole lines after it, while the block may still grow. For the venue's kind word, lines are counted as a
  // reader does: one that only finishes a word broken at the line before ("Psycholog" / "ical") is part of it.
  // A venue opening with a place's name ("American" / "Journal of ...", "American" / "Psycholog-ical" /
  // "Association") starts where that name does: its kind word, wherever it stands, counts as on the first line.
  const placeStart = venue && place[a] === 1;
  let wordLines = 0;
  for (let piece = 1; w < P && w + 1 < stop; piece++) {
    if (!glueBefore[w]) wordLines++;
    // The line before w is finished.
    if (learned !== null && piece === 1 && !lineStart[a]) {
      const finished = offset[w] - offset[a] - 1;
      penalty += linePenalty(learned, true, finished, finished + (glueBefore[w] ? 0 : 1) + length[w], sentenceEnd[w - 1] === 1);
    } else if (learned !== null) penalty += fullLine[row + w];
    if (repeats) repeat += piece === 1 ? pieces[(pieceBase[w - 1] + w - 1 - a) * K + c] : lineRepeat[row + w - 1];
    for (const lineStop = lineEnd[w]; w < lineStop; w++) {
      const b = w + 1;
      if (b >= end) break;
      if (venue && wordLines <= VENUE_CUE_LATER_LINES && cue[w]) cueBonus = Math.max(cueBonus, VENUE_CUE_BONUS * VENUE_CUE_LINE_SHARE ** (placeStart ? 0 : wordLines));
      let widthScore = ownWidth[b];
      if (overflowOf !== null) {
        widthScore = -(penalty + lineOverflow[row + w]);
        if (widthScore < -MAX_WIDTH_PENALTY) {
          stop = b;
          break;
        }
      }
      let score = widthScore + repeat + (repeats ? lineRepeat[row + w] : 0);
      score += scores[b] - before;
      if (extras) {
        if (yearColumn) score += -YEAR_MISMATCH * (b - a);
        if (venue) score += cueBonus + (citation[b] >= a ? CITATION_BONUS : 0);
        if (b === sharedStart) score += SHARED_START_BONUS;
      }
      out[base + b] = score;
      if (bounded) top = Math.max(top, score + afterOf[afterBase + b]);
    }
  }
  best.value = top;
  return stop;
}

/** A store kept between segmentations is at most this long (8 MB): an outsized row's is not held on to. */
const SPARE_MAX_LENGTH = 1 << 20;

/** Columns whose blocks score alike (no learned width and no evidence of their own, before any model). */
function sameScoring(scorer: BlockScorer, c: number, d: number): boolean {
  const { fields, widths, wordScore, repeat } = scorer;
  const K = fields.length;
  const kind = (k: number) => (fields[k] === "venue" || fields[k] === "year" ? fields[k] : null);
  if (widths[c] !== widths[d] || kind(c) !== kind(d)) return false;
  // The shared-start bonus is the first column's alone.
  if ((c === 0 || d === 0) && scorer.sharedStart > 0) return false;
  if (wordScore[c].some((v, i) => v !== wordScore[d][i])) return false;
  if (repeat) for (let i = c; i < repeat.length; i += K) if (repeat[i] !== repeat[i - c + d]) return false;
  return true;
}

/**
 * The scores of a row's blocks by start and column, each computed on first use and kept for the
 * segmentation's passes and repairs (and shared by columns that score alike): after `end(a, c)`, block
 * [a, b)'s score is store[offset(a, c) + b] for b < end(a, c).
 */
export class BlockScores {
  /**
   * A store given back by a segmentation that is done with it (`release`), for the next: a row's block
   * scores run to megabytes, and allocating them afresh for every segmentation kept the garbage collector
   * busy.
   */
  private static spare: Float64Array | null = null;
  store: Float64Array;
  private used = 0;
  /** Per column, the first column that scores alike, whose scores it uses. */
  private readonly alike: Int32Array;
  private readonly offsets: Int32Array;
  private readonly ends: Int32Array;
  /** Own-width scores of the blocks from start `ownFor` (see ownWidthScores), up to `ownEnd`. */
  private readonly ownWidth: Float64Array;
  private readonly done: FinishedLines;
  private ownFor = -1;
  private ownEnd = 0;
  /** Where blockScores leaves the best it finds with `after`. */
  private readonly best = { value: -Infinity };

  constructor(private readonly scorer: BlockScorer) {
    const P = scorer.shape.words.length;
    const K = scorer.fields.length;
    this.alike = Int32Array.from(scorer.fields, (_, c) => {
      for (let d = 0; d < c; d++) if (sameScoring(scorer, c, d)) return d;
      return c;
    });
    this.offsets = new Int32Array(P * K);
    this.ends = new Int32Array(P * K).fill(-1);
    this.ownWidth = new Float64Array(P + 1);
    this.done = { length: new Int32Array(P), fitted: new Int32Array(P), sentenceEnd: new Uint8Array(P) };
    this.store = BlockScores.spare !== null && BlockScores.spare.length >= P * K ? BlockScores.spare : new Float64Array(P * K);
    if (this.store === BlockScores.spare) BlockScores.spare = null;
  }

  /** Give the store back for the next segmentation; the scores are not to be read after. */
  release(): void {
    const keep = this.store.length <= SPARE_MAX_LENGTH && (BlockScores.spare === null || BlockScores.spare.length < this.store.length);
    if (keep) BlockScores.spare = this.store;
    this.store = new Float64Array(0);
  }

  /** One past the last block of column c starting at a that is scored (computing the scores if needed). */
  end(a: number, column: number): number {
    return this.score(a, column, null, 0);
  }

  /**
   * The best over the blocks of column c starting at a of their score plus after[afterBase + b]
   * (computing the scores if needed, in the same pass).
   */
  bestWith(a: number, column: number, after: Float64Array, afterBase: number): number {
    this.best.value = -Infinity;
    const c = this.alike[column];
    if (this.ends[a * this.scorer.fields.length + c] < 0) {
      this.score(a, column, after, afterBase);
      return this.best.value;
    }
    const end = this.end(a, column);
    const offset = this.offset(a, column);
    let best = -Infinity;
    for (let b = a + 1; b < end; b++) best = Math.max(best, this.store[offset + b] + after[afterBase + b]);
    return best;
  }

  private score(a: number, column: number, after: Float64Array | null, afterBase: number): number {
    const K = this.scorer.fields.length;
    const c = this.alike[column];
    const known = this.ends[a * K + c];
    if (known >= 0) return known;
    const P = this.scorer.shape.words.length;
    if (this.used + P - a > this.store.length) {
      const grown = new Float64Array(Math.max(2 * this.store.length, this.used + P - a));
      grown.set(this.store.subarray(0, this.used));
      this.store = grown;
    }
    if (this.scorer.widths[c] === null && this.ownFor !== a) {
      this.ownEnd = ownWidthScores(this.scorer, a, this.ownWidth, this.done);
      this.ownFor = a;
    }
    const base = this.used - (a + 1);
    const end = blockScores(this.scorer, a, c, this.ownEnd, this.ownWidth, this.store, base, after, afterBase, this.best);
    this.offsets[a * K + c] = base;
    this.ends[a * K + c] = end;
    this.used += Math.max(0, end - a - 1);
    return end;
  }

  /** Where block [a, b)'s score is: store[offset(a, c) + b] (after `end(a, c)`). */
  offset(a: number, column: number): number {
    return this.offsets[a * this.scorer.fields.length + this.alike[column]];
  }
}
