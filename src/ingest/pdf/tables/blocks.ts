/**
 * Where a page's tables may be: blocks of figure text (the role rules mark table cells as such) whose
 * lines share rows or stand one above the other within a table's row spacing, in one font size. A block
 * also takes the lines in its size on its rows and the short lines right above it that the role rules left
 * as body text: header rows that are not cut into narrow pieces ("AutoScholarQuery  RealScholarQuery"); and
 * right below it, the last lines of a cell set on several lines ("boolean / null, or / undefined").
 * A block mostly set in a fixed-width font is a code listing, not a table (a cell may be: "[Expand]").
 */
import type { PdfLine } from "../types.ts";

/** Baselines closer than this share of the font size are one row. */
const SAME_ROW_EM = 0.4;
/** Pieces of one row further apart than this many em are not linked (two figures side by side); a table's widest gap is ~12 em. */
const ROW_LINK_GAP_EM = 13;
/** Rows of one table are at most this many em apart (rows ~1.2 em, under a header rule ~1.8 em). */
const ROW_PITCH_EM = 2.2;
/** Lines one above the other are linked when their x-ranges overlap or come this many em close. */
const OVERLAP_SLACK_EM = 0.5;
/** Lines of one table differ in font size by at most this share. */
const SIZE_TOLERANCE = 0.12;
/** A block with at least this share of its lines in a fixed-width font is a listing. */
const LISTING_SHARE = 0.5;
/** A header line left as body text stands at most this many em above the block's top row... */
const HEADER_REACH_EM = 1.6;
/** ...and the block grows by at most this many such rows (a two-level header with a centred cell between), or cell lines below it. */
const MAX_GROWN_ROWS = 3;

const sameSize = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE * Math.max(a, b);

/** Union-find over line indices. */
class Groups {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  join(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function linked(a: PdfLine, b: PdfLine): boolean {
  if (!sameSize(a.fontSize, b.fontSize)) return false;
  const size = Math.max(a.fontSize, b.fontSize);
  if (Math.abs(a.y - b.y) <= SAME_ROW_EM * size) {
    const gap = Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
    return gap <= ROW_LINK_GAP_EM * size;
  }
  const slack = OVERLAP_SLACK_EM * size;
  return a.x < b.x + b.width + slack && b.x < a.x + a.width + slack;
}

/**
 * The candidate table blocks of one page (its lines in reading order), each a list of lines.
 *
 * @example findBlocks(page.lines).map((b) => b.length) // [45, 12]
 */
export function findBlocks(lines: readonly PdfLine[]): PdfLine[][] {
  const seeds = lines.filter((l) => l.role === "figure").sort((a, b) => a.y - b.y);
  const groups = new Groups(seeds.length);
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length && seeds[j].y - seeds[i].y <= ROW_PITCH_EM * Math.max(seeds[i].fontSize, seeds[j].fontSize); j++) {
      if (linked(seeds[i], seeds[j])) groups.join(i, j);
    }
  }
  const blocks = new Map<number, PdfLine[]>();
  seeds.forEach((line, i) => {
    const root = groups.find(i);
    blocks.set(root, [...(blocks.get(root) ?? []), line]);
  });
  const taken = new Set(seeds);
  const isListing = (block: PdfLine[]) => block.filter((l) => l.monospace).length >= LISTING_SHARE * block.length;
  return [...blocks.values()].filter((block) => !isListing(block)).map((block) => grow(block, lines, taken));
}

/** A block with the lines in its size on its rows, the header lines right above it and the cell lines right below it. */
function grow(block: PdfLine[], lines: readonly PdfLine[], taken: Set<PdfLine>): PdfLine[] {
  const out = [...block];
  const size = block[0].fontSize;
  const left = Math.min(...block.map((l) => l.x)) - size;
  const right = Math.max(...block.map((l) => l.x + l.width)) + size;
  const candidates = lines.filter(
    (l) =>
      !taken.has(l) &&
      (l.role === "body" || l.role === "heading") &&
      sameSize(l.fontSize, size) &&
      l.x >= left &&
      l.x + l.width <= right,
  );
  const onRow = (l: PdfLine) => out.some((o) => Math.abs(o.y - l.y) <= SAME_ROW_EM * size);
  for (const line of candidates.filter(onRow)) {
    out.push(line);
    taken.add(line);
  }
  // Above the block, a sentence's end is prose, not a header cell.
  const headerLike = candidates.filter((l) => !/[.?!]$/.test(l.text));
  for (let grown = 0; grown < MAX_GROWN_ROWS; grown++) {
    const top = Math.min(...out.map((l) => l.y));
    const above = headerLike.filter((l) => !taken.has(l) && l.y < top - SAME_ROW_EM * size && top - l.y <= HEADER_REACH_EM * size);
    if (above.length === 0) break;
    // The nearest row above, whole.
    const rowY = Math.max(...above.map((l) => l.y));
    for (const line of above.filter((l) => Math.abs(l.y - rowY) <= SAME_ROW_EM * size)) {
      out.push(line);
      taken.add(line);
    }
  }
  for (let grown = 0; grown < MAX_GROWN_ROWS; grown++) {
    const next = candidates.find((l) => !taken.has(l) && continuesCell(out, l, size));
    if (!next) break;
    out.push(next);
    taken.add(next);
  }
  return out;
}

/**
 * A line right below a block that sits under one cell of the row above, not its first: that cell's last
 * line (a paragraph under a table starts at its left edge or runs under several cells).
 */
function continuesCell(block: readonly PdfLine[], line: PdfLine, size: number): boolean {
  const bottom = Math.max(...block.map((l) => l.y));
  if (line.y <= bottom + SAME_ROW_EM * size || line.y - bottom > HEADER_REACH_EM * size) return false;
  const row = block.filter((l) => Math.abs(l.y - bottom) <= SAME_ROW_EM * size);
  const under = row.filter((l) => l.x < line.x + line.width && line.x < l.x + l.width);
  const leftmost = Math.min(...block.map((l) => l.x));
  return under.length === 1 && under[0].x > leftmost + size;
}
