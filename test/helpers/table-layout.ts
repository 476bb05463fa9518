/**
 * Synthetic tables as a PDF's text extraction lays them out, for testing the generic table parser on
 * tables it was not developed on: cells wrapped at each column's width (a word too long for a narrow
 * column broken inside, as PDF layout does), then written out
 *  - column-major: row by row, each column's lines in turn; a one-line cell shares its line with the next
 *    cell's first line ("2019 Nepal"); a row crossing a page starts the columns again for the rest, on
 *    the next page number (pages are known, as from a PDF);
 *  - row-major: row by row, line by line across the columns.
 */
import type { TableLine } from "../../src/ingest/table-types.ts";

export interface SyntheticTable {
  /** Column names, the first being the row number column ("No"). */
  header: string[];
  /** Width (characters) of each column, the number column included. */
  widths: number[];
  /** Cells of each row, without the number column. */
  rows: string[][];
  /** Row index -> lines of the row that fit on its first page (the rest goes on the next). */
  pageBreaks?: Map<number, number>;
}

/** Greedy wrap at `width` characters; a word longer than the width is broken every `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Column-major text of a table (header cells wrapped at their widths too). */
export function columnMajorLines(table: SyntheticTable): TableLine[] {
  const out: TableLine[] = table.header.flatMap((name, c) => wrap(name, table.widths[c])).map((text) => ({ text, page: 1 }));
  let page = 1;
  table.rows.forEach((cells, r) => {
    const wrapped = cells.map((cell, c) => wrap(cell, table.widths[c + 1]));
    const cut = table.pageBreaks?.get(r);
    const pages = cut === undefined ? [wrapped] : [wrapped.map((l) => l.slice(0, cut)), wrapped.map((l) => l.slice(cut))];
    const rowLines: TableLine[] = [];
    pages.forEach((columns, k) => {
      if (k > 0) page++;
      columns.forEach((lines, c) => {
        if (lines.length === 0) return;
        const previous = columns[c - 1];
        // A one-line cell and the next cell's first line sit on one baseline: one extracted line.
        const last = rowLines.at(-1);
        if (previous && previous.length === 1 && last?.text === previous[0] && last.page === page) {
          last.text += ` ${lines[0]}`;
          rowLines.push(...lines.slice(1).map((text) => ({ text, page })));
        } else rowLines.push(...lines.map((text) => ({ text, page })));
      });
    });
    rowLines[0].text = `${r + 1}. ${rowLines[0].text}`;
    out.push(...rowLines);
  });
  return out;
}

/** Row-major text of a table: the header on one line, each row line by line across its columns. */
export function rowMajorLines(table: SyntheticTable): TableLine[] {
  const out: string[] = [table.header.join(" ")];
  table.rows.forEach((cells, r) => {
    const wrapped = cells.map((cell, c) => wrap(cell, table.widths[c + 1]));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let k = 0; k < height; k++) {
      const line = wrapped.flatMap((l) => (l[k] ? [l[k]] : [])).join(" ");
      out.push(k === 0 ? `${r + 1}. ${line}` : line);
    }
  });
  return out.map((text) => ({ text, page: null }));
}
