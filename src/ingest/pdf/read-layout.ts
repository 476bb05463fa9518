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
import type { PdfLayout, PdfLine, PdfPage } from "./types.ts";

export interface ReadLayoutOptions {
  /** Read only the first pages. */
  maxPages?: number;
  signal?: AbortSignal;
}

/** Text under this share of the body size is figure labelling, which does not show where columns are (labels ~0.6, references ~0.9). */
const LABEL_RATIO = 0.75;
/** A line whose font is unknown could be a bold heading when it is no longer than this. */
const BOLD_CANDIDATE_MAX_CHARS = 120;

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
    const raw: { page: RawPage; lines: RawLine[] }[] = [];
    for (let n = 1; n <= count; n++) {
      signal?.throwIfAborted();
      const proxy = await doc.getPage(n);
      const page = await readPage(proxy);
      proxy.cleanup();
      raw.push({ page, lines: groupLines(page.runs) });
    }
    // The body style is measured on readable pages: a garbled text layer has its own sizes.
    const readable = raw.filter((r) => pageQuality(r.lines.map((l) => l.text).join("\n")).ok);
    const style = bodyStyle((readable.length > 0 ? readable : raw).map((r) => r.lines));
    const fonts = await learnFonts(doc, raw, style, signal);
    const furniture = findFurniture(raw.map((r) => ({ height: r.page.height, lines: r.lines })));
    const pages = raw.map((r, p) => layoutPage(r.page, r.lines, furniture[p], style, fonts));
    return { info: await readInfo(doc), pages };
  } finally {
    await doc.destroy();
  }
}

function layoutPage(page: RawPage, lines: RawLine[], furniture: Set<number>, style: BodyStyle, fonts: FontBook): PdfPage {
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
  }));
  const text = out.filter((l) => l.role !== "stamp").map((l) => l.text).join("\n");
  return { number: page.number, width: round(page.width), height: round(page.height), lines: out, quality: pageQuality(text) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Learn which fonts are bold, reading the drawing operators only of pages that have a possible heading (a
 * short line in a font other than the body's, not already set apart by its size) in a font not yet known.
 */
async function learnFonts(doc: PDFDocumentProxy, raw: readonly { page: RawPage; lines: RawLine[] }[], style: BodyStyle, signal?: AbortSignal): Promise<FontBook> {
  const fonts = new FontBook();
  for (const { page, lines } of raw) {
    const unknown = lines.filter(
      (l) => l.upright && l.font !== style.font && l.text.length <= BOLD_CANDIDATE_MAX_CHARS && fonts.isBold(l.font) === undefined,
    );
    if (unknown.length === 0) continue;
    signal?.throwIfAborted();
    const proxy = await doc.getPage(page.number);
    await fonts.resolve(proxy, new Set(lines.flatMap((l) => [...l.fontChars.keys()])));
    proxy.cleanup();
  }
  return fonts;
}
