/**
 * Loading: a file becomes a RawDocument of pages. Text and Markdown are one page with an unknown number
 * (page numbers are recovered later from running headers); a PDF keeps pdf-parse's pages.
 * Every failure is an IngestError naming the file.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { readPdfLayout } from "./pdf/read-layout.ts";
import { startsParagraph, typicalWidth } from "./pdf/layout-text.ts";
import type { PdfLayout } from "./pdf/types.ts";
import { cachedRead, readKey } from "./read-cache.ts";
import { IngestError } from "../domain/errors.ts";
import type { RawDocument, RawPage } from "./types.ts";

export interface ReadOptions {
  /** Refuse a PDF with more pages than this. */
  maxPages?: number;
  signal?: AbortSignal;
  /** A folder for reads of PDFs kept by content (see read-cache.ts); reads are kept in memory either way. */
  cacheDir?: string;
}

/** What a reader makes of a file: its pages, and for a PDF its layout. */
interface Read {
  pages: RawPage[];
  layout?: PdfLayout;
}

/** A reader turns a file's bytes into pages; one per format, the same signature for all. */
type Reader = (bytes: Buffer, file: string, options: ReadOptions) => Promise<Read>;

const readText: Reader = async (bytes, file) => {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) throw new IngestError(file, "looks binary (NUL bytes), not a text file");
  return { pages: [{ number: null, text: text.replace(/\r\n?/g, "\n") }] };
};

/** A PDF read with its layout: pages of lines in reading order with roles; unreadable pages are refused. */
const readPdf: Reader = async (bytes, file, options) => {
  let layout: PdfLayout;
  try {
    // pdf.js detaches the buffer it is given: hand it a copy so the caller's stays usable.
    // One page over the limit is read, to tell a long document from one exactly at the limit.
    layout = await readPdfLayout(new Uint8Array(bytes), { maxPages: options.maxPages === undefined ? undefined : options.maxPages + 1, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError(file, `not a readable PDF (${reason})`, { cause: error });
  }
  if (options.maxPages !== undefined && layout.pages.length > options.maxPages) {
    throw new IngestError(file, `has more than ${options.maxPages} pages; split it or raise the limit`);
  }
  const pages = layout.pages.map((page) => {
    const width = typicalWidth(page.lines);
    const lines = page.lines.map((line, i) => ({
      text: line.text,
      fontSize: line.fontSize,
      bold: line.bold,
      role: line.role,
      paragraphStart: i === 0 || startsParagraph(page.lines[i - 1], line, width),
    }));
    return { number: page.number, text: page.lines.map((l) => l.text).join("\n"), lines: page.quality.ok ? lines : [] };
  });
  return { pages, layout };
};

/** `cached`: reading is costly enough to keep (a text file is read faster than a cached read is found). */
const READERS: Record<string, { format: RawDocument["format"]; read: Reader; cached: boolean }> = {
  ".txt": { format: "txt", read: readText, cached: false },
  ".md": { format: "md", read: readText, cached: false },
  ".pdf": { format: "pdf", read: readPdf, cached: true },
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

export function isSupported(file: string): boolean {
  return path.extname(file).toLowerCase() in READERS;
}

/** The stable document id: the path relative to the corpus folder (`root`), or the file name. */
function documentId(file: string, root?: string): string {
  return root && path.resolve(file).startsWith(path.resolve(root) + path.sep)
    ? path.relative(root, file).split(path.sep).join("/")
    : path.basename(file);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A document's id and content hash, without parsing it (enough to tell whether an index is current). */
export async function fingerprintDocument(file: string, root?: string): Promise<{ id: string; sha256: string }> {
  return { id: documentId(file, root), sha256: sha256(await readFile(file)) };
}

/** Limits on what one file may cost (a "PDF bomb" inflates to gigabytes). */
export const LOAD_LIMITS = {
  /** A PDF with more pages than this is refused. */
  maxPages: 2000,
  /** A file larger than this is refused before it is read. */
  maxBytes: 200 * 1024 * 1024,
} as const;

/** Load one file. `root` (the corpus folder) makes the document id relative and stable across machines. */
export async function loadDocument(file: string, root?: string, options: ReadOptions = {}): Promise<RawDocument> {
  const extension = path.extname(file).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new IngestError(file, `unsupported file type "${extension || "(none)"}" (use ${SUPPORTED_EXTENSIONS.join(", ")})`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(file, code === "ENOENT" ? "file not found" : `cannot read (${code ?? error})`, { cause: error });
  }
  if (bytes.length === 0) throw new IngestError(file, "file is empty");
  if (bytes.length > LOAD_LIMITS.maxBytes) throw new IngestError(file, `is larger than ${LOAD_LIMITS.maxBytes / 1024 / 1024} MB`);
  const hash = sha256(bytes);
  const readOptions = { maxPages: options.maxPages ?? LOAD_LIMITS.maxPages, signal: options.signal };
  const { pages, layout } = reader.cached
    ? await cachedRead(await readKey(reader.format, hash, `p${readOptions.maxPages}`), options.cacheDir, () => reader.read(bytes, file, readOptions))
    : await reader.read(bytes, file, readOptions);
  if (pages.every((p) => p.text.trim() === "")) throw new IngestError(file, "no text could be extracted");
  const refusedPages = (layout?.pages ?? []).filter((p) => !p.quality.ok).map((p) => ({ page: p.number, reason: p.quality.reason ?? "unreadable text layer" }));
  if (layout && refusedPages.length === layout.pages.length) {
    throw new IngestError(file, `its text layer is unreadable on every page (${refusedPages[0]?.reason ?? "garbled"}); it may need OCR`);
  }
  return {
    id: documentId(file, root),
    source: path.resolve(file),
    format: reader.format,
    sha256: hash,
    pages,
    ...(layout ? { layout, info: layout.info, refusedPages } : {}),
  };
}

/**
 * The files to ingest: every supported file under `corpusDir` (sorted, so runs are repeatable), or the
 * given paths. A given path that is missing or unsupported is an error; files in the folder that are not
 * documents (studies.json, aliases) are skipped.
 */
export async function listCorpusFiles(corpusDir: string, paths: string[] = []): Promise<string[]> {
  if (paths.length > 0) {
    const files: string[] = [];
    for (const p of paths) {
      const info = await stat(p).catch(() => undefined);
      if (!info) throw new IngestError(p, "path not found");
      if (info.isDirectory()) files.push(...(await listCorpusFiles(p)));
      else if (!isSupported(p)) throw new IngestError(p, `unsupported file type "${path.extname(p) || "(none)"}" (use ${SUPPORTED_EXTENSIONS.join(", ")})`);
      else files.push(path.resolve(p));
    }
    return files;
  }
  const entries = await readdir(corpusDir, { withFileTypes: true, recursive: true }).catch((error) => {
    throw new IngestError(corpusDir, "corpus folder not found", { cause: error });
  });
  return entries
    .filter((e) => e.isFile() && isSupported(e.name) && !e.name.startsWith("."))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
