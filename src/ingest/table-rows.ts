/**
 * Splitting a table's lines into numbered rows "1." .. "N.".
 *
 * Every line that opens with a number ("3. Google", "2." alone, "1" then "0." for 10) is a candidate row
 * start. A numbered list inside a cell ("1. Predisposisi ...") makes candidates too, so rows are the
 * longest chain of candidates numbered 1, 2, 3, ... in document order; among chains of equal length, the
 * one whose row starts look alike (the same first word, as the first data column often repeats) wins.
 */
import { squash } from "../text/tokenize.ts";
import { furnitureLines, type RowLine, type RowSpan, type TableLine } from "./table-types.ts";

/** A row number: one to three digits and a period or parenthesis, then the rest of the line. */
const NUMBERED = /^\s*(\d{1,3})\s*[.)](?:\s+(.*))?\s*$/;
/** The first digit(s) of a number broken over two lines ("1" / "0."). */
const LEADING_DIGITS = /^\s*(\d{1,2})\s*$/;
/** Weight of "this row start looks like the others" against chain length (always below one row). */
const LOOKALIKE_WEIGHT = 0.5;

interface Candidate {
  number: number;
  /** Index (into the content lines) of the line holding the number's last part. */
  at: number;
  /** Content-line indices consumed by the number itself (a line of its own). */
  numberOnly: number[];
  /** Text after the number on its line ("" when the number stands alone). */
  rest: string;
}

/** Candidate row starts among the content lines. */
function candidates(content: readonly RowLine[]): Candidate[] {
  const out: Candidate[] = [];
  content.forEach((line, k) => {
    const m = NUMBERED.exec(line.text);
    if (m) {
      const rest = (m[2] ?? "").trim();
      out.push({ number: Number(m[1]), at: k, numberOnly: rest ? [] : [k], rest });
      const prev = content[k - 1] && LEADING_DIGITS.exec(content[k - 1].text);
      if (prev) out.push({ number: Number(prev[1] + m[1]), at: k, numberOnly: rest ? [k - 1] : [k - 1, k], rest });
    }
  });
  return out;
}

/** The first word of what follows a row number (on its line, or the next line when the number stands alone). */
function startWord(c: Candidate, content: readonly RowLine[]): string {
  const text = c.rest || content[c.at + 1]?.text || "";
  return squash(text.trim().split(/\s+/)[0] ?? "");
}

/**
 * The rows of a table whose lines are `lines[start..end)`: blank lines and page furniture are skipped;
 * the number is taken off each row's first line (a number alone on its line is dropped).
 */
export function splitRows(lines: readonly TableLine[], start: number, end: number): RowSpan[] {
  const furniture = furnitureLines(lines);
  const content: RowLine[] = [];
  for (let i = start; i < end; i++) {
    const text = lines[i].text.trim();
    if (text && !furniture.has(i)) content.push({ index: i, text, page: lines[i].page });
  }
  const cands = candidates(content);
  const words = cands.map((c) => startWord(c, content));
  const lookalike = cands.map((c, k) => {
    const others = cands.flatMap((o, j) => (o.number !== c.number ? [j] : []));
    return others.length ? others.filter((j) => words[j] === words[k]).length / others.length : 0;
  });
  const firstLine = (c: Candidate) => Math.min(c.at, ...c.numberOnly);
  // Longest chain 1, 2, 3, ... in order; ties go to the chain whose starts look most alike.
  const best: { length: number; score: number; prev: number }[] = cands.map(() => ({ length: 0, score: 0, prev: -1 }));
  cands.forEach((c, k) => {
    const own = 1 + LOOKALIKE_WEIGHT * lookalike[k];
    if (c.number === 1) best[k] = { length: 1, score: own, prev: -1 };
    for (let j = 0; j < k; j++) {
      const p = cands[j];
      if (p.number !== c.number - 1 || p.at >= firstLine(c) || best[j].length === 0) continue;
      const length = best[j].length + 1;
      const score = best[j].score + own;
      if (length > best[k].length || (length === best[k].length && score > best[k].score)) best[k] = { length, score, prev: j };
    }
  });
  let last = -1;
  best.forEach((b, k) => {
    if (b.length > 0 && (last < 0 || b.length > best[last].length || (b.length === best[last].length && b.score > best[last].score))) last = k;
  });
  const chain: Candidate[] = [];
  for (let k = last; k >= 0; k = best[k].prev) chain.unshift(cands[k]);

  return chain.map((c, r) => {
    const stop = r + 1 < chain.length ? firstLine(chain[r + 1]) : content.length;
    const rowLines: RowLine[] = [];
    for (let k = c.at; k < stop; k++) {
      if (c.numberOnly.includes(k)) continue;
      rowLines.push(k === c.at ? { ...content[k], text: c.rest } : content[k]);
    }
    return { number: c.number, lines: rowLines };
  });
}
