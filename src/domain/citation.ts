/** What an answer cites: a passage, the exact span quoted from it, its document and its source studies. */
import type { SectionId } from "./sections.ts";

export interface SourceReference {
  number: number;
  reference: string;
  /** Where the document contradicts itself about this study. */
  note?: string;
}

export interface Citation {
  n: number;
  passageId: string;
  docId: string;
  /** The document's short name ("Buletin Kesehatan (2022)", "He et al. (2025)"). */
  document: string;
  /** The exact supporting span: always the passage text at [quoteStart, quoteEnd). */
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  section: SectionId;
  heading: string;
  page: number | null;
  studies: number[];
  /** APA reference of the passage's source studies (joined), or of the document when it is about none. */
  reference: string;
  references: SourceReference[];
  note?: string;
}
