/**
 * What the blocks of a column-major row are scored from (table-block-score.ts), for one segmentation: the
 * row's shape, the columns' learned widths and repeated lines, the words' own evidence; and tables derived
 * from them once so that scoring a block reads them instead of recomputing (per line: its repeat score and
 * overflow; per full line: its width penalty). A row whose evidence is the same in the next round is not
 * segmented again (`sameEvidence`).
 */
import type { ColumnModel } from "./table-model.ts";
import { fullLinePenalties, overflowByLength, pieceIndex, pieceRepeatScores, type RowShape } from "./table-row-shape.ts";
import { columnWordScores } from "./table-text.ts";

/** What a row's block scores are computed from, for one segmentation of the row. */
export interface ScoringEvidence {
  shape: RowShape;
  fields: readonly (string | null)[];
  /** Per column, the learned width or null. */
  widths: (number | null)[];
  /** pieceRepeatScore per piece and column, or null (no models: all 0). */
  repeat: Float64Array | null;
  /** The words' own evidence per column (columnWordScores, the same object for the same evidence). */
  wordEvidence: readonly (readonly number[])[];
  /** How many of the row's first words other rows start with too, 0 if none. */
  sharedStart: number;
}

/** The evidence, and tables derived from it for scoring blocks fast. */
export interface BlockScorer extends ScoringEvidence {
  /** Per column, prefix sums of the words' own evidence. */
  wordScore: Float64Array[];
  /** Per column c and word w, at c * P + w: the repeat score of the line up to w (or null, as `repeat`). */
  lineRepeat: Float64Array | null;
  /** Per column c and word w, at c * P + w: the overflow of the line up to w against the learned width (0 without). */
  lineOverflow: Float64Array;
  /** Width penalty per column of each full line, by the word that starts the next line. */
  fullLine: Float64Array;
  /** Per column with a learned width, overflowPenalty of a line by its length. */
  overflow: (Float64Array | null)[];
}

/** Per-word scores for a column, summed over a block with prefix sums. */
function prefixSums(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length + 1);
  values.forEach((v, i) => (out[i + 1] = out[i] + v));
  return out;
}

/**
 * An array of one value per column, always of one kind: arrays made by map() come out packed or holey
 * depending on whether the caller runs compiled, and the scoring loops, compiled for one kind, start
 * again on meeting the other.
 */
function perColumn<T>(columns: number, value: (c: number) => T): T[] {
  const out = new Array<T>(columns);
  for (let c = 0; c < columns; c++) out[c] = value(c);
  return out;
}

export function scoringEvidence(shape: RowShape, fields: readonly (string | null)[], models: readonly ColumnModel[] | null, references: readonly (string | undefined)[], rowNumber: number, sharedStart: number): ScoringEvidence {
  return {
    shape, sharedStart,
    fields: perColumn(fields.length, (c) => fields[c]),
    widths: perColumn(fields.length, (c) => models?.[c]?.width ?? null),
    repeat: pieceRepeatScores(shape, models, fields.length, rowNumber),
    wordEvidence: columnWordScores(shape.words, fields, references),
  };
}

/** Prefix sums of each words' evidence (the same evidence comes back round after round). */
const wordScores = new WeakMap<readonly (readonly number[])[], Float64Array[]>();

export function blockScorer(evidence: ScoringEvidence): BlockScorer {
  const { shape, fields, widths, repeat, wordEvidence } = evidence;
  const K = fields.length;
  const P = shape.words.length;
  const overflow = perColumn(K, (c) => overflowByLength(shape, widths[c]));
  const lineRepeat = repeat && new Float64Array(K * P);
  const lineOverflow = new Float64Array(widths.some((w) => w !== null) ? K * P : 0);
  for (let c = 0; c < K; c++) {
    const overflowOf = overflow[c];
    for (let w = 0; w < P; w++) {
      const first = shape.lineFirst[w];
      if (lineRepeat && repeat) lineRepeat[c * P + w] = repeat[pieceIndex(shape, first, w) * K + c];
      if (overflowOf) lineOverflow[c * P + w] = overflowOf[shape.offset[w + 1] - shape.offset[first] - 1];
    }
  }
  let wordScore = wordScores.get(wordEvidence);
  if (!wordScore) wordScores.set(wordEvidence, (wordScore = perColumn(K, (c) => prefixSums(wordEvidence[c]))));
  // Every scorer is built alike, field by field in one order, for the same reason as perColumn.
  return {
    shape, fields, widths, repeat, wordEvidence, sharedStart: evidence.sharedStart,
    wordScore, lineRepeat, lineOverflow, fullLine: fullLinePenalties(shape, widths), overflow,
  };
}

/** Two sets of evidence that score every block of a row alike: all they are made of is the same. */
export function sameEvidence(x: ScoringEvidence, y: ScoringEvidence): boolean {
  const same = <T>(u: ArrayLike<T>, v: ArrayLike<T>) => u.length === v.length && Array.prototype.every.call(u, (e: T, i: number) => e === v[i]);
  return x.shape === y.shape && x.sharedStart === y.sharedStart && x.wordEvidence === y.wordEvidence &&
    same(x.fields, y.fields) && same(x.widths, y.widths) && (x.repeat === null ? y.repeat === null : y.repeat !== null && same(x.repeat, y.repeat));
}
