/**
 * Page furniture: running headers and footers, page numbers, and rotated margin stamps. A header or footer is
 * a line near the top or bottom edge whose text, with numbers masked, comes back on other pages near the same
 * edge; a page number is a bare number (or "Page 3", "3 of 15", "iv") at the edge of a page.
 */
import type { RawLine } from "./lines.ts";

/** The top and bottom margins: this share of the page height (headers sit in the top ~8%, footers in the bottom ~8%). */
const MARGIN_SHARE = 0.12;
/** Only this many lines at each edge can be furniture (a header, a second header line, a page number). */
const EDGE_LINES = 3;
/** A masked header text must come back on this many pages (two is a pattern; one is a coincidence). */
const MIN_REPEATS = 2;
/** ...and on this share of the pages of a long document (a section title on two pages is not a header). */
const MIN_REPEAT_SHARE = 0.2;
/** Repeats must sit at about the same height, within this share of the page height. */
const SAME_PLACE_SHARE = 0.03;

const PAGE_NUMBER = /^(?:(?:page|p\.|hal(?:aman)?\.?)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/|dari)\s*\d{1,4})?$/i;

export interface EdgePage {
  height: number;
  lines: readonly RawLine[];
}

/**
 * The text with numbers masked and spacing dropped, so "Page 3" and "Page 4" compare equal.
 *
 * @example furnitureKey("Page 3 of 15") === furnitureKey("Page 4 of 15") // true
 */
export function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/[\s\u00a0]+/g, "");
}

/**
 * For each page, the indices (into that page's lines) of its furniture lines.
 *
 * @example findFurniture(pages)[2] // Set {0, 41}: the running header and the page number of page 3
 */
export function findFurniture(pages: readonly EdgePage[]): Set<number>[] {
  const candidates = pages.map(edgeCandidates);
  const seen = new Map<string, { page: number; y: number }[]>();
  candidates.forEach((indices, p) => {
    for (const i of indices) {
      const line = pages[p].lines[i];
      const key = furnitureKey(line.text);
      const list = seen.get(key) ?? [];
      list.push({ page: p, y: line.y / pages[p].height });
      seen.set(key, list);
    }
  });
  const needed = Math.max(MIN_REPEATS, Math.ceil(MIN_REPEAT_SHARE * pages.length));
  return candidates.map((indices, p) => {
    const out = new Set<number>();
    for (const i of indices) {
      const line = pages[p].lines[i];
      // A page number stands alone on its row (a number beside other text is a listing's line number or a cell).
      const alone = pages[p].lines.every((o) => o === line || o.row !== line.row);
      if (PAGE_NUMBER.test(line.text.trim()) && alone) {
        out.add(i);
        continue;
      }
      const y = line.y / pages[p].height;
      const sameSpot = (seen.get(furnitureKey(line.text)) ?? []).filter((o) => Math.abs(o.y - y) <= SAME_PLACE_SHARE);
      if (new Set(sameSpot.map((o) => o.page)).size >= needed) out.add(i);
    }
    return out;
  });
}

/** Upright lines in the top or bottom margin that are among the first or last few lines of the page. */
function edgeCandidates(page: EdgePage): number[] {
  const upright = page.lines.map((line, i) => ({ line, i })).filter(({ line }) => line.upright && line.text.trim());
  const byY = [...upright].sort((a, b) => a.line.y - b.line.y);
  const top = byY.slice(0, EDGE_LINES).filter(({ line }) => line.y <= MARGIN_SHARE * page.height);
  const bottom = byY.slice(-EDGE_LINES).filter(({ line }) => line.y >= (1 - MARGIN_SHARE) * page.height);
  return [...new Set([...top, ...bottom].map(({ i }) => i))];
}

/**
 * Rotated lines outside the area the upright text covers are margin stamps; rotated lines inside it are
 * figure labels (axis titles). Returns the indices of the stamps.
 *
 * @example findStamps(lines) // Set {57}: the rotated "arXiv:2501.10120v1 [cs.IR] ..." left of the text
 */
export function findStamps(lines: readonly RawLine[]): Set<number> {
  const upright = lines.filter((l) => l.upright);
  const out = new Set<number>();
  if (upright.length === 0) return new Set(lines.flatMap((l, i) => (l.upright ? [] : [i])));
  const left = Math.min(...upright.map((l) => l.x));
  const right = Math.max(...upright.map((l) => l.x + l.width));
  lines.forEach((line, i) => {
    if (!line.upright && (line.x < left || line.x > right)) out.add(i);
  });
  return out;
}
