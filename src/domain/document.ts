/**
 * A document of the corpus: its identity (read from the PDF's info and first page, or the text's first
 * lines, optionally enriched by a CSL record) and what ingest made of it.
 */
import type { Lang } from "./lang.ts";

export type DocumentFormat = "txt" | "md" | "pdf";

export interface DocumentInfo {
  /** The file's path relative to the corpus folder: stable across machines. */
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  lang: Lang;
  /** Institutions the first page names under the authors (absent in indexes built before they were read). */
  affiliations?: string[];
  /** The author a "Corresponding author" note on the first page points to. */
  correspondingAuthor?: string | null;
  /** Short names the title spells out and the text uses ("TAM"): a question may name the document by them. */
  acronyms?: string[];
  /** The DOI its first page prints for it. */
  doi?: string | null;
  /** Pages in the file (PDF), or the highest page number the text shows; null when unknown. */
  pages: number | null;
  format: DocumentFormat;
  sha256: string;
  /** How source lines name it: "He et al. (2025)", or the first words of its title. */
  short: string;
  /** "review" when it has an included-studies table, else "paper". */
  kind: "review" | "paper";
  counts: { passages: number; studies: number; references: number };
  /** Pages refused as unreadable, or other problems ingest met, for the library view. */
  warnings: string[];
}

/** "Smith (2020)", "Smith & Jones (2020)", "Smith et al. (2020)"; the title's first words when there is no author. */
export function shortName(authors: string[], year: number | null, title: string): string {
  const family = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;
  const when = year ? ` (${year})` : "";
  if (authors.length === 0) {
    const words = title.split(/\s+/);
    return `${words.slice(0, 6).join(" ")}${words.length > 6 ? "…" : ""}${when}`;
  }
  if (authors.length === 1) return `${family(authors[0])}${when}`;
  if (authors.length === 2) return `${family(authors[0])} & ${family(authors[1])}${when}`;
  return `${family(authors[0])} et al.${when}`;
}
