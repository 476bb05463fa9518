/**
 * The running text of a laid-out PDF: body lines joined into paragraphs across line, column and page
 * breaks (skipping the furniture, footnotes and captions that interrupt them), headings as paragraphs of
 * their own, each paragraph with the page it starts on and its place in the text.
 */
import { DocumentWords, joinTwo } from "./join.ts";
import type { LineRole, PdfLayout, PdfLine } from "./types.ts";

export interface TextBlock {
  role: LineRole;
  /** The page the block starts on. */
  page: number;
  start: number;
  end: number;
}

export interface LayoutText {
  /** Blocks separated by blank lines. */
  text: string;
  blocks: TextBlock[];
}

export interface LayoutTextOptions {
  /** The roles whose lines are kept (default: body and heading). */
  roles?: readonly LineRole[];
  /** Pages whose text layer failed the quality check are left out (default: true). */
  skipUnreadable?: boolean;
  /** Lines to leave out (e.g. the reference list: see proseText in references/parse-references.ts). */
  exclude?: ReadonlySet<PdfLine>;
}

/** A line ending a sentence and leaving this share of the column empty ends its paragraph. */
const SHORT_LINE_SHARE = 0.8;
/** A line starting this many em right of the line above starts a paragraph (first-line indent). */
const INDENT_EM = 0.7;

/**
 * Join a layout's lines into paragraphs.
 *
 * @example layoutText(layout).text // "Abstract\n\nDynamic languages such as JavaScript are more difficult to compile ..."
 */
export function layoutText(layout: PdfLayout, options: LayoutTextOptions = {}): LayoutText {
  const keep = new Set<LineRole>(options.roles ?? ["body", "heading"]);
  const pages = layout.pages.filter((p) => options.skipUnreadable === false || p.quality.ok);
  // Every printed line is evidence of how the document spells a word (figure labels name benchmarks, too).
  const words = new DocumentWords(layout.pages.flatMap((p) => p.lines.filter((l) => l.role !== "stamp").map((l) => l.text)));
  const blocks: TextBlock[] = [];
  let text = "";
  let open: { role: LineRole; page: number; start: number } | undefined;
  let previous: PdfLine | undefined;
  const close = () => {
    if (open) blocks.push({ ...open, end: text.length });
    open = undefined;
  };
  for (const page of pages) {
    const width = typicalWidth(page.lines);
    for (const line of page.lines) {
      if (!keep.has(line.role) || !line.text.trim() || options.exclude?.has(line)) continue;
      const continues = open?.role === line.role && line.role !== "heading" && previous && !startsParagraph(previous, line, width);
      if (continues) {
        text = joinTwo(text, line.text.trim(), words);
      } else {
        close();
        if (text) text += "\n\n";
        open = { role: line.role, page: page.number, start: text.length };
        text += line.text.trim();
      }
      previous = line;
    }
  }
  close();
  return { text, blocks };
}

/** The width of most body lines on the page (a column's width). */
export function typicalWidth(lines: readonly PdfLine[]): number {
  const widths = lines.filter((l) => l.role === "body").map((l) => l.width).sort((a, b) => a - b);
  return widths.length > 0 ? widths[Math.floor(widths.length * 0.75)] : 0;
}

/** Does `line` start a new paragraph after `previous` (a short or indented line after a sentence end)? */
export function startsParagraph(previous: PdfLine, line: PdfLine, width: number): boolean {
  const sameColumn = previous.column === line.column && line.y > previous.y;
  const endsSentence = /[.!?:]["'”’)\]]*$/.test(previous.text.trim());
  if (!endsSentence) return false;
  if (previous.width < SHORT_LINE_SHARE * width) return true;
  return sameColumn && line.x - previous.x > INDENT_EM * line.fontSize;
}
