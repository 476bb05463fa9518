/**
 * Counting line-end hyphenation left in extracted text ("learn-ing", "learn- ing", "learn-\ning"): a
 * hyphenated pair whose joined form is a dictionary word and that the PDF never prints hyphenated inside a
 * line. Used to compare extractors (scripts/measure-pdf.ts).
 */
import type { DocumentWords } from "./join.ts";
import { isDictionaryWord } from "./quality.ts";

const HYPHENATED = /([\p{L}]{2,})-[ \t]*\n?[ \t]*([\p{Ll}]{2,})/gu;

/**
 * The artefacts in `text`, as printed ("learn-ing").
 *
 * @example hyphenArtefacts("reinforcement learn-\ning", new DocumentWords([])) // ["learn-ing"]
 */
export function hyphenArtefacts(text: string, inLine: DocumentWords): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HYPHENATED)) {
    const [, head, tail] = m;
    if (inLine.hasHyphenated(head, tail)) continue;
    if (isDictionaryWord(head + tail)) out.push(`${head}-${tail}`);
  }
  return out;
}
