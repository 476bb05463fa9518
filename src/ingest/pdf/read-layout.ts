/**
 * Reading a PDF's layout: text runs from pdf.js become lines, lines get columns and a reading order, and
 * every line gets a role (body, heading, furniture, footnote, caption, stamp). Each page also gets a verdict
 * on whether its text layer is readable at all.
 */
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { orderLines } from "./columns.ts";
import { findFurniture, findStamps } from "./furniture.ts";
import { groupLines, type RawLine } from "./lines.ts";
import { FontBook, openPdf, readInfo, readPage, type RawPage } from "./pdfjs.ts";
import { pageQuality } from "./quality.ts";
import { assignRoles, type PlacedLine } from "./roles.ts";
import { bodyStyle, type BodyStyle } from "./stats.ts";
import { readTables } from "./tables/read-tables.ts";
import type { PageQuality, PdfLayout, PdfLine, PdfPage } from "./types.ts";

export interface ReadLayoutOptions {
  /** Read only the first pages. */
  maxPages?: number;
  signal?: AbortSignal;
}

/** Text under this share of the body size is figure labelling, which does not show where columns are (labels ~0.6, references ~0.9). */
const LABEL_RATIO = 0.75;
/** A line is set in a fixed-width font when most of its characters are. */
const MONOSPACE_SHARE = 0.5;
/** A line whose font is unknown could be a bold heading when it has at most this many words... */
const BOLD_CANDIDATE_MAX_WORDS = 12;
/** ...and is set at about the body size (smaller is small print; larger is a heading whatever its weight). */
const BOLD_CANDIDATE_SIZES = [0.9, 1.08] as const;

/**
 * Read a PDF's pages as lines in reading order, each with its role.
 *
 * @example
 * const layout = await readPdfLayout(readFileSync("paper.pdf"));
 * const body = layout.pages.flatMap((p) => p.lines.filter((l) => l.role === "body").map((l) => l.text));
 */
export async function readPdfLayout(bytes: Uint8Array, options: ReadLayoutOptions = {}): Promise<PdfLayout> {
  const { signal } = options;
  const doc = await openPdf(bytes, signal);
  try {
    const count = Math.min(doc.numPages, options.maxPages ?? Infinity);
    const raw: ReadPage[] = [];
    for (let n = 1; n <= count; n++) {
      signal?.throwIfAborted();
      const proxy = await doc.getPage(n);
      const page = await readPage(proxy);
      proxy.cleanup();
      const lines = groupLines(page.runs);
      // Rotated text (margin stamps, axis labels) is left out of the verdict on the page's text.
      raw.push({ page, lines, quality: pageQuality(lines.filter((l) => l.upright).map((l) => l.text).join("\n")) });
    }
    // The body style is measured on readable pages: a garbled text layer has its own sizes.
    const readable = raw.filter((r) => r.quality.ok);
    const style = bodyStyle((readable.length > 0 ? readable : raw).map((r) => r.lines));
    const fonts = await learnFonts(doc, raw, style, signal);
    const furniture = findFurniture(raw.map((r) => ({ height: r.page.height, lines: r.lines })));
    const pages = raw.map((r, p) => layoutPage(r, furniture[p], style, fonts));
    readTables(pages).forEach(({ tables, lines }, p) => {
      pages[p].tables = tables;
      // A table's header rows left as body text are table text too: out of the prose.
      for (const line of lines) line.role = "figure";
    });
    return { info: await readInfo(doc), pages };
  } finally {
    await doc.destroy();
  }
}

interface ReadPage {
  page: RawPage;
  lines: RawLine[];
  quality: PageQuality;
}

function layoutPage({ page, lines, quality }: ReadPage, furniture: Set<number>, style: BodyStyle, fonts: FontBook): PdfPage {
  const stamps = findStamps(lines);
  const marked: PlacedLine[] = lines.map((line, i) => ({
    ...line,
    column: 0,
    bold: fonts.isBold(line.font) ?? false,
    role: furniture.has(i) ? "furniture" : stamps.has(i) ? "stamp" : undefined,
  }));
  // Furniture is read where it stands but does not shape the columns.
  const flowing = marked.filter((l) => l.upright && l.role !== "furniture");
  const ordered = orderLines(flowing, { minTextSize: LABEL_RATIO * style.fontSize, leading: style.leading }).map(({ line, column }) => ({ ...line, column }));
  const edges = marked.filter((l) => l.upright && l.role === "furniture");
  const header = edges.filter((l) => l.y < page.height / 2);
  const all = [...header, ...ordered, ...edges.filter((l) => !header.includes(l)), ...marked.filter((l) => !l.upright)];
  assignRoles(all, style);
  const out: PdfLine[] = all.map((l) => ({
    text: l.text,
    x: round(l.x),
    y: round(l.y),
    width: round(l.width),
    fontSize: l.fontSize,
    bold: l.bold,
    column: l.column,
    role: l.role ?? "body",
    monospace: l.monospace >= MONOSPACE_SHARE,
    spans: l.spans.map((s) => ({ text: s.text, x: round(s.x), width: round(s.width) })),
  }));
  return { number: page.number, width: round(page.width), height: round(page.height), lines: out, quality, tables: [] };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Learn which fonts are bold, reading the drawing operators only of readable pages with a possible bold
 * heading in a font not yet known: a short line at about the body size, in another font, opening with a capital or a
 * number (a larger line is a heading without being bold; small print never is).
 */
async function learnFonts(doc: PDFDocumentProxy, raw: readonly ReadPage[], style: BodyStyle, signal?: AbortSignal): Promise<FontBook> {
  const fonts = new FontBook();
  const candidate = (l: RawLine) =>
    l.upright &&
    l.font !== style.font &&
    fonts.isBold(l.font) === undefined &&
    l.fontSize >= BOLD_CANDIDATE_SIZES[0] * style.fontSize &&
    l.fontSize <= BOLD_CANDIDATE_SIZES[1] * style.fontSize &&
    l.text.split(/\s+/).length <= BOLD_CANDIDATE_MAX_WORDS &&
    /^[\p{Lu}\d]/u.test(l.text) &&
    (l.text.match(/\p{L}/gu) ?? []).length >= 3;
  for (const { page, lines, quality } of raw) {
    // An unreadable page's headings are not read either.
    if (!quality.ok || !lines.some(candidate)) continue;
    signal?.throwIfAborted();
    const proxy = await doc.getPage(page.number);
    await fonts.resolve(proxy, new Set(lines.flatMap((l) => [...l.fontChars.keys()])));
    proxy.cleanup();
  }
  return fonts;
}
