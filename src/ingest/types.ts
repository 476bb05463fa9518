/** The nouns of ingest: a loaded document, its cleaned lines, and the passages it becomes. */

export const SECTION_IDS = [
  "abstrak", "abstract", "pendahuluan", "metode", "hasil", "pembahasan", "simpulan", "tabel",
] as const;
/** One of the review's own headings, or "body" for text before any heading (other documents). */
export type SectionId = (typeof SECTION_IDS)[number] | "body";

export type Lang = "id" | "en";

export interface RawPage {
  /** Page number when known (a PDF page, or a page number recovered from the running header). */
  number: number | null;
  text: string;
}

export interface RawDocument {
  /** Stable document id: the file name relative to the corpus folder. */
  id: string;
  source: string;
  format: "txt" | "md" | "pdf";
  sha256: string;
  pages: RawPage[];
}

/** One non-empty line of a document after running headers and page numbers are gone. */
export interface SourceLine {
  text: string;
  page: number | null;
  /** 1-based line number in the loaded text (for debugging and tests). */
  lineNo: number;
  /** The line closes a sentence and was followed by extra space in the PDF: a paragraph ends here. */
  paragraphEnd: boolean;
}

export type PassageKind = "prose" | "table-row";

export interface Passage {
  id: string;
  docId: string;
  text: string;
  section: SectionId;
  page: number | null;
  /** Study numbers (1-10) the passage is about; [] for the review as a whole. */
  studies: number[];
  lang: Lang;
  kind: PassageKind;
  /** Character offsets of `text` in the document's cleaned text. */
  start: number;
  end: number;
  /**
   * Words indexed with the passage but not shown: a table cell's study title, so that "the survivor-mentor
   * program's results" finds the row whose cells do not repeat the title.
   */
  context: string;
}

/** Thrown for input ingest refuses: the message names the file and says what is wrong. */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}
