/**
 * The nouns of ingest before passages exist: a loaded document and its cleaned lines. The shared nouns
 * (Passage, StudyRecord, DocumentInfo...) are in src/domain.
 */
import type { DocumentFormat } from "../domain/document.ts";
import type { LineRole, PdfLayout } from "./pdf/types.ts";

export type { LineRole };

export interface RawPage {
  /** Page number when known (a PDF page, or a page number recovered from the running header). */
  number: number | null;
  text: string;
  /** Lines with layout, when the reader has it (PDF): reading order, font size, role. */
  lines?: LayoutLine[];
}


export interface LayoutLine {
  text: string;
  fontSize: number;
  bold: boolean;
  role: LineRole;
  /** The line starts a paragraph (the layout's geometry says so). */
  paragraphStart?: boolean;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  creationYear?: number;
}

export interface RawDocument {
  /** Stable document id: the file name relative to the corpus folder. */
  id: string;
  source: string;
  format: DocumentFormat;
  sha256: string;
  pages: RawPage[];
  /** The PDF's own metadata (often empty or wrong: checked before use). */
  info?: PdfInfo;
  /** Pages refused as unreadable (garbled text layer), with why. */
  refusedPages?: { page: number; reason: string }[];
  /** A PDF's layout (reference list, citations, hyphenation read from it). */
  layout?: PdfLayout;
}

/** One non-empty line of a document after page furniture is gone. */
export interface SourceLine {
  text: string;
  page: number | null;
  /** 1-based line number in the loaded text (for debugging and tests). */
  lineNo: number;
  /** The line closes a sentence and was followed by extra space: a paragraph ends here. */
  paragraphEnd: boolean;
  role?: LineRole;
  fontSize?: number;
}
