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
import { citationStarts, columnWordScores, decideJoin, isYear, rowWords, type Word } from "./table-text.ts";
import { blockWidthScorer, pieceRepeatScore, type ColumnModel } from "./table-model.ts";
import type { RowSpan } from "./table-types.ts";
import { squash } from "../text/tokenize.ts";
import { isVenueCue } from "./table-header.ts";

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

/** A line ending a sentence or clause may end early by the author's choice. */
const SENTENCE_END = /[.!?:;]["”’)]*$/;

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

/** The best segmentation of a row's words into blocks, never using the `forbidden` states (pass * K + column). */
function bestBlocks(row: RowSpan, words: Word[], fields: readonly (string | null)[], evidence: RowEvidence, forbidden: ReadonlySet<number>): Block[] {
  const P = words.length;
  const K = fields.length;
  if (P === 0 || K === 0) return [];
  const lineStart = words.map((w, i) => i === 0 || words[i - 1].line !== w.line);
  const lineText = row.lines.map((l) => l.text);
  const glueBefore = words.map((w, i) => i > 0 && lineStart[i] && decideJoin(lineText[words[i - 1].line], lineText[w.line], evidence.vocabulary) !== "space");
  // Pages are evidence only where they change: a text file's pages, recovered from running headers, miss
  // the page breaks that have none.
  const pageOf = (w: Word) => row.lines[w.line].page;
  const pageBreakBefore = words.map((w, i) => i > 0 && lineStart[i] && pageOf(w) !== null && pageOf(words[i - 1]) !== null && pageOf(w) !== pageOf(words[i - 1]));
  const pageChanges = pageBreakBefore.some(Boolean);
  const citation = citationStarts(words);
  const keys = words.map((w) => squash(w.text));
  const cue = words.map((w) => isVenueCue(w.text));

  const wordScore = columnWordScores(words, fields, evidence.references).map(prefixSums);

  const S = K * MAX_PASSES;
  const best = new Float64Array((P + 1) * S).fill(-Infinity);
  const backPoint = new Int32Array((P + 1) * S).fill(-1);
  const backState = new Int32Array((P + 1) * S).fill(-1);
  const entry = new Float64Array(S);
  const entryFrom = new Int32Array(S);

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
            if (v > value) [value, from] = [v, p * K + c2];
          }
          if (p > 0 && lineStart[a]) {
            for (let c2 = 0; c2 < K; c2++) {
              // Every column has lines on a row's first page: columns left out of pass 0 are empty cells.
              const v = best[a * S + (p - 1) * K + c2] - restart - (p === 1 ? EMPTY_COST * (K - 1 - c2) : 0);
              if (v > value) [value, from] = [v, (p - 1) * K + c2];
            }
          }
        }
        entry[s] = value === -Infinity ? value : value + boundary - (p > 0 && pageChanges ? CONTINUATION_BLOCK_COST : NEW_BLOCK_COST);
        entryFrom[s] = from;
      }
    }
    for (let c = 0; c < K; c++) {
      let open = false;
      for (let p = 0; p < MAX_PASSES; p++) open ||= entry[p * K + c] > -Infinity;
      if (!open) continue;
      const field = fields[c];
      const width = blockWidthScorer(evidence.models?.[c] ?? null);
      let pieceLength = 0;
      let pieceKey = "";
      let repeat = 0;
      let piece = 0;
      let cueBonus = 0;
      for (let b = a + 1; b <= P; b++) {
        const w = b - 1;
        if (w > a && lineStart[w]) {
          width.finishPiece(pieceLength, words[w].text.length, glueBefore[w], SENTENCE_END.test(words[w - 1].text));
          repeat += pieceRepeatScore(evidence.models, c, pieceKey, row.number);
          pieceLength = 0;
          pieceKey = "";
          piece++;
        }
        if (field === "venue" && piece < 2 && cue[w]) cueBonus = Math.max(cueBonus, piece === 0 ? VENUE_CUE_BONUS : VENUE_CUE_BONUS * VENUE_CUE_SECOND_LINE_SHARE);
        pieceLength += (pieceLength ? 1 : 0) + words[w].text.length;
        pieceKey += keys[w];
        const widthScore = width.score(pieceLength);
        // Width penalties only grow with the block: past this, no evidence makes the block worth having.
        if (widthScore < -MAX_WIDTH_PENALTY) break;
        let score = widthScore + repeat + pieceRepeatScore(evidence.models, c, pieceKey, row.number);
        score += wordScore[c][b] - wordScore[c][a];
        if (field === "year") score += b - a === 1 && isYear(words[a].text) ? YEAR_BONUS : -YEAR_MISMATCH * (b - a);
        if (field === "venue") score += cueBonus + (citation[b] >= a ? CITATION_BONUS : 0);
        if (c === 0 && a === 0 && b === evidence.sharedStart) score += SHARED_START_BONUS;
        for (let p = 0; p < MAX_PASSES; p++) {
          const s = p * K + c;
          if (entry[s] === -Infinity || forbidden.has(s)) continue;
          const v = entry[s] + score;
          const at = b * S + s;
          if (v > best[at]) {
            best[at] = v;
            backPoint[at] = a;
            backState[at] = entryFrom[s];
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
  const words = rowWords(row.lines);
  const K = fields.length;
  const forbidden = new Set<number>();
  let blocks = bestBlocks(row, words, fields, evidence, forbidden);
  for (let repair = 0; repair < MAX_REPAIRS; repair++) {
    const before = forbidden.size;
    for (const b of blocks.filter((x) => x.pass > 0)) {
      const previous = blocks.filter((x) => x.pass === b.pass - 1);
      const tallest = Math.max(0, ...previous.map((x) => height(words, x)));
      const own = previous.filter((x) => x.column === b.column).reduce((n, x) => n + height(words, x), 0);
      if (own < CONTINUATION_MIN_SHARE * tallest) forbidden.add(b.pass * K + b.column);
    }
    if (forbidden.size === before) break;
    blocks = bestBlocks(row, words, fields, evidence, forbidden);
  }
  return { words, blocks };
}
