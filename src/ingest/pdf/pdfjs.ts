/**
 * The one module that talks to pdf.js. It loads the legacy build (the one meant for Node, as pdf-parse does),
 * quietly (errors only, no worker or canvas: text needs neither), and hands back plain values: text runs with
 * their position in top-down page coordinates, and, on request, whether a font is bold.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import type { PdfInfo } from "./types.ts";

/** A piece of text drawn in one font at one place. y is the baseline, measured from the page's top. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  font: string;
  /** Drawn left to right on a horizontal baseline (not rotated). */
  upright: boolean;
  /** Set in a fixed-width font (code, URLs, e-mail addresses). */
  monospace: boolean;
}

export interface RawPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

// pdf.js reads CMaps (CJK encodings) and the standard-14 font metrics from files shipped with pdfjs-dist.
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const DATA_DIRS = { cMapUrl: path.join(PDFJS_DIR, "cmaps") + path.sep, standardFontDataUrl: path.join(PDFJS_DIR, "standard_fonts") + path.sep };

/** A rotation whose sine is below this is horizontal text (pdf.js rounds matrices to about 1e-3). */
const UPRIGHT_SINE = 0.05;
/** Font names that mark a bold weight: Bold, Black, Heavy, Demi(bold), Medium ("NimbusRomNo9L-Medi"), TeX's CMBX. */
const BOLD_FONT = /bold|black|heavy|demi|medium|-medi|\+cmbx|^cmbx/i;

/** Metadata that is a producer's leftover, not a value: "ARRAY(0x2c7cf020)", "untitled", a file name. */
const JUNK_METADATA = /^(?:(?:ARRAY|HASH|SCALAR)\(0x[0-9a-f]+\)|untitled|unknown|.*\.(?:docx?|pdf|tex|dvi|indd|rtf|odt))$/i;

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: PdfJs;
let loading: Promise<PdfJs> | undefined;

/**
 * The built-ins that the legacy build's bundled core-js replaces, process-wide, with slower JavaScript
 * versions: every later push and JSON parse in the process (ingest and search alike) ran through them, and
 * the toString patch hides it. The native ones are correct for everything pdf.js does; the polyfills exist
 * for engine corner cases (arrays longer than 2^32, JSON.parse source access).
 */
const KEEP_NATIVE: ReadonlyArray<readonly [object, string]> = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [Function.prototype, "toString"],
];

/**
 * Load pdf.js on first use (a server that never reads a PDF never pays for it), keeping KEEP_NATIVE native.
 * Its worker module is loaded here too and handed over as `globalThis.pdfjsWorker`, the hook pdf.js offers
 * for a worker that runs in the same thread: left to itself, pdf.js imports it when the first document
 * opens, and its own copy of core-js replaces the built-ins again (found by profiling an ingest: 0.6 s of
 * 8.5 s in a JavaScript push).
 */
export function loadPdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const natives = KEEP_NATIVE.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const);
    try {
      pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return pdfjs;
    } finally {
      for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor);
    }
  })();
  return loading;
}

/**
 * Open a PDF from bytes (copied: pdf.js detaches the buffer it is given).
 *
 * @example const doc = await openPdf(readFileSync("paper.pdf")); doc.numPages // 14
 */
export async function openPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<PDFDocumentProxy> {
  signal?.throwIfAborted();
  await loadPdfjs();
  signal?.throwIfAborted();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    ...DATA_DIRS,
  });
  const abort = () => void task.destroy();
  signal?.addEventListener("abort", abort, { once: true });
  try {
    return await task.promise;
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}

/**
 * The document's title, author, subject, keywords and creation year, from its info dictionary.
 *
 * @example await readInfo(doc) // { title: "Overview of the Technology Acceptance Model", creationYear: 2010 }
 */
export async function readInfo(doc: PDFDocumentProxy): Promise<PdfInfo> {
  const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
  const dict = (info ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    const value = dict[key];
    return typeof value === "string" && value.trim() && !JUNK_METADATA.test(value.trim()) ? value.trim() : undefined;
  };
  const year = /^(?:D:)?(\d{4})/.exec(text("CreationDate") ?? "")?.[1];
  const out: PdfInfo = {};
  for (const [field, key] of [["title", "Title"], ["author", "Author"], ["subject", "Subject"], ["keywords", "Keywords"]] as const) {
    const value = text(key);
    if (value) out[field] = value;
  }
  if (year && Number(year) > 1900) out.creationYear = Number(year);
  return out;
}

/**
 * The text runs of one page, in top-down coordinates (rotated pages are turned upright by the viewport).
 *
 * @example (await readPage(await doc.getPage(1))).runs[0] // { text: "Abstract", x: 54, y: 344, fontSize: 10.96, font: "g_d0_f1", upright: true, ... }
 */
export async function readPage(page: PDFPageProxy): Promise<RawPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str.trim()) continue;
    runs.push(toRun(item, viewport.transform, content.styles[item.fontName]?.fontFamily === "monospace"));
  }
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, runs };
}

function toRun(item: TextItem, view: number[], monospace: boolean): TextRun {
  const m = pdfjs.Util.transform(view, item.transform as number[]);
  const [a, b, c, d, e, f] = m;
  const scaleX = Math.hypot(a, b);
  const fontSize = Math.hypot(c, d);
  const upright = scaleX > 0 && Math.abs(b) / scaleX < UPRIGHT_SINE && a > 0 && d < 0;
  return { text: item.str, x: e, y: f, width: item.width, fontSize: Math.round(fontSize * 100) / 100, font: item.fontName, upright, monospace };
}

/**
 * Which fonts are bold. pdf.js gives a font's real name only once the page's drawing operators have been
 * read, which costs about as much as reading its text; so `resolve` is called only for pages whose fonts
 * are needed and unknown, and what was learnt is kept for the whole document (font ids are per document).
 *
 * @example await fonts.resolve(page, ["g_d0_f1"]); fonts.isBold("g_d0_f1") // true for "NimbusRomNo9L-Medi"
 */
export class FontBook {
  private readonly bold = new Map<string, boolean>();

  /** Bold, not bold, or not known yet. */
  isBold(font: string): boolean | undefined {
    return this.bold.get(font);
  }

  /** Learn the names of the fonts of `page` (`fonts`: its font ids). */
  async resolve(page: PDFPageProxy, fonts: Iterable<string>): Promise<void> {
    await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    for (const font of fonts) {
      if (this.bold.has(font)) continue;
      const name = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { name?: unknown }).name : undefined;
      this.bold.set(font, typeof name === "string" && BOLD_FONT.test(name));
    }
  }
}
