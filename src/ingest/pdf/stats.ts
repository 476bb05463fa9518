/**
 * What the body text of a document looks like: its font size, font, line spacing and line width. Headings,
 * footnotes, captions and tables are recognised by how they differ from it. Measured over the whole document,
 * so a page of references or a page that is mostly a table is still judged against the running text.
 */
import { mostCommon, type RawLine } from "./lines.ts";

export interface BodyStyle {
  /** Font size of most characters. */
  fontSize: number;
  /** Font id of most characters. */
  font: string;
  /** Usual distance between the baselines of consecutive body lines. */
  leading: number;
  /** Usual width of a full body line (the column width). */
  lineWidth: number;
  /** The body itself is set in a fixed-width font (a typewritten document). */
  monospace: boolean;
}

/** Sizes are compared at this precision (pdf.js reports 10.91 and 10.9 for one size). */
const SIZE_STEP = 0.25;
/** Widths are compared at this precision, in points. */
const WIDTH_STEP = 4;
/** Consecutive lines further apart than this many font sizes are in different blocks, not one paragraph. */
const MAX_LEADING_EM = 2;

/**
 * A value rounded to a multiple of `step`.
 *
 * @example roundTo(10.91, 0.25) // 11
 */
export const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/**
 * The document's body style.
 *
 * @example bodyStyle(pages.map((p) => p.lines)) // { fontSize: 9, font: "g_d0_f2", leading: 10, lineWidth: 240 }
 */
export function bodyStyle(pages: readonly (readonly RawLine[])[]): BodyStyle {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const line of pages.flat()) {
    if (!line.upright) continue;
    const size = roundTo(line.fontSize, SIZE_STEP);
    sizes.set(size, (sizes.get(size) ?? 0) + line.text.length);
    for (const [font, chars] of line.fontChars) fonts.set(font, (fonts.get(font) ?? 0) + chars);
  }
  if (sizes.size === 0) return { fontSize: 10, font: "", leading: 12, lineWidth: 0, monospace: false };
  const fontSize = mostCommon(sizes);
  const isBody = (l: RawLine) => l.upright && Math.abs(roundTo(l.fontSize, SIZE_STEP) - fontSize) < SIZE_STEP / 2;
  let bodyChars = 0;
  let monospaceChars = 0;
  const leadings = new Map<number, number>();
  const widths = new Map<number, number>();
  for (const lines of pages) {
    const body = lines.filter(isBody);
    for (const line of body) {
      bodyChars += line.text.length;
      monospaceChars += line.monospace * line.text.length;
      const width = roundTo(line.width, WIDTH_STEP);
      widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    // The next body line below that overlaps horizontally: the same column's next line.
    for (const line of body) {
      const below = body.find((o) => o.y > line.y + 0.5 && o.x < line.x + line.width && line.x < o.x + o.width);
      if (below && below.y - line.y <= MAX_LEADING_EM * fontSize) {
        const gap = roundTo(below.y - line.y, SIZE_STEP);
        leadings.set(gap, (leadings.get(gap) ?? 0) + 1);
      }
    }
  }
  return {
    fontSize,
    font: mostCommon(fonts),
    leading: leadings.size > 0 ? mostCommon(leadings) : 1.2 * fontSize,
    monospace: monospaceChars > 0.5 * bodyChars,
    lineWidth: widths.size > 0 ? Math.max(...[...widths].filter(([, n]) => n >= 0.5 * Math.max(...widths.values())).map(([w]) => w)) : 0,
  };
}
