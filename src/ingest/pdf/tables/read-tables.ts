/**
 * The tables of a laid-out PDF: candidate blocks of figure text (blocks.ts) read as grids (grid.ts), each
 * given its caption (captions.ts). A grid is a table when its caption says "Table", or when it looks like
 * data whatever its caption says: three or more columns and body rows, mostly numbers or every cell filled
 * (a paper may caption a table "Figure 13"). Diagram labels and axis ticks rarely line up in two columns
 * and two rows; code listings never seed a block.
 */
import type { PdfLine, PdfPage, PdfTable } from "../types.ts";
import { findBlocks } from "./blocks.ts";
import { captionBlocks, captionCandidates, chooseCaptions } from "./captions.ts";
import { isNumericCell, readGrid, type Grid } from "./grid.ts";

/** A grid without a table caption is data when it has at least this many columns and body rows... */
const DATA_MIN_SIZE = 3;
/** ...and this share of its cells right of the first column are numbers... */
const DATA_NUMERIC_SHARE = 0.5;
/** ...or this share of all its cells are filled. */
const DATA_FILL_SHARE = 0.9;
/** Any table fills at least this share of its body cells (a scatter of labels fills few). */
const MIN_FILL_SHARE = 0.5;
/** At least this many rows (header included) have two cells or more: a grid, not a list. */
const MIN_ALIGNED_ROWS = 2;

export interface PageTables {
  tables: PdfTable[];
  /** The lines the tables were read from (all of them table text now, whatever role they had). */
  lines: Set<PdfLine>;
}

/**
 * Read the tables of every page (pages refused as unreadable have none).
 *
 * @example readTables(layout.pages)[7].tables[1].rows[6] // ["PaSa-7b", "0.7071", "0.5146", "0.6111", "0.6929", "0.6563", "0.5798"]
 */
export function readTables(pages: readonly PdfPage[]): PageTables[] {
  const found = pages.map((page) => {
    const grids = page.quality.ok ? findBlocks(page.lines).flatMap((block) => readGrid(block) ?? []).filter(isGrid) : [];
    const captions = captionBlocks(page.lines);
    return { page, grids, candidates: grids.map((g) => captionCandidates(g.box, g.size, captions)) };
  });
  const chosen = chooseCaptions(found.flatMap((f) => f.candidates));
  let next = 0;
  return found.map(({ page, grids }) => {
    const tables: PdfTable[] = [];
    const lines = new Set<PdfLine>();
    for (const grid of grids) {
      const caption = chosen[next++];
      if (caption?.names !== "table" && !looksLikeData(grid)) continue;
      tables.push({
        page: page.number,
        caption: caption?.lines.map((l) => l.text) ?? [],
        columns: grid.columns,
        rows: grid.rows,
        firstLine: Math.min(...grid.lines.map((l) => page.lines.indexOf(l))),
      });
      for (const line of grid.lines) lines.add(line);
    }
    tables.sort((a, b) => a.firstLine - b.firstLine);
    return { tables, lines };
  });
}

const cellsOf = (grid: Grid) => grid.rows.flat();

/** Two columns and two rows that line up, most body cells filled. */
function isGrid(grid: Grid): boolean {
  const aligned = grid.rows.filter((r) => r.filter(Boolean).length >= 2).length + (grid.columns.filter(Boolean).length >= 2 ? 1 : 0);
  const filled = cellsOf(grid).filter(Boolean).length / Math.max(1, cellsOf(grid).length);
  return aligned >= MIN_ALIGNED_ROWS && filled >= MIN_FILL_SHARE;
}

function looksLikeData(grid: Grid): boolean {
  if (grid.columns.length < DATA_MIN_SIZE || grid.rows.length < DATA_MIN_SIZE) return false;
  const values = grid.rows.flatMap((r) => r.slice(1)).filter(Boolean);
  const numeric = values.filter(isNumericCell).length / Math.max(1, values.length);
  const filled = cellsOf(grid).filter(Boolean).length / cellsOf(grid).length;
  return numeric >= DATA_NUMERIC_SHARE || filled >= DATA_FILL_SHARE;
}
