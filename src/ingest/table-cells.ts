/**
 * Column-major cells: within a row, the PDF text gives all lines of the first column's cell, then all
 * lines of the next, and so on; when a row crosses a page the columns still running start again in order.
 *
 * A row is a stream of words. A dynamic program (semi-Markov: one step per block of words) chooses
 * contiguous blocks for the columns in order, in one or more passes (a new pass is a page break inside the
 * row), and a block may end in the middle of a line (two columns on one line, "2016 Peneliti"). Blocks are
 * scored by evidence learned from the table itself (see table-model.ts) and by shapes (table-text.ts), in
 * table-block-score.ts; the dynamic program is in table-lattice.ts.
 */
import type { Vocabulary } from "./clean.ts";
import { blockScorer, sameEvidence, scoringEvidence, type ScoringEvidence } from "./table-block-evidence.ts";
import { bestBlocks, firstPassScore, MAX_PASSES, newLattice, releaseLattice } from "./table-lattice.ts";
import type { ColumnModel } from "./table-model.ts";
import { rowShape } from "./table-row-shape.ts";
import type { Word } from "./table-text.ts";
import type { RowSpan } from "./table-types.ts";

/** A column continued after a page break had at least this share of the tallest column's lines before it. */
const CONTINUATION_MIN_SHARE = 0.6;
/** Re-segmentations of a row after forbidding continuations that break the page-height rule. */
const MAX_REPAIRS = 4;

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
 * Each row's last segmentation and the evidence it was computed from: a row whose evidence is the same in
 * the next round (its repeated lines, the widths, other tables' cells) comes out the same; otherwise the
 * last segmentation, scored anew, still bounds the new one from below.
 */
const lastSegmentation = new WeakMap<RowSpan, { evidence: ScoringEvidence; blocks: Block[] }>();

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
  const scoring = scoringEvidence(shape, fields, evidence.models, evidence.references, row.number, evidence.sharedStart);
  const last = lastSegmentation.get(row);
  if (last && sameEvidence(last.evidence, scoring)) return { words, blocks: last.blocks };
  const lattice = newLattice(blockScorer(scoring));
  // The row's last segmentation, scored anew, if it stayed on the first pass: the best is at least as good.
  const known = last ? firstPassScore(lattice, last.blocks) : -Infinity;
  let blocks = bestBlocks(lattice, forbidden, 0, known);
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
    blocks = bestBlocks(lattice, forbidden, firstPass, known);
  }
  releaseLattice(lattice);
  lastSegmentation.set(row, { evidence: scoring, blocks });
  return { words, blocks };
}
