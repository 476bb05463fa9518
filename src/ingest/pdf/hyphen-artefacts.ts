/**
 * Counting line-end hyphenation left in extracted text ("learn-ing", "learn- ing", "learn-\ning"): a
 * hyphenated pair whose joined form is a dictionary word and that the PDF never prints hyphenated inside a
 * line. Used to compare extractors (scripts/measure-pdf.ts).
 */
import type { DocumentWords } from "./join.ts";
import { isDictionaryWord } from "./quality.ts";
import type { PdfLayout } from "./types.ts";

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

/**
 * The words a PDF breaks with a hyphen at a line's end, in reading order ("learn-" | "ing").
 *
 * @example lineEndBreaks(layout).slice(0, 2) // [["com", "pile"], ["al", "ternative"]]
 */
export function lineEndBreaks(layout: PdfLayout): [string, string][] {
  const lines = layout.pages.flatMap((p) => p.lines.filter((l) => l.role !== "furniture" && l.role !== "stamp").map((l) => l.text.trim()));
  const out: [string, string][] = [];
  lines.forEach((line, i) => {
    const head = /([\p{L}]{2,})-$/u.exec(line);
    const tail = /^([\p{Ll}]{2,})/u.exec(lines[i + 1] ?? "");
    if (head && tail) out.push([head[1], tail[1]]);
  });
  return out;
}

/**
 * Compounds that lost their hyphen ("retrieval-" | "augmented" -> "retrievalaugmented"): a line-end break
 * of a lower-case word (a capitalised one is more often a name: "Char-" | "lin") whose halves are words and
 * whose joined form is neither a word nor printed whole in the PDF, found joined in `text`.
 *
 * @example lostHyphens("retrievalaugmented models", [["retrieval", "augmented"]], new DocumentWords([])) // ["retrievalaugmented"]
 */
export function lostHyphens(text: string, breaks: readonly [string, string][], inLine: DocumentWords): string[] {
  const words = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
  const out: string[] = [];
  for (const [head, tail] of breaks) {
    const joined = (head + tail).toLowerCase();
    if (!/^\p{Ll}/u.test(head) || !isDictionaryWord(head) || !isDictionaryWord(tail) || isDictionaryWord(joined) || inLine.has(joined)) continue;
    if (words.has(joined)) out.push(joined);
  }
  return [...new Set(out)];
}
