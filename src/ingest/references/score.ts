/**
 * Scoring reference parsing and citation linking against hand-labelled gold. Pure functions, shared by
 * scripts/measure-pdf.ts and the tests.
 */
import { foldCase } from "../../text/tokenize.ts";

export interface GoldReference {
  index: number;
  firstAuthor: string;
  year?: number;
  title: string;
}

export interface ParsedReference {
  index: number;
  authors: readonly string[];
  year?: number;
  title?: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  gold: number;
}

/** A title counts as right when its token F1 against the gold title reaches this. */
export const TITLE_F1 = 0.8;

/**
 * Precision, recall and F1 from counts (empty sets score 1: nothing to find, nothing wrongly found).
 *
 * @example prf(3, 4, 6) // { precision: 0.75, recall: 0.5, f1: 0.6, ... }
 */
export function prf(truePositives: number, predicted: number, gold: number): PRF {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = gold === 0 ? 1 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, gold };
}

const tokens = (text: string) => foldCase(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Token F1 of two strings (bag of lower-cased words and numbers).
 *
 * @example tokenF1("Gpt-4o system card", "GPT-4o System Card") // 1
 */
export function tokenF1(predicted: string, gold: string): number {
  const p = tokens(predicted);
  const g = tokens(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const left = new Map<string, number>();
  for (const t of g) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const n = left.get(t) ?? 0;
    if (n > 0) {
      common++;
      left.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * The last word of a family name, folded ("Van Noorden" and "Noorden" meet; particles vary by style).
 *
 * @example surnameKey("Van Noorden") === surnameKey("Noorden") // true
 */
export function surnameKey(name: string): string {
  const words = tokens(name);
  return words[words.length - 1] ?? "";
}

/**
 * Same first author (by surnameKey), same year (or both without), title token F1 >= TITLE_F1.
 *
 * @example sameReference({ index: 1, authors: ["Feng"], year: 2024, title: "Agile: A novel framework of llm agents" }, gold[7]) // true
 */
export function sameReference(parsed: ParsedReference, gold: GoldReference): boolean {
  return (
    surnameKey(parsed.authors[0] ?? "") === surnameKey(gold.firstAuthor) &&
    parsed.year === gold.year &&
    tokenF1(parsed.title ?? "", gold.title) >= TITLE_F1
  );
}

/**
 * Match parsed entries to gold entries one to one (each parsed entry to the first unmatched gold entry it
 * equals). Returns parsed index -> gold index.
 *
 * @example matchReferences(parsed, gold).get(3) // 3: parsed entry 3 is gold entry 3
 */
export function matchReferences(parsed: readonly ParsedReference[], gold: readonly GoldReference[]): Map<number, number> {
  const out = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of parsed) {
    const g = gold.find((candidate) => !taken.has(candidate.index) && sameReference(p, candidate));
    if (g) {
      out.set(p.index, g.index);
      taken.add(g.index);
    }
  }
  return out;
}

/**
 * Reference parsing P/R/F1: an entry is right when it matches a gold entry.
 *
 * @example scoreReferences(parseReferences(layout), gold).f1 // 1
 */
export function scoreReferences(parsed: readonly ParsedReference[], gold: readonly GoldReference[]): PRF {
  return prf(matchReferences(parsed, gold).size, parsed.length, gold.length);
}

/**
 * Where `snippet` occurs in `text`, compared on letters and digits only (spacing, hyphens and quotes vary
 * between extractors). Returns the span in `text`, or undefined.
 *
 * @example findLoosely("a register-\ncarried value (6).", "registercarried value (6)") // { start: 2, end: 28 }
 */
export function findLoosely(text: string, snippet: string): { start: number; end: number } | undefined {
  const offsets: number[] = [];
  let squashed = "";
  for (let i = 0; i < text.length; i++) {
    const folded = foldCase(text[i]).replace(/[^\p{L}\p{N}]/gu, "");
    for (const ch of folded) {
      squashed += ch;
      offsets.push(i);
    }
  }
  const needle = foldCase(snippet).replace(/[^\p{L}\p{N}]/gu, "");
  const at = needle ? squashed.indexOf(needle) : -1;
  if (at < 0) return undefined;
  return { start: offsets[at], end: offsets[at + needle.length - 1] + 1 };
}
